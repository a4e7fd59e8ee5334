import { useTranslation } from 'react-i18next';
import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { ComingSoonCard } from '../shared/ui/ComingSoonCard';
import { LocalLegendCard } from '../shared/gamification/LocalLegendCard';
import { AtRiskShiftsCard } from './AtRiskShiftsCard';
import { LiveMapCard } from './LiveMapCard';

export function GridWorkerHome({ assignments }: AreaProps) {
  const { t } = useTranslation();
  return (
    <AreaSection role="GRID_WORKER" assignments={assignments}>
      <LiveMapCard />
      <AtRiskShiftsCard />
      {assignments.filter((a) => a.scope.__typename === 'Grid').map((a, index, grids) => (
        <LocalLegendCard key={a.scope.id} gridId={a.scope.id} withGoals={index === grids.length - 1} />
      ))}
      <ComingSoonCard id="gridworker-cases" title={t('gridworker.cases.title')} text={t('gridworker.cases.text')} />
    </AreaSection>
  );
}
