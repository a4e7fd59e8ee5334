import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../shared/ui/Page';
import { GiftSendMutation, PassbookQuery } from './operations';
import { hoursAndMinutes, newRequestKey } from './requestKey';
import './timebank.css';
import { LoadError } from '../../shared/ui/LoadError';

/** Give minutes to a neighbour, by their phone number, within the community's limits. */
export function GiftScreen() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: PassbookQuery, variables: { first: 1 } });
  const passbook = data?.passbook;
  const [phone, setPhone] = useState('');
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [key, setKey] = useState(newRequestKey);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [{ fetching }, send] = useMutation(GiftSendMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amount = Number(minutes);
    if (!Number.isInteger(amount) || amount < 1) {
      setMessage({ text: t('timebank.gift.wholeMinutes'), problem: true });
      return;
    }
    const result = await send({ input: { recipientPhone: phone, minutes: amount, note: note || null, idempotencyKey: key } });
    const payload = result.data?.giftSend;
    if (!payload) {
      setMessage({ text: t('errors.network'), problem: true });
      return;
    }
    if (payload.userErrors.length > 0) {
      setMessage({ text: payload.userErrors[0].message, problem: true });
    } else if (payload.gift) {
      setMessage({ text: t('timebank.gift.sent', { minutes: hoursAndMinutes(payload.gift.minutes, t), name: payload.gift.recipient.displayName }), problem: false });
      setPhone('');
      setMinutes('');
      setNote('');
      refetch({ requestPolicy: 'network-only' });
    }
    setKey(newRequestKey());
  }

  return (
    <Page>
      <nav className="back">
        <Link to="/volunteer">{t('timebank.back')}</Link>
      </nav>
      <form className="login" onSubmit={submit} noValidate>
        <h1>{t('timebank.gift.title')}</h1>
        <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        {passbook && (
          <p className="intro">
            {t('timebank.gift.limits', {
              available: hoursAndMinutes(passbook.available, t),
              perGift: passbook.community.timeBankPolicy.giftMaxMinutes,
              perMonth: passbook.community.timeBankPolicy.giftMonthlyMinutes,
            })}
          </p>
        )}
        {message && (
          <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'} data-testid="gift-message">
            {message.text}
          </p>
        )}
        <label className="field" htmlFor="gift-phone">
          <span className="field-label">{t('timebank.gift.phone')}</span>
          <input id="gift-phone" type="tel" inputMode="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </label>
        <label className="field" htmlFor="gift-minutes">
          <span className="field-label">{t('timebank.gift.minutes')}</span>
          <input id="gift-minutes" type="number" inputMode="numeric" min={1} step={1} value={minutes}
            onChange={(e) => setMinutes(e.target.value)} />
        </label>
        <label className="field" htmlFor="gift-note">
          <span className="field-label">{t('timebank.gift.note')}</span>
          <input id="gift-note" type="text" maxLength={100} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="button primary" disabled={fetching} data-testid="gift-submit">
          {t('timebank.gift.send')}
        </button>
      </form>
    </Page>
  );
}
