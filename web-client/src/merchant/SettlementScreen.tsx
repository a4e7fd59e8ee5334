import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../shared/auth/SessionProvider';
import { bearer } from '../shared/graphql/endpoint';
import { Page } from '../shared/ui/Page';
import { MerchantReportQuery, MyMerchantsQuery } from './operations';
import { LoadError } from '../shared/ui/LoadError';

/** Downloads the month's settlement from GET /merchant-settlement.csv, which needs the bearer token a link cannot carry. */
async function downloadSettlementCsv(token: string, merchantId: string, month: string): Promise<void> {
  const query = new URLSearchParams({ merchantId, month });
  const response = await fetch(`/merchant-settlement.csv?${query}`, { headers: { Authorization: bearer(token) } });
  if (!response.ok) throw new Error(`merchant-settlement.csv: ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `settlement-${month}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** The shop's monthly settlement by offer, with CSV, and its latest confirmed codes. */
export function SettlementScreen() {
  const { t } = useTranslation();
  const { token } = useSession();
  const [{ data: mine, error: mineError }, refetchMine] = useQuery({ query: MyMerchantsQuery });
  const merchant = mine?.myMerchants[0];
  const [month, setMonth] = useState(() => new Date().toISOString().slice(0, 7));
  const [{ data, error }, refetch] = useQuery({
    query: MerchantReportQuery,
    variables: { merchantId: merchant?.id ?? '', month },
    pause: !merchant,
    requestPolicy: 'cache-and-network',
  });
  const settlement = data?.merchantSettlement;

  return (
    <Page>
      <nav className="back">
        <Link to="/merchant">{t('timebank.back')}</Link>
      </nav>
      <h1>{t('settlement.title')}{merchant ? ` · ${merchant.name}` : ''}</h1>
      <LoadError error={mineError} retry={() => refetchMine({ requestPolicy: 'network-only' })} />
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      <label className="field" htmlFor="settlement-month">
        <span className="field-label">{t('settlement.month')}</span>
        <input id="settlement-month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
      </label>
      {settlement && (
        <section data-testid="settlement">
          <p className="offer-price">{t('settlement.total', { count: settlement.redemptions, minutes: settlement.minutes })}</p>
          <ul className="cards">
            {settlement.offers.map((line) => (
              <li key={line.offer.id} className="card">
                <h3 className="card-title">{line.offer.title}</h3>
                <p className="card-text">{t('settlement.total', { count: line.redemptions, minutes: line.minutes })}</p>
              </li>
            ))}
          </ul>
          {token && merchant && (
            <button type="button" className="button" onClick={() => downloadSettlementCsv(token, merchant.id, settlement.month)}>
              {t('settlement.csv')}
            </button>
          )}
        </section>
      )}
      <h2>{t('settlement.history')}</h2>
      <ul className="cards">
        {data?.merchantRedemptions.map((r) => (
          <li key={r.id} className="card" data-testid="merchant-redemption">
            <p className="card-text">
              {r.settledAt ? new Date(r.settledAt).toLocaleString() : ''} · {r.volunteer.displayName} · {r.offer.title} ·{' '}
              {t('redeem.price', { minutes: r.minutes })}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
