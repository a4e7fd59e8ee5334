import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { Page } from '../ui/Page';
import { type PasswordField, type PasswordProblem, passwordChangeProblems, passwordFormProblems } from './passwordChange';
import { useSession } from './SessionProvider';
import { AccountPasswordChangeMutation } from './sessionOperations';
import { useSignOut } from './useSignOut';
import { MyDataCard } from './MyDataCard';

/** The signed-in person's own account: a new password, and signing out on every phone (a lost phone, a shared password). */
export function AccountScreen() {
  const { t } = useTranslation();
  return (
    <Page>
      <nav className="back">
        <Link to="/" data-testid="account-back">{t('account.back')}</Link>
      </nav>
      <h1>{t('account.title')}</h1>
      <PasswordChangeCard />
      <SignOutEverywhereCard />
      <MyDataCard />
    </Page>
  );
}

function PasswordChangeCard() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [showPasswords, setShowPasswords] = useState(false);
  const [problems, setProblems] = useState<PasswordProblem[]>([]);
  const [changed, setChanged] = useState(false);
  const [{ fetching }, change] = useMutation(AccountPasswordChangeMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChanged(false);
    const missing = passwordFormProblems(current, next, repeated);
    setProblems(missing);
    if (missing.length > 0) return;
    const result = await change({ input: { currentPassword: current, newPassword: next } });
    const payload = result.data?.accountPasswordChange;
    if (payload?.token) {
      signIn(payload.token, payload.expiresAt); // this phone goes on with the new token
      setCurrent('');
      setNext('');
      setRepeated('');
      setChanged(true);
    } else if (payload && payload.userErrors.length > 0) {
      setProblems(passwordChangeProblems(payload.userErrors));
    } else {
      setProblems([{ key: null, message: t(result.error?.networkError ? 'errors.network' : 'errors.unexpected'), field: null }]);
    }
  }

  const invalid = (field: PasswordField) => problems.some((problem) => problem.field === field) || undefined;
  const type = showPasswords ? 'text' : 'password';

  return (
    <section className="card" aria-labelledby="password-title">
      <form className="login" onSubmit={submit} noValidate>
        <h2 id="password-title">{t('account.password.title')}</h2>
        <p className="intro">{t('account.password.intro')}</p>
        {problems.length > 0 && (
          <div className="problem" role="alert" id="password-error" data-testid="password-error">
            {problems.map((problem, index) => (
              <p key={index}>{problem.key ? t(problem.key, { min: 8 }) : problem.message}</p>
            ))}
          </div>
        )}
        {changed && (
          <p className="notice" role="status" data-testid="password-changed">
            {t('account.password.changed')}
          </p>
        )}
        <label className="field" htmlFor="current-password">
          <span className="field-label">{t('account.password.current')}</span>
          <input id="current-password" type={type} autoComplete="current-password" value={current}
            onChange={(event) => setCurrent(event.target.value)} aria-invalid={invalid('currentPassword')}
            aria-describedby={invalid('currentPassword') ? 'password-error' : undefined} />
        </label>
        <label className="field" htmlFor="new-password">
          <span className="field-label">{t('account.password.new')}</span>
          <input id="new-password" type={type} autoComplete="new-password" value={next}
            onChange={(event) => setNext(event.target.value)} aria-invalid={invalid('newPassword')}
            aria-describedby={invalid('newPassword') ? 'password-error' : 'new-password-hint'} />
          <span className="field-hint" id="new-password-hint">{t('account.password.hint', { min: 8 })}</span>
        </label>
        <label className="field" htmlFor="repeat-password">
          <span className="field-label">{t('account.password.repeat')}</span>
          <input id="repeat-password" type={type} autoComplete="new-password" value={repeated}
            onChange={(event) => setRepeated(event.target.value)} aria-invalid={invalid('repeatPassword')}
            aria-describedby={invalid('repeatPassword') ? 'password-error' : undefined} />
        </label>
        <label className="checkbox" htmlFor="show-passwords">
          <input id="show-passwords" type="checkbox" checked={showPasswords}
            onChange={(event) => setShowPasswords(event.target.checked)} />
          <span>{t('login.showPassword')}</span>
        </label>
        <button type="submit" className="button primary" data-testid="password-submit" disabled={fetching}>
          {fetching ? t('account.password.submitting') : t('account.password.submit')}
        </button>
      </form>
    </section>
  );
}

function SignOutEverywhereCard() {
  const { t } = useTranslation();
  const { signOut, fetching, failed } = useSignOut();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card" aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">{t('account.everywhere.title')}</h2>
      <p className="card-text">{t('account.everywhere.intro')}</p>
      {failed && (
        <p className="problem" role="alert" data-testid="sign-out-everywhere-error">
          {t('session.signOutFailed')}
        </p>
      )}
      {confirming ? (
        <div className="notice" role="group" aria-labelledby="everywhere-confirm">
          <p id="everywhere-confirm">{t('accountCare.everywhere.confirm')}</p>
          <button type="button" className="button primary" data-testid="sign-out-everywhere-confirm" disabled={fetching}
            onClick={() => void signOut(true)}>
            {t('accountCare.everywhere.yes')}
          </button>
          <button type="button" className="button secondary" data-testid="sign-out-everywhere-cancel"
            onClick={() => setConfirming(false)}>
            {t('accountCare.everywhere.no')}
          </button>
        </div>
      ) : (
        <button type="button" className="button secondary" data-testid="sign-out-everywhere" disabled={fetching}
          onClick={() => setConfirming(true)}>
          {t('account.everywhere.submit')}
        </button>
      )}
    </section>
  );
}
