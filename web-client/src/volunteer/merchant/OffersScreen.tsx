import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { VolunteerCodeFragment } from '../../gql/graphql';
import { Page } from '../../shared/ui/Page';
import { newRequestKey } from '../timebank/requestKey';
import { CodeView } from './CodeView';
import { OfferItem } from './OfferItem';
import { secondsLeft } from './codeTime';
import { NEAR_RADIUS_METRES, useOffersNear } from './useOffersNear';
import { MyRedemptionsQuery, RedemptionCodeRequestMutation, VolunteerOffersQuery } from './operations';
import './redeem.css';
import { LoadError } from '../../shared/ui/LoadError';

/** The offers of the volunteer's community, or those near them; asking for one shows its code. */
export function OffersScreen() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: VolunteerOffersQuery, requestPolicy: 'cache-and-network' });
  const [{ fetching: asking }, request] = useMutation(RedemptionCodeRequestMutation);
  const [code, setCode] = useState<VolunteerCodeFragment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const passbook = data?.passbook;
  const [{ data: mine, error: mineError }, refetchMine] = useQuery({ query: MyRedemptionsQuery, variables: { first: 10 }, requestPolicy: 'cache-and-network' });
  const live = mine?.myRedemptions.filter((r) => r.status === 'ISSUED' && secondsLeft(r.expiresAt) > 0) ?? [];
  const history = mine?.myRedemptions.filter((r) => r.status !== 'ISSUED') ?? [];
  const near = useOffersNear();
  const nearOn = near.state.mode === 'on' || near.state.mode === 'locating';

  async function ask(offerId: string) {
    setProblem(null);
    const result = await request({ input: { offerId, idempotencyKey: newRequestKey() } });
    const payload = result.data?.redemptionCodeRequest;
    if (!payload) {
      setProblem(t('errors.network'));
    } else if (payload.userErrors.length > 0) {
      setProblem(payload.userErrors[0].message);
    } else if (payload.redemption) {
      setCode(payload.redemption);
    }
  }

  if (code) {
    return (
      <Page>
        <CodeView code={code} onClose={() => {
          setCode(null);
          refetch({ requestPolicy: 'network-only' });
          refetchMine({ requestPolicy: 'network-only' });
        }} />
      </Page>
    );
  }

  return (
    <Page>
      <nav className="back">
        <Link to="/volunteer">{t('timebank.back')}</Link>
      </nav>
      <h1>{t('redeem.title')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      <LoadError error={mineError} retry={() => refetchMine({ requestPolicy: 'network-only' })} />
      {passbook && <p className="intro" data-testid="offers-available">{t('redeem.available', { minutes: passbook.available })}</p>}
      {problem && <p className="problem" role="alert" data-testid="offers-problem">{problem}</p>}
      {live.map((r) => (
        <button key={r.id} type="button" className="button primary" onClick={() => setCode(r)} data-testid="show-live-code">
          {t('redeem.showLive', { title: r.offer.title, merchant: r.merchant.name })}
        </button>
      ))}
      <label className="checkbox near-toggle" htmlFor="offers-near-me">
        <input id="offers-near-me" type="checkbox" checked={nearOn} onChange={(e) => void near.toggle(e.target.checked)}
          data-testid="offers-near-me" />
        <span>{t('redeem.near.toggle')}</span>
      </label>
      {near.state.mode === 'locating' && <p className="notice" role="status" data-testid="offers-near-locating">{t('redeem.near.locating')}</p>}
      {near.state.mode === 'fallback' && (
        <p className="notice" role="status" data-testid="offers-near-fallback">{t(`redeem.near.${near.state.reason}`)}</p>
      )}
      {near.state.mode === 'on' ? (
        <>
          {near.nearby && <p className="intro" data-testid="offers-near-intro">
            {t(near.nearby.length === 0 ? 'redeem.near.none' : 'redeem.near.intro', { km: NEAR_RADIUS_METRES / 1000 })}
          </p>}
          <ul className="cards" data-testid="offers-near">
            {near.nearby?.map((n) => (
              <OfferItem key={n.offer.id} offer={n.offer} distanceMetres={n.distanceMetres} asking={asking} onGetCode={ask} />
            ))}
          </ul>
        </>
      ) : (
        <>
          {!fetching && passbook && passbook.community.offers.length === 0 && <p className="intro">{t('redeem.none')}</p>}
          <ul className="cards">
            {passbook?.community.offers.map((offer) => (
              <OfferItem key={offer.id} offer={offer} asking={asking} onGetCode={ask} />
            ))}
          </ul>
        </>
      )}
      {history.length > 0 && (
        <>
          <h2>{t('redeem.history')}</h2>
          <ul className="cards">
            {history.map((r) => (
              <li key={r.id} className="card" data-testid="redeem-history">
                <p className="card-text">
                  {new Date(r.settledAt ?? r.expiresAt).toLocaleString()} · {r.merchant.name} · {r.offer.title} ·{' '}
                  {t(`redeem.status.${r.status}`)}
                  {r.status === 'REDEEMED' && ` · ${t('redeem.price', { minutes: r.minutes })}`}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
