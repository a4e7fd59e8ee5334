import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { LocalLegendCard } from '../shared/gamification/LocalLegendCard';
import { AtRiskShiftsCard } from './AtRiskShiftsCard';
import { LiveMapCard } from './LiveMapCard';
import { CasesCard } from './casework/CasesCard';
import { InviteCard } from '../shared/joining/InviteCard';

export function GridWorkerHome({ assignments }: AreaProps) {
  return (
    <AreaSection role="GRID_WORKER" assignments={assignments}>
      <LiveMapCard />
      <AtRiskShiftsCard />
      {assignments.filter((a) => a.scope.__typename === 'Grid').map((a, index, grids) => (
        <LocalLegendCard key={a.scope.id} gridId={a.scope.id} withGoals={index === grids.length - 1} />
      ))}
      <CasesCard />
      <InviteCard id="grid-worker-invitations" to="/grid-worker/invitations" />
    </AreaSection>
  );
}
