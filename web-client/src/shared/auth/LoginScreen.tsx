import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { Page } from '../ui/Page';
import { type LoginProblem, loginProblems, normalisePhone } from './loginErrors';
import { ResetCodeSignIn } from './ResetCodeSignIn';
import { useSession } from './SessionProvider';

const AccountLoginMutation = graphql(`
  mutation AccountLogin($input: AccountLoginInput!) {
    accountLogin(input: $input) {
      token
      expiresAt
      account {
        ...AccountSession
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

type Problem = LoginProblem | { key: 'errors.phoneRequired' | 'errors.passwordRequired' | 'errors.network' | 'errors.unexpected'; message?: undefined; field: LoginProblem['field'] };

export function LoginScreen() {
  const { t } = useTranslation();
  const { token, ended, signIn } = useSession();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, login] = useMutation(AccountLoginMutation);
  const [withResetCode, setWithResetCode] = useState(false);

  if (token) return <Navigate to={from} replace />;
  if (withResetCode) {
    return (
      <Page>
        <ResetCodeSignIn onCancel={() => setWithResetCode(false)} />
      </Page>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Problem[] = [];
    if (!normalisePhone(phone)) missing.push({ key: 'errors.phoneRequired', field: 'phone' });
    if (!password) missing.push({ key: 'errors.passwordRequired', field: 'password' });
    setProblems(missing);
    if (missing.length > 0) return;

    const result = await login({ input: { phone: normalisePhone(phone), password } });
    const payload = result.data?.accountLogin;
    if (payload?.token) {
      signIn(payload.token, payload.expiresAt); // re-renders with the token, which navigates on
    } else if (payload && payload.userErrors.length > 0) {
      setProblems(loginProblems(payload.userErrors));
    } else {
      setProblems([{ key: result.error?.networkError ? 'errors.network' : 'errors.unexpected', field: null }]);
    }
  }

  const invalid = (field: 'phone' | 'password') => problems.some((problem) => problem.field === field);

  return (
    <Page>
      <form className="login" onSubmit={submit} noValidate>
        <h1>{t('login.title')}</h1>
        <p className="intro">{t('login.intro')}</p>
        {ended === 'expired' && problems.length === 0 && (
          <p className="notice" role="status" data-testid="session-expired">
            {t('session.expired')}
          </p>
        )}
        {problems.length > 0 && (
          <div className="problem" role="alert" id="login-error" data-testid="login-error">
            {problems.map((problem, index) => (
              <p key={index}>{problem.key ? t(problem.key) : problem.message}</p>
            ))}
          </div>
        )}

        <label className="field" htmlFor="phone">
          <span className="field-label">{t('login.phone')}</span>
          <input
            id="phone"
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
            aria-invalid={invalid('phone') || undefined}
            aria-describedby={invalid('phone') ? 'login-error' : undefined}
          />
        </label>

        <label className="field" htmlFor="password">
          <span className="field-label">{t('login.password')}</span>
          <input
            id="password"
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={invalid('password') || undefined}
            aria-describedby={invalid('password') ? 'login-error' : undefined}
          />
        </label>

        <label className="checkbox" htmlFor="show-password">
          <input
            id="show-password"
            type="checkbox"
            checked={showPassword}
            onChange={(event) => setShowPassword(event.target.checked)}
          />
          <span>{t('login.showPassword')}</span>
        </label>

        <button type="submit" className="button primary" data-testid="login-submit" disabled={fetching}>
          {fetching ? t('login.submitting') : t('login.submit')}
        </button>
        <button type="button" className="button secondary" data-testid="have-reset-code"
          onClick={() => setWithResetCode(true)}>
          {t('accountCare.resetSignIn.open')}
        </button>
      </form>
    </Page>
  );
}
