import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../shared/ui/Page';
import { CaptainMembersQuery, DecideMutation, InviteMutation, MemberStatusMutation } from './operations';
import { OutcomeLine, useOutcome } from './useOutcome';
import '../../volunteer/patrol/patrol.css';
import { LoadError } from '../../shared/ui/LoadError';
import { ResetCodeButton } from '../../shared/auth/ResetCodeIssue';

/**
 * A captain's members, active and inactive, the requests to join waiting for a decision, and the
 * invitations the captain sent by phone number that are waiting for an answer.
 */
export function MembersScreen() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: CaptainMembersQuery, requestPolicy: 'cache-and-network' });
  const { outcome, report } = useOutcome(() => refetch({ requestPolicy: 'network-only' }));
  const [, decide] = useMutation(DecideMutation);
  const [, setStatus] = useMutation(MemberStatusMutation);
  const [{ fetching: inviting }, invite] = useMutation(InviteMutation);
  const [phones, setPhones] = useState<Record<string, string>>({});
  const teams = data?.me?.roles.filter((r) => r.role === 'CAPTAIN').map((r) => r.scope)
    .filter((s) => s.__typename === 'Team') ?? [];
  async function submitInvite(event: FormEvent, teamId: string) {
    event.preventDefault();
    const phone = phones[teamId] ?? '';
    const invited = await report(invite({ input: { teamId, phone } }).then((r) => r.data?.teamInvite),
      t('patrol.members.invited'));
    if (invited) setPhones((all) => ({ ...all, [teamId]: '' }));
  }
  return (
    <Page>
      <nav className="back"><Link to="/captain">{t('patrol.back')}</Link></nav>
      <h1>{t('captain.members.title')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      <OutcomeLine outcome={outcome} />
      {teams.map((team) => {
        if (team.__typename !== 'Team') return null;
        const requests = team.joinRequests.filter((r) => r.kind === 'REQUEST');
        const invitations = team.joinRequests.filter((r) => r.kind === 'INVITATION');
        return (
          <section key={team.id} className="patrol-section">
            <h2>{team.name}</h2>
            <h3>{t('patrol.members.requests')}</h3>
            {requests.length === 0 && <p className="intro">{t('patrol.members.noRequests')}</p>}
            <ul className="patrol-list">
              {requests.map((request) => (
                <li key={request.id} className="patrol-item" data-testid="join-request">
                  <div className="patrol-when">{request.account.displayName}</div>
                  <div className="patrol-row">
                    <button type="button" className="button" data-testid="approve-join"
                      onClick={() => report(decide({ input: { requestId: request.id, approve: true } }).then((r) => r.data?.joinRequestDecide), t('patrol.members.approved'))}>
                      {t('patrol.members.approve')}
                    </button>
                    <button type="button" className="button"
                      onClick={() => report(decide({ input: { requestId: request.id, approve: false } }).then((r) => r.data?.joinRequestDecide), t('patrol.members.declined'))}>
                      {t('patrol.members.decline')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
            <h3>{t('patrol.members.invitations')}</h3>
            {invitations.length === 0 && <p className="intro">{t('patrol.members.noInvitations')}</p>}
            <ul className="patrol-list">
              {invitations.map((invitation) => (
                <li key={invitation.id} className="patrol-item" data-testid="invitation">
                  <div className="patrol-when">{invitation.account.displayName}</div>
                  <span className="patrol-badge">{t('patrol.members.awaitingAnswer')}</span>
                </li>
              ))}
            </ul>
            <form className="login" onSubmit={(e) => void submitInvite(e, team.id)} noValidate>
              <label className="field" htmlFor={`invite-phone-${team.id}`}>
                <span className="field-label">{t('patrol.members.invitePhone')}</span>
                <input id={`invite-phone-${team.id}`} type="tel" autoComplete="off" maxLength={30} value={phones[team.id] ?? ''}
                  onChange={(e) => setPhones((all) => ({ ...all, [team.id]: e.target.value }))} data-testid="invite-phone" />
              </label>
              <button type="submit" className="button primary" disabled={inviting || (phones[team.id] ?? '').trim() === ''}
                data-testid="invite">
                {t('patrol.members.invite')}
              </button>
            </form>
            <h3>{t('patrol.members.title')}</h3>
            <ul className="patrol-list">
              {team.memberships.map((m) => (
                <li key={m.account.id} className="patrol-item" data-testid="member">
                  <div className="patrol-when">{m.account.displayName}</div>
                  <div className="patrol-row">
                    <span className="patrol-badge">{t(`patrol.members.${m.status}`)}</span>
                    <button type="button" className="button"
                      onClick={() => report(setStatus({ input: { teamId: team.id, accountId: m.account.id, status: m.status === 'ACTIVE' ? 'INACTIVE' : 'ACTIVE' } })
                        .then((r) => r.data?.teamMemberStatusSet), t('patrol.members.changed'))}>
                      {m.status === 'ACTIVE' ? t('patrol.members.markInactive') : t('patrol.members.markActive')}
                    </button>
                  </div>
                  {m.status === 'ACTIVE' && m.account.id !== data?.me?.id && (
                    <ResetCodeButton accountId={m.account.id} name={m.account.displayName} />
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Page>
  );
}
