import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { CaptainGamificationCards } from './gamification/CaptainGamificationCards';
import { CaptainCards } from './patrol/CaptainCards';

export function CaptainHome({ assignments }: AreaProps) {
  return (
    <AreaSection role="CAPTAIN" assignments={assignments}>
      <CaptainCards />
      <CaptainGamificationCards />
    </AreaSection>
  );
}
