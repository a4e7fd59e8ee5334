import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../auth/SessionProvider';
import { LoadError } from '../ui/LoadError';
import { Page } from '../ui/Page';
import { InvitationAcceptMutation, InvitationToJoinQuery } from './operations';
import './joining.css';

/**
 * What a resident sees when they open their invitation (`/join/CODE`, from the QR code), without
 * signing in: who invited them and where to, then one password to choose (or, when their phone
 * already has an account, that account's password). Accepting signs them in and takes them to
 * the volunteer area. Large type, one thing at a time: many who join are in their seventies.
 */
export function JoinScreen() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const { signIn, token } = useSession();
  const [{ data, error, fetching }, refetch] = useQuery({ query: InvitationToJoinQuery, variables: { code } });
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [joined, setJoined] = useState(false);
  const [{ fetching: accepting }, accept] = useMutation(InvitationAcceptMutation);

  if (joined && token) return <Navigate to="/volunteer" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) {
      setProblem(t('errors.passwordRequired'));
      return;
    }
    const result = await accept({ input: { code, password } });
    const payload = result.data?.invitationAccept;
    if (payload?.token) {
      setJoined(true);
      signIn(payload.token, payload.expiresAt);
    } else if (payload && payload.userErrors.length > 0) {
      setProblem(payload.userErrors[0].message);
      if (payload.userErrors[0].field?.includes('code')) refetch({ requestPolicy: 'network-only' });
    } else {
      setProblem(t(result.error?.networkError ? 'errors.network' : 'errors.unexpected'));
    }
  }

  const invitation = data?.invitationToJoin;
  return (
    <Page>
      <section className="join" data-testid="join-screen">
        <h1>{t('joining.join.title')}</h1>
        <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        {fetching && !data && <p>{t('timebank.loading')}</p>}
        {data && !invitation && <p className="problem" role="alert" data-testid="join-unknown">{t('joining.join.unknown')}</p>}
        {invitation && invitation.status !== 'PENDING' && (
          <p className="problem" role="alert" data-testid="join-closed">{t(`joining.join.status.${invitation.status}`)}</p>
        )}
        {invitation && invitation.status === 'PENDING' && (
          <form onSubmit={submit} noValidate>
            <p className="intro" data-testid="join-welcome">{t('joining.join.welcome', { name: invitation.displayName })}</p>
            <p className="intro" data-testid="join-who">
              {invitation.teamName
                ? t('joining.join.invitedToTeam', { inviter: invitation.inviterName, community: invitation.communityName, team: invitation.teamName })
                : t('joining.join.invitedToCommunity', { inviter: invitation.inviterName, community: invitation.communityName })}
            </p>
            <p className="intro">{t('joining.join.phone', { phone: invitation.maskedPhone })}</p>
            <p className="intro">
              {t('joining.join.until', { when: new Date(invitation.expiresAt).toLocaleDateString(i18n.language, { dateStyle: 'long' }) })}
            </p>
            {problem && <div className="problem" role="alert" id="join-error" data-testid="join-error"><p>{problem}</p></div>}
            <label className="field" htmlFor="join-password">
              <span className="field-label">{invitation.hasAccount ? t('joining.join.existingPassword') : t('joining.join.newPassword')}</span>
              <input id="join-password" type={showPassword ? 'text' : 'password'} value={password}
                autoComplete={invitation.hasAccount ? 'current-password' : 'new-password'}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'join-error' : 'join-password-hint'} />
            </label>
            {!invitation.hasAccount && <p className="intro" id="join-password-hint">{t('joining.join.passwordHint')}</p>}
            {invitation.hasAccount && <p className="intro" id="join-password-hint">{t('joining.join.hasAccountHint')}</p>}
            <label className="checkbox" htmlFor="join-show-password">
              <input id="join-show-password" type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
              <span>{t('login.showPassword')}</span>
            </label>
            <button type="submit" className="button primary" disabled={accepting} data-testid="join-submit">
              {accepting ? t('joining.join.joining') : t('joining.join.submit')}
            </button>
          </form>
        )}
      </section>
    </Page>
  );
}
