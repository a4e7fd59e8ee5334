import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { LoadError } from '../../shared/ui/LoadError';
import { LedgerCorrectionApproveMutation, LedgerCorrectionRefuseMutation, LedgerCorrectionsQuery } from './operations';
import { OutcomeMessage, useOutcome } from './useOutcome';

/**
 * Corrections above the threshold, waiting for a second administrator: approve or refuse one asked
 * by someone else; one's own can only be withdrawn (refused).
 */
export function PendingCorrections({ communityId, me, version, onChanged }: {
  communityId: string; me: string; version: number; onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({
    query: LedgerCorrectionsQuery, variables: { communityId, status: 'PENDING' }, requestPolicy: 'network-only',
  });
  // another part of the screen changed the ledger: read it afresh, keeping this part's messages
  useEffect(() => {
    if (version > 0) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);
  const [{ fetching: approving }, approve] = useMutation(LedgerCorrectionApproveMutation);
  const [{ fetching: refusing }, refuse] = useMutation(LedgerCorrectionRefuseMutation);
  const { outcome, settle } = useOutcome();
  const pending = data?.ledgerCorrections.nodes ?? [];

  async function approveOne(correctionId: string) {
    const result = await approve({ input: { correctionId } });
    if (settle(result.data?.ledgerCorrectionApprove, t('ledgerAdmin.pending.approved'))) onChanged();
  }

  async function refuseOne(correctionId: string) {
    const result = await refuse({ input: { correctionId } });
    if (settle(result.data?.ledgerCorrectionRefuse, t('ledgerAdmin.pending.refused'))) onChanged();
  }

  return (
    <section aria-labelledby="pending-title" data-testid="pending-corrections">
      <h2 id="pending-title">{t('ledgerAdmin.pending.title', { count: data?.ledgerCorrections.totalCount ?? 0 })}</h2>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      <OutcomeMessage outcome={outcome} testId="pending-message" />
      {data && pending.length === 0 && <p className="ledger-hint">{t('ledgerAdmin.pending.none')}</p>}
      <ul className="case-list">
        {pending.map((c) => (
          <li key={c.id} className="card" data-testid="pending-correction">
            <p>
              <strong>{t(`ledgerAdmin.kind.${c.kind}`)}</strong>{' · '}
              {c.volunteer?.displayName ?? ''}{' '}
              <span data-testid="pending-minutes">{c.passbookMinutes > 0 ? '+' : ''}{c.passbookMinutes || c.minutes}</span>
              {' '}{t('ledgerAdmin.corrections.minutesUnit')}
            </p>
            <p>{t('timebank.passbook.reason', { reason: c.reason })}</p>
            <p className="ledger-hint">
              {t('ledgerAdmin.pending.askedBy', {
                name: c.requestedBy.displayName,
                at: new Date(c.requestedAt as string).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
              })}
            </p>
            <div className="timebank-actions">
              {c.requestedBy.id !== me ? (
                <button type="button" className="button primary" disabled={approving} onClick={() => void approveOne(c.id)}
                  data-testid="pending-approve">
                  {t('ledgerAdmin.pending.approve')}
                </button>
              ) : (
                <span className="ledger-hint">{t('ledgerAdmin.pending.yours')}</span>
              )}
              <button type="button" className="button" disabled={refusing} onClick={() => void refuseOne(c.id)} data-testid="pending-refuse">
                {c.requestedBy.id !== me ? t('ledgerAdmin.pending.refuse') : t('ledgerAdmin.pending.withdraw')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
