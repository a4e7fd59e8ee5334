import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { LoadError } from '../ui/LoadError';
import { InvitationRevokeMutation, InvitationsSentQuery } from './operations';

/** The invitations the signed-in person made that still wait to be accepted, newest first, each with a way to take it back. */
export function PendingInvitations() {
  const { t, i18n } = useTranslation();
  const [first, setFirst] = useState(20);
  const [{ data, error }, refetch] = useQuery({ query: InvitationsSentQuery, variables: { first }, requestPolicy: 'cache-and-network' });
  const [{ fetching: revoking }, revoke] = useMutation(InvitationRevokeMutation);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const invitations = data?.invitationsSent.nodes ?? [];
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  async function takeBack(id: string) {
    const result = await revoke({ input: { invitationId: id } });
    const payload = result.data?.invitationRevoke;
    if (!payload) setMessage({ text: t('errors.network'), problem: true });
    else if (payload.userErrors.length > 0) setMessage({ text: payload.userErrors[0].message, problem: true });
    else setMessage({ text: t('joining.pending.revoked'), problem: false });
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <section aria-labelledby="pending-title" data-testid="pending-invitations">
      <h2 id="pending-title">{t('joining.pending.title', { count: data?.invitationsSent.totalCount ?? 0 })}</h2>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {message && <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'}>{message.text}</p>}
      {data && invitations.length === 0 && <p className="intro">{t('joining.pending.none')}</p>}
      <ul className="invitation-list">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="card" data-testid="pending-invitation">
            <h3 className="card-title">{invitation.displayName} · {invitation.phone}</h3>
            <p className="card-text">
              {invitation.team ? `${invitation.community.name} · ${invitation.team.name}` : invitation.community.name}
            </p>
            <p className="card-text">{t('joining.pending.expires', { when: when(invitation.expiresAt) })}</p>
            <button type="button" className="button" disabled={revoking} onClick={() => takeBack(invitation.id)}
              aria-label={t('joining.pending.revokeFor', { name: invitation.displayName })} data-testid="revoke-invitation">
              {t('joining.pending.revoke')}
            </button>
          </li>
        ))}
      </ul>
      {data?.invitationsSent.pageInfo.hasNextPage && (
        <button type="button" className="button" onClick={() => setFirst((n) => Math.min(100, n + 20))}>{t('joining.pending.more')}</button>
      )}
    </section>
  );
}
