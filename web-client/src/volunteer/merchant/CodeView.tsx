import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { VolunteerCodeFragment } from '../../gql/graphql';
import { countdown, secondsLeft, spacedCode } from './codeTime';
import { MyRedemptionsQuery, RedemptionCodeCancelMutation } from './operations';
import { LoadError } from '../../shared/ui/LoadError';

interface Props {
  code: VolunteerCodeFragment;
  onClose: () => void;
}

/** A code to show at the counter: a big QR, the short code in large type, and the time left. */
export function CodeView({ code, onClose }: Props) {
  const { t } = useTranslation();
  const [now, setNow] = useState(Date.now());
  const [qr, setQr] = useState<string | null>(null);
  const [current, setCurrent] = useState(code);
  const [{ data, error }, refetch] = useQuery({ query: MyRedemptionsQuery, variables: { first: 5 }, requestPolicy: 'network-only' });
  const [{ fetching: cancelling }, cancel] = useMutation(RedemptionCodeCancelMutation);

  useEffect(() => {
    if (code.qrPayload) {
      QRCode.toDataURL(code.qrPayload, { width: 320, margin: 2, errorCorrectionLevel: 'M' }).then(setQr, () => setQr(null));
    }
  }, [code.qrPayload]);

  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    // the counter confirms on the merchant's phone: look for the outcome every few seconds
    const poll = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), 3000);
    return () => { window.clearInterval(tick); window.clearInterval(poll); };
  }, [refetch]);

  useEffect(() => {
    const latest = data?.myRedemptions.find((r) => r.id === code.id);
    if (latest && latest.status !== current.status) setCurrent(latest);
  }, [data, code.id, current.status]);

  const left = secondsLeft(current.expiresAt, now);
  const status = current.status === 'ISSUED' && left === 0 ? 'EXPIRED' : current.status;

  async function cancelCode() {
    const result = await cancel({ input: { redemptionId: code.id } });
    const redemption = result.data?.redemptionCodeCancel.redemption;
    if (redemption) setCurrent(redemption);
  }

  return (
    <section className="redeem-code" data-testid="redeem-code" data-status={status}>
      <h1>{current.offer.title} · {current.offer.discount}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      <p className="intro">{current.merchant.name} · {t('redeem.price', { minutes: current.minutes })}</p>
      {status === 'ISSUED' && (
        <>
          {qr && <img className="redeem-qr" src={qr} alt={t('redeem.qrAlt')} data-testid="redeem-qr" />}
          <p className="redeem-short" data-testid="redeem-short-code" aria-label={current.code.split('').join(' ')}>
            {spacedCode(current.code)}
          </p>
          <p className="redeem-countdown" data-testid="redeem-countdown">{t('redeem.validFor', { time: countdown(left) })}</p>
          <p className="intro">{t('redeem.showStaff')}</p>
          <button type="button" className="button" disabled={cancelling} onClick={cancelCode} data-testid="redeem-cancel">
            {t('redeem.cancel')}
          </button>
        </>
      )}
      {status === 'REDEEMED' && <p className="redeem-outcome success" role="status" data-testid="redeem-done">{t('redeem.done')}</p>}
      {status === 'CANCELLED' && <p className="redeem-outcome" role="status">{t('redeem.cancelled')}</p>}
      {status === 'EXPIRED' && <p className="redeem-outcome" role="status">{t('redeem.expired')}</p>}
      <button type="button" className="button primary" onClick={onClose} data-testid="redeem-close">{t('redeem.back')}</button>
    </section>
  );
}
