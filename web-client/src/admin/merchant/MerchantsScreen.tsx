import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { AdminMerchantFragment } from '../../gql/graphql';
import '../../merchant/apply/apply.css';
import { useAccount } from '../../shared/auth/account';
import { Page } from '../../shared/ui/Page';
import {
  CommunityMerchantsQuery,
  MerchantApproveMutation,
  MerchantMonthQuery,
  MerchantReinstateMutation,
  MerchantRejectMutation,
  MerchantSuspendMutation,
} from './operations';
import { LoadError } from '../../shared/ui/LoadError';

type Outcome = Promise<{ data?: Record<string, { userErrors: { message: string }[] } | undefined> | null; error?: unknown }>;

/** This month's figures of one merchant. */
function MonthFigures({ merchantId }: { merchantId: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: MerchantMonthQuery, variables: { merchantId }, requestPolicy: 'cache-and-network' });
  const month = data?.merchantSettlement;
  if (!month) return <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  return <p className="card-text">{month.month}: {t('settlement.total', { count: month.redemptions, minutes: month.minutes })}</p>;
}

/** A pending application with everything the administrator checks, and the decision. */
function PendingApplication({ shop, decide }: { shop: AdminMerchantFragment; decide: (action: 'approve' | 'reject', reason?: string) => void }) {
  const { t, i18n } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const application = shop.application;
  const { latitude, longitude } = shop.location;
  return (
    <li className="card shop-pending" data-testid="admin-application" data-name={shop.name}>
      <h3 className="card-title">{shop.name}</h3>
      <dl className="shop-details">
        <dt>{t('adminApplications.category')}</dt>
        <dd>{t(`categories.${shop.category}`, { defaultValue: shop.category })}</dd>
        <dt>{t('adminApplications.address')}</dt>
        <dd>{shop.address}</dd>
        <dt>{t('adminApplications.location')}</dt>
        <dd>
          {latitude.toFixed(5)}, {longitude.toFixed(5)} ·{' '}
          <a href={`https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`} target="_blank" rel="noreferrer">
            {t('adminApplications.map')}
          </a>
        </dd>
        {application && (
          <>
            <dt>{t('adminApplications.applicant')}</dt>
            <dd data-testid="admin-application-applicant">{application.applicant.displayName}</dd>
            <dt>{t('adminApplications.contactPhone')}</dt>
            <dd><a href={`tel:${application.contactPhone}`}>{application.contactPhone}</a></dd>
            <dt>{t('adminApplications.appliedAt')}</dt>
            <dd>{new Date(application.appliedAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
          </>
        )}
      </dl>
      {rejecting ? (
        <form className="shop-form" onSubmit={(e) => { e.preventDefault(); decide('reject', reason); }} noValidate>
          <label className="field"><span className="field-label">{t('adminApplications.reason')}</span>
            <input type="text" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="application-reason" /></label>
          <div className="timebank-actions">
            <button type="submit" className="button" disabled={reason.trim() === ''} data-testid="application-reject-confirm">
              {t('adminApplications.rejectConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setRejecting(false)}>{t('adminApplications.cancel')}</button>
          </div>
        </form>
      ) : (
        <div className="timebank-actions">
          <button type="button" className="button primary" onClick={() => decide('approve')} data-testid="application-approve">
            {t('adminApplications.approve')}
          </button>
          <button type="button" className="button" onClick={() => setRejecting(true)} data-testid="application-reject">
            {t('adminApplications.reject')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The community's merchants: pending applications first, to approve or reject; then suspend or reinstate the others. */
export function MerchantsScreen() {
  const { t } = useTranslation();
  const account = useAccount();
  const community = account.roles.find((r) => r.role === 'ADMINISTRATOR')?.scope?.id;
  const [{ data, error }, refetch] = useQuery({ query: CommunityMerchantsQuery, variables: { communityId: community ?? '' }, pause: !community });
  const [, approve] = useMutation(MerchantApproveMutation);
  const [, reject] = useMutation(MerchantRejectMutation);
  const [, suspend] = useMutation(MerchantSuspendMutation);
  const [, reinstate] = useMutation(MerchantReinstateMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const merchants = data?.node && 'merchants' in data.node ? data.node.merchants : [];
  // first come, first decided
  const pending = merchants
    .filter((m) => m.status === 'PENDING')
    .sort((a, b) => (a.application?.appliedAt ?? '').localeCompare(b.application?.appliedAt ?? ''));
  const others = merchants.filter((m) => m.status !== 'PENDING');

  async function act(outcome: Outcome) {
    const result = await outcome;
    const payload = result.data ? Object.values(result.data)[0] : undefined;
    setProblem(payload?.userErrors[0]?.message ?? (payload ? null : t('errors.network')));
    refetch({ requestPolicy: 'network-only' });
  }

  function decide(shop: AdminMerchantFragment, action: 'approve' | 'reject', reason?: string) {
    const input = { merchantId: shop.id };
    void act((action === 'approve' ? approve({ input }) : reject({ input: { ...input, reason: reason ?? '' } })) as Outcome);
  }

  return (
    <Page>
      <nav className="back">
        <Link to="/admin">{t('timebank.back')}</Link>
      </nav>
      <h1>{t('admin.merchants.title')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {problem && <p className="problem" role="alert" data-testid="admin-merchants-problem">{problem}</p>}
      {pending.length > 0 && (
        <section className="shop-section" aria-labelledby="pending-applications">
          <h2 id="pending-applications">{t('adminApplications.title')} ({pending.length})</h2>
          <ul className="cards">
            {pending.map((shop) => <PendingApplication key={shop.id} shop={shop} decide={(action, reason) => decide(shop, action, reason)} />)}
          </ul>
        </section>
      )}
      <section className="shop-section" aria-labelledby="community-merchants">
        <h2 id="community-merchants">{t('adminApplications.merchants')}</h2>
        <ul className="cards">
          {others.map((merchant) => (
            <li key={merchant.id} className="card" data-testid="admin-merchant" data-name={merchant.name}>
              <h3 className="card-title">{merchant.name}</h3>
              <p className="card-text">
                {t(`categories.${merchant.category}`, { defaultValue: merchant.category })} · {merchant.address} ·{' '}
                <span className={`shop-status ${merchant.status}`}>{t(`merchantStatus.${merchant.status}`)}</span>
              </p>
              {merchant.application && (
                <p className="card-text">{merchant.application.applicant.displayName} · {merchant.application.contactPhone}</p>
              )}
              {merchant.status === 'REJECTED' && merchant.application?.rejectionReason && (
                <p className="card-text">{t('adminApplications.rejectedReason', { reason: merchant.application.rejectionReason })}</p>
              )}
              {merchant.status !== 'REJECTED' && <MonthFigures merchantId={merchant.id} />}
              <div className="timebank-actions">
                {merchant.status === 'SUSPENDED' && (
                  <button type="button" className="button" onClick={() => void act(reinstate({ input: { merchantId: merchant.id } }) as Outcome)}>
                    {t('merchantStatus.reinstate')}
                  </button>
                )}
                {merchant.status === 'APPROVED' && (
                  <button type="button" className="button" onClick={() => void act(suspend({ input: { merchantId: merchant.id } }) as Outcome)}>
                    {t('merchantStatus.suspend')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
