import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useAccount } from '../../shared/auth/account';
import { Page } from '../../shared/ui/Page';
import '../../volunteer/timebank/timebank.css';
import { TimeBankOverviewQuery } from './operations';
import { LoadError } from '../../shared/ui/LoadError';

/** The administrator's view of the community's time bank: minutes issued, spent and outstanding by month, and the ledger's health. */
export function LedgerOverviewScreen() {
  const { t } = useTranslation();
  const account = useAccount();
  const community = account.roles.find((r) => r.role === 'ADMINISTRATOR')?.scope?.id;
  const [{ data, error }, refetch] = useQuery({
    query: TimeBankOverviewQuery,
    variables: { communityId: community ?? '' },
    pause: !community,
    requestPolicy: 'network-only',
  });
  const overview = data?.timeBankOverview;
  const check = data?.ledgerCheck;

  return (
    <Page>
      <nav className="back">
        <Link to="/admin">{t('timebank.back')}</Link>
      </nav>
      <h1>{t('timebank.admin.title', { community: overview?.community.name ?? '' })}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {check && (
        <p className={check.healthy ? 'notice' : 'problem'} role="status" data-testid="ledger-health">
          {check.healthy ? t('timebank.admin.healthy') : t('timebank.admin.breaches', { count: check.breaches.length })}
        </p>
      )}
      {check && !check.healthy && (
        <ul>
          {check.breaches.map((breach, index) => (
            <li key={index}>
              {breach.code}: {breach.detail}
            </li>
          ))}
        </ul>
      )}
      {overview && (
        <>
          <dl className="balances">
            <div>
              <dt>{t('timebank.admin.issued')}</dt>
              <dd data-testid="overview-issued">{overview.issued}</dd>
            </div>
            <div>
              <dt>{t('timebank.admin.spent')}</dt>
              <dd data-testid="overview-spent">{overview.spent}</dd>
            </div>
            <div>
              <dt>{t('timebank.admin.outstanding')}</dt>
              <dd data-testid="overview-outstanding">{overview.outstanding}</dd>
            </div>
            <div>
              <dt>{t('timebank.passbook.honour')}</dt>
              <dd>{overview.honourMinutes}</dd>
            </div>
          </dl>
          <p className="intro">{t('timebank.admin.inMinutes')}</p>
          <table className="overview-table" data-testid="overview-months">
            <thead>
              <tr>
                <th>{t('timebank.admin.month')}</th>
                <th>{t('timebank.admin.issued')}</th>
                <th>{t('timebank.admin.spent')}</th>
                <th>{t('timebank.admin.outstanding')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.months.map((month) => (
                <tr key={month.month}>
                  <td>{month.month}</td>
                  <td>{month.issued}</td>
                  <td>{month.spent}</td>
                  <td>{month.outstanding}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
