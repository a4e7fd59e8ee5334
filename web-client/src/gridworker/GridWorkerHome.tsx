import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { AtRiskShiftsCard } from './AtRiskShiftsCard';
import { LiveMapCard } from './LiveMapCard';
import { CasesCard } from './casework/CasesCard';

export function GridWorkerHome({ assignments }: AreaProps) {
  return (
    <AreaSection role="GRID_WORKER" assignments={assignments}>
      <LiveMapCard />
      <AtRiskShiftsCard />
      <CasesCard />
    </AreaSection>
  );
}
