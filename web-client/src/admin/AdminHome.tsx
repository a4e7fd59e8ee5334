import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AreaProps, AreaSection } from '../shared/ui/AreaSection';
import { GoalsCard } from '../shared/gamification/GoalsCard';
import { LedgerOverviewCard } from './timebank/LedgerOverviewCard';
import { InviteCard } from '../shared/joining/InviteCard';
import { ResetCodeByPhone } from '../shared/auth/ResetCodeIssue';

export function AdminHome({ assignments }: AreaProps) {
  const { t } = useTranslation();
  const community = assignments.find((a) => a.scope.__typename === 'Community')?.scope.id;
  return (
    <AreaSection role="ADMINISTRATOR" assignments={assignments}>
      <li className="card" data-testid="card-admin-grids">
        <h3 className="card-title">{t('admin.grids.title')}</h3>
        <p className="card-text">{t('admin.grids.text')}</p>
        <Link className="button" to="/admin/grids" data-testid="open-admin-grids">{t('settlement.open')}</Link>
      </li>
      <li className="card" data-testid="card-admin-teams">
        <h3 className="card-title">{t('admin.teams.title')}</h3>
        <p className="card-text">{t('admin.teams.text')}</p>
        <Link className="button" to="/admin/teams" data-testid="open-admin-teams">{t('teams.open')}</Link>
      </li>
      <li className="card" data-testid="card-admin-merchants">
        <h3 className="card-title">{t('admin.merchants.title')}</h3>
        <p className="card-text">{t('admin.merchants.text')}</p>
        <Link className="button" to="/admin/merchants" data-testid="open-admin-merchants">{t('settlement.open')}</Link>
      </li>
      <LedgerOverviewCard />
      <li className="card" data-testid="card-admin-gamification">
        <h3 className="card-title">{t('gamification.admin.cardTitle')}</h3>
        <p className="card-text">{t('gamification.admin.cardText')}</p>
        <Link className="button" to="/admin/badges" data-testid="open-admin-badges">{t('gamification.admin.badgesTitle')}</Link>
        <Link className="button" to="/admin/levels" data-testid="open-admin-levels">{t('gamification.admin.levelsTitle')}</Link>
        <Link className="button" to="/admin/goals" data-testid="open-admin-goals">{t('gamification.admin.goalsTitle')}</Link>
      </li>
      {community && <GoalsCard communityId={community} id="admin-goals" />}
      <li className="card" data-testid="card-admin-cases">
        <h3 className="card-title">{t('casework.admin.title')}</h3>
        <p className="card-text">{t('casework.admin.text')}</p>
        <Link className="button" to="/admin/case-categories" data-testid="open-case-categories">{t('casework.categories.title')}</Link>
        <Link className="button" to="/admin/case-kpis" data-testid="open-case-kpis">{t('casework.kpi.title')}</Link>
        <Link className="button" to="/admin/open311-keys" data-testid="open-open311-keys">{t('casework.open311.open')}</Link>
      </li>
      <li className="card" data-testid="card-admin-statistics">
        <h3 className="card-title">{t('admin.statistics.title')}</h3>
        <p className="card-text">{t('admin.statistics.text')}</p>
        <Link className="button" to="/admin/statistics" data-testid="open-admin-statistics">{t('statistics.title')}</Link>
      </li>
      <InviteCard id="admin-invitations" to="/admin/invitations" rosterTo="/admin/roster-import" />
      <li className="card" data-testid="card-admin-audit">
        <h3 className="card-title">{t('audit.cardTitle')}</h3>
        <p className="card-text">{t('audit.cardText')}</p>
        <Link className="button" to="/admin/audit-log" data-testid="open-audit-log">{t('audit.open')}</Link>
      </li>
      <li className="card" data-testid="card-admin-reset-password">
        <h3 className="card-title">{t('accountCare.reset.adminTitle')}</h3>
        <p className="card-text">{t('accountCare.reset.adminText')}</p>
        <ResetCodeByPhone />
      </li>
    </AreaSection>
  );
}
