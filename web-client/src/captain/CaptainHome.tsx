import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { CaptainGamificationCards } from './gamification/CaptainGamificationCards';
import { CaptainCards } from './patrol/CaptainCards';
import { InviteCard } from '../shared/joining/InviteCard';

export function CaptainHome({ assignments }: AreaProps) {
  return (
    <AreaSection role="CAPTAIN" assignments={assignments}>
      <CaptainCards />
      <CaptainGamificationCards />
      <InviteCard id="captain-invitations" to="/captain/invitations" />
    </AreaSection>
  );
}
