import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { LoadError } from '../../shared/ui/LoadError';
import { hoursAndMinutes, newRequestKey } from '../../volunteer/timebank/requestKey';
import { wholeMinutes } from './ledgerForms';
import { CommunityPassbookQuery, PassbookAdjustMutation } from './operations';
import { ReverseEntry } from './ReverseEntry';
import { OutcomeMessage, useOutcome } from './useOutcome';

/** One volunteer's passbook as an administrator corrects it: an adjustment form and the entries, each reversible. */
export function PassbookCorrections({ communityId, phone, version, onChanged }: {
  communityId: string; phone: string; version: number; onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: CommunityPassbookQuery, variables: { communityId, phone }, requestPolicy: 'network-only',
  });
  // another part of the screen changed the ledger: read it afresh, keeping this part's messages
  useEffect(() => {
    if (version > 0) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);
  const passbook = data?.communityPassbook;
  if (fetching && !data) return <p>{t('timebank.loading')}</p>;
  return (
    <section aria-labelledby="corrected-passbook" data-testid="corrected-passbook">
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {data && !passbook && <p className="problem" role="alert" data-testid="passbook-not-found">{t('ledgerAdmin.corrections.notFound')}</p>}
      {passbook && (
        <>
          <h2 id="corrected-passbook">{t('ledgerAdmin.corrections.passbookOf', { name: passbook.owner.displayName })}</h2>
          <p data-testid="corrected-balance" data-minutes={passbook.balance}>
            {t('ledgerAdmin.corrections.balance', { balance: hoursAndMinutes(passbook.balance, t), available: hoursAndMinutes(passbook.available, t) })}
          </p>
          <AdjustForm communityId={communityId} volunteerId={passbook.owner.id} onChanged={onChanged} />
          <table className="ledger-table" data-testid="corrected-entries">
            <caption>{t('timebank.passbook.entries', { count: passbook.entries.totalCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('timebank.passbook.date')}</th>
                <th scope="col">{t('timebank.passbook.what')}</th>
                <th scope="col">{t('ledgerAdmin.corrections.minutes')}</th>
                <th scope="col">{t('ledgerAdmin.corrections.after')}</th>
                <th scope="col">{t('ledgerAdmin.corrections.reverse')}</th>
              </tr>
            </thead>
            <tbody>
              {passbook.entries.nodes.map((entry) => (
                <tr key={entry.transferId} data-testid="corrected-entry" data-kind={entry.kind}>
                  <td>{new Date(entry.at as string).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td>
                    {t(`timebank.kind.${entry.kind}`)} · {entry.counterparty}
                    {entry.reason && <div className="entry-reason">{t('timebank.passbook.reason', { reason: entry.reason })}</div>}
                  </td>
                  <td>{entry.minutes > 0 ? '+' : ''}{entry.minutes}</td>
                  <td>{entry.balanceAfter}</td>
                  <td>{entry.kind !== 'REVERSAL' && <ReverseEntry transferId={entry.transferId} onChanged={onChanged} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function AdjustForm({ communityId, volunteerId, onChanged }: { communityId: string; volunteerId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<'CREDIT' | 'DEBIT'>('CREDIT');
  const [minutes, setMinutes] = useState('');
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(() => newRequestKey());
  const [{ fetching }, adjust] = useMutation(PassbookAdjustMutation);
  const { outcome, setOutcome, settle } = useOutcome();

  async function submit() {
    const amount = wholeMinutes(minutes);
    if (amount === null) {
      setOutcome({ text: t('timebank.gift.wholeMinutes'), problem: true });
      return;
    }
    const result = await adjust({ input: { communityId, volunteerId, direction, minutes: amount, reason, idempotencyKey: key } });
    const payload = result.data?.passbookAdjust;
    const pending = payload?.correction?.status === 'PENDING';
    if (payload) setKey(newRequestKey());
    if (settle(payload, t(pending ? 'ledgerAdmin.corrections.pending' : 'ledgerAdmin.corrections.applied'))) {
      setMinutes('');
      setReason('');
      onChanged();
    }
  }

  return (
    <form className="ledger-form" onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-labelledby="adjust-title">
      <h3 id="adjust-title" className="wide">{t('ledgerAdmin.corrections.adjust')}</h3>
      <label htmlFor="adjust-direction">
        {t('ledgerAdmin.corrections.direction')}
        <select id="adjust-direction" value={direction} onChange={(e) => setDirection(e.target.value as 'CREDIT' | 'DEBIT')}
          data-testid="adjust-direction">
          <option value="CREDIT">{t('ledgerAdmin.corrections.credit')}</option>
          <option value="DEBIT">{t('ledgerAdmin.corrections.debit')}</option>
        </select>
      </label>
      <label htmlFor="adjust-minutes">
        {t('ledgerAdmin.corrections.minutes')}
        <input id="adjust-minutes" inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} data-testid="adjust-minutes" />
      </label>
      <label htmlFor="adjust-reason" className="wide">
        {t('ledgerAdmin.corrections.reason')}
        <input id="adjust-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="adjust-reason" />
      </label>
      <button type="submit" className="button primary" disabled={fetching} data-testid="adjust-submit">{t('ledgerAdmin.corrections.adjustSubmit')}</button>
      <div className="wide"><OutcomeMessage outcome={outcome} testId="adjust-message" /></div>
    </form>
  );
}
