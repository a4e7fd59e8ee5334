import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAccount } from '../../shared/auth/account';
import { Page } from '../../shared/ui/Page';
import { CommunityMerchantsQuery, MerchantApproveMutation, MerchantMonthQuery, MerchantSuspendMutation } from './operations';

/** This month's figures of one merchant. */
function MonthFigures({ merchantId }: { merchantId: string }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: MerchantMonthQuery, variables: { merchantId }, requestPolicy: 'cache-and-network' });
  const month = data?.merchantSettlement;
  if (!month) return null;
  return <p className="card-text">{month.month}: {t('settlement.total', { count: month.redemptions, minutes: month.minutes })}</p>;
}

/** The community's merchants: approve, suspend or reinstate them, and see this month's figures. */
export function MerchantsScreen() {
  const { t } = useTranslation();
  const account = useAccount();
  const community = account.roles.find((r) => r.role === 'ADMINISTRATOR')?.scope?.id;
  const [{ data }] = useQuery({ query: CommunityMerchantsQuery, variables: { communityId: community ?? '' }, pause: !community });
  const [, approve] = useMutation(MerchantApproveMutation);
  const [, suspend] = useMutation(MerchantSuspendMutation);
  const merchants = data?.node && 'merchants' in data.node ? data.node.merchants : [];

  return (
    <Page>
      <nav className="back">
        <Link to="/admin">{t('timebank.back')}</Link>
      </nav>
      <h1>{t('admin.merchants.title')}</h1>
      <ul className="cards">
        {merchants.map((merchant) => (
          <li key={merchant.id} className="card" data-testid="admin-merchant">
            <h3 className="card-title">{merchant.name}</h3>
            <p className="card-text">{merchant.address} · {t(`merchantStatus.${merchant.status}`)}</p>
            <MonthFigures merchantId={merchant.id} />
            <div className="timebank-actions">
              {merchant.status !== 'APPROVED' && (
                <button type="button" className="button" onClick={() => approve({ input: { merchantId: merchant.id } })}>
                  {t('merchantStatus.approve')}
                </button>
              )}
              {merchant.status === 'APPROVED' && (
                <button type="button" className="button" onClick={() => suspend({ input: { merchantId: merchant.id } })}>
                  {t('merchantStatus.suspend')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}
