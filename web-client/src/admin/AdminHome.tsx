import { useTranslation } from 'react-i18next';
import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { ComingSoonCard } from '../shared/ui/ComingSoonCard';
import { LedgerOverviewCard } from './timebank/LedgerOverviewCard';

export function AdminHome({ assignments }: AreaProps) {
  const { t } = useTranslation();
  return (
    <AreaSection role="ADMINISTRATOR" assignments={assignments}>
      <ComingSoonCard id="admin-grids" title={t('admin.grids.title')} text={t('admin.grids.text')} />
      <ComingSoonCard id="admin-teams" title={t('admin.teams.title')} text={t('admin.teams.text')} />
      <ComingSoonCard id="admin-merchants" title={t('admin.merchants.title')} text={t('admin.merchants.text')} />
      <LedgerOverviewCard />
      <ComingSoonCard id="admin-statistics" title={t('admin.statistics.title')} text={t('admin.statistics.text')} />
    </AreaSection>
  );
}
