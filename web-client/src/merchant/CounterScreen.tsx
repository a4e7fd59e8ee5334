import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient, useMutation } from 'urql';
import type { CounterCodeFragment } from '../gql/graphql';
import { Page } from '../shared/ui/Page';
import { loadErrorKey } from '../shared/ui/LoadError';
import { canScan, QrScanner } from '../shared/ui/QrScanner';
import '../volunteer/merchant/redeem.css';
import { RedemptionConfirmMutation, RedemptionLookupQuery } from './operations';

type Step =
  | { kind: 'typing' }
  | { kind: 'scanning' }
  | { kind: 'confirming'; code: CounterCodeFragment; typed: string }
  | { kind: 'done'; code: CounterCodeFragment }
  | { kind: 'failed'; message: string };

/** The counter: scan or type the volunteer's code, see who and what it is for, confirm, see the outcome. */
export function CounterScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const [typed, setTyped] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'typing' });
  const [busy, setBusy] = useState(false);
  const [{ fetching: confirming }, confirm] = useMutation(RedemptionConfirmMutation);

  const lookUpCode = useCallback(async (code: string) => {
    setBusy(true);
    // load error: a failed look-up is shown as the outcome, saying why (no connection, not allowed, or else)
    const result = await client.query(RedemptionLookupQuery, { code }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    const answer = result.data?.redemptionLookup;
    if (!answer) setStep({ kind: 'failed', message: t(result.error ? loadErrorKey(result.error) : 'errors.network') });
    else if (answer.redemption) setStep({ kind: 'confirming', code: answer.redemption, typed: code });
    else setStep({ kind: 'failed', message: answer.userErrors[0]?.message ?? t('errors.network') });
  }, [client, t]);

  async function lookUp(event: FormEvent) {
    event.preventDefault();
    await lookUpCode(typed);
  }

  async function confirmCode(code: string) {
    const result = await confirm({ input: { code } });
    const payload = result.data?.redemptionConfirm;
    if (payload?.redemption) setStep({ kind: 'done', code: payload.redemption });
    else setStep({ kind: 'failed', message: payload?.userErrors[0]?.message ?? t('errors.network') });
  }

  function next() {
    setTyped('');
    setStep({ kind: 'typing' });
  }

  return (
    <Page>
      <nav className="back">
        <Link to="/merchant">{t('timebank.back')}</Link>
      </nav>
      <h1>{t('counter.title')}</h1>
      {step.kind === 'typing' && (
        <form className="login" onSubmit={lookUp} noValidate>
          <label className="field" htmlFor="counter-code">
            <span className="field-label">{t('counter.typeCode')}</span>
            <input id="counter-code" className="redeem-input" type="text" autoComplete="off" autoCapitalize="characters"
              maxLength={64} value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="counter-code" />
          </label>
          <button type="submit" className="button primary" disabled={busy || typed.trim().length < 6} data-testid="counter-look-up">
            {t('counter.lookUp')}
          </button>
          {canScan() && (
            <button type="button" className="button" onClick={() => setStep({ kind: 'scanning' })} data-testid="counter-scan">
              {t('counter.scan')}
            </button>
          )}
        </form>
      )}
      {step.kind === 'scanning' && (
        <QrScanner onCode={lookUpCode} onClose={next} hint={t('counter.scanHint')} closeLabel={t('counter.typeInstead')}
          testId="counter-scanner" />
      )}
      {step.kind === 'confirming' && (
        <section className="redeem-code" data-testid="counter-confirm">
          <p className="redeem-short">{step.code.volunteer.displayName}</p>
          <p className="offer-price">{step.code.offer.title} · {step.code.offer.discount}</p>
          <p className="intro">{t('redeem.price', { minutes: step.code.minutes })}</p>
          <button type="button" className="button primary" disabled={confirming} onClick={() => confirmCode(step.typed)}
            data-testid="counter-confirm-button">
            {t('counter.confirm')}
          </button>
          <button type="button" className="button" onClick={next}>{t('counter.notNow')}</button>
        </section>
      )}
      {step.kind === 'done' && (
        <section className="redeem-code">
          <p className="redeem-outcome success" role="status" data-testid="counter-success">
            {t('counter.success', { name: step.code.volunteer.displayName, title: step.code.offer.title })}
          </p>
          <button type="button" className="button primary" onClick={next} data-testid="counter-next">{t('counter.next')}</button>
        </section>
      )}
      {step.kind === 'failed' && (
        <section className="redeem-code">
          <p className="redeem-outcome failure" role="alert" data-testid="counter-failure">{step.message}</p>
          <button type="button" className="button primary" onClick={next} data-testid="counter-next">{t('counter.tryAgain')}</button>
        </section>
      )}
    </Page>
  );
}
