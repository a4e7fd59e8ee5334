import { useTranslation } from 'react-i18next';
import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { ComingSoonCard } from '../shared/ui/ComingSoonCard';

export function GridWorkerHome({ assignments }: AreaProps) {
  const { t } = useTranslation();
  return (
    <AreaSection role="GRID_WORKER" assignments={assignments}>
      <ComingSoonCard id="gridworker-live-map" title={t('gridworker.liveMap.title')} text={t('gridworker.liveMap.text')} />
      <ComingSoonCard id="gridworker-cases" title={t('gridworker.cases.title')} text={t('gridworker.cases.text')} />
    </AreaSection>
  );
}
