import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { TransferReverseMutation } from './operations';
import { OutcomeMessage, useOutcome } from './useOutcome';

/** Reversing one passbook entry's transfer: asks for the reason first, then says what happened. */
export function ReverseEntry({ transferId, onChanged }: { transferId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [{ fetching }, reverse] = useMutation(TransferReverseMutation);
  const { outcome, settle } = useOutcome();
  const field = `reverse-reason-${transferId}`;

  async function submit() {
    const result = await reverse({ input: { transferId, reason } });
    const payload = result.data?.transferReverse;
    const pending = payload?.correction?.status === 'PENDING';
    if (settle(payload, t(pending ? 'ledgerAdmin.corrections.pending' : 'ledgerAdmin.corrections.applied'))) onChanged();
  }

  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="reverse-open">
        {t('ledgerAdmin.corrections.reverse')}
      </button>
    );
  }
  return (
    <form className="reverse-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label htmlFor={field}>{t('ledgerAdmin.corrections.reason')}</label>
      <input id={field} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="reverse-reason" />
      <button type="submit" className="button primary" disabled={fetching} data-testid="reverse-submit">
        {t('ledgerAdmin.corrections.reverseSubmit')}
      </button>
      <OutcomeMessage outcome={outcome} testId="reverse-message" />
    </form>
  );
}
