import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { HomeCard } from '../shared/ui/HomeCard';
import { GoalsCard } from '../shared/gamification/GoalsCard';
import { LedgerOverviewCard } from './timebank/LedgerOverviewCard';
import { InviteCard } from '../shared/joining/InviteCard';
import { ResetCodeByPhone } from '../shared/auth/ResetCodeIssue';

export function AdminHome({ assignments }: AreaProps) {
  const { t } = useTranslation();
  const community = assignments.find((a) => a.scope.__typename === 'Community')?.scope.id;
  return (
    <AreaSection role="ADMINISTRATOR" assignments={assignments}>
      <HomeCard id="admin-grids" title={t('admin.grids.title')} text={t('admin.grids.text')}>
        <Link className="button" to="/admin/grids" data-testid="open-admin-grids">{t('settlement.open')}</Link>
      </HomeCard>
      <HomeCard id="admin-teams" title={t('admin.teams.title')} text={t('admin.teams.text')}>
        <Link className="button" to="/admin/teams" data-testid="open-admin-teams">{t('teams.open')}</Link>
      </HomeCard>
      <HomeCard id="admin-merchants" title={t('admin.merchants.title')} text={t('admin.merchants.text')}>
        <Link className="button" to="/admin/merchants" data-testid="open-admin-merchants">{t('settlement.open')}</Link>
      </HomeCard>
      <LedgerOverviewCard />
      <HomeCard id="admin-gamification" title={t('gamification.admin.cardTitle')} text={t('gamification.admin.cardText')}>
        <Link className="button" to="/admin/badges" data-testid="open-admin-badges">{t('gamification.admin.badgesTitle')}</Link>
        <Link className="button" to="/admin/levels" data-testid="open-admin-levels">{t('gamification.admin.levelsTitle')}</Link>
        <Link className="button" to="/admin/goals" data-testid="open-admin-goals">{t('gamification.admin.goalsTitle')}</Link>
      </HomeCard>
      {community && <GoalsCard communityId={community} id="admin-goals" />}
      <HomeCard id="admin-cases" title={t('casework.admin.title')} text={t('casework.admin.text')}>
        <Link className="button" to="/admin/case-categories" data-testid="open-case-categories">{t('casework.categories.title')}</Link>
        <Link className="button" to="/admin/case-kpis" data-testid="open-case-kpis">{t('casework.kpi.title')}</Link>
        <Link className="button" to="/admin/open311-keys" data-testid="open-open311-keys">{t('casework.open311.open')}</Link>
      </HomeCard>
      <HomeCard id="admin-statistics" title={t('admin.statistics.title')} text={t('admin.statistics.text')}>
        <Link className="button" to="/admin/statistics" data-testid="open-admin-statistics">{t('statistics.title')}</Link>
      </HomeCard>
      <InviteCard id="admin-invitations" to="/admin/invitations" rosterTo="/admin/roster-import" />
      <HomeCard id="admin-audit" title={t('audit.cardTitle')} text={t('audit.cardText')}>
        <Link className="button" to="/admin/audit-log" data-testid="open-audit-log">{t('audit.open')}</Link>
      </HomeCard>
      <HomeCard id="admin-reset-password" title={t('accountCare.reset.adminTitle')} text={t('accountCare.reset.adminText')}>
        <ResetCodeByPhone />
      </HomeCard>
    </AreaSection>
  );
}
