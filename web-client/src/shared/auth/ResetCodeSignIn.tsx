import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { normalisePhone } from './loginErrors';
import { useSession } from './SessionProvider';
import { AccountResetCodeUseMutation } from './resetCodeOperations';

type Field = 'phone' | 'code' | 'newPassword' | 'repeat';
type Problem = { text: string; field: Field | null };

/** "I have a reset code": the phone number, the code the captain gave, and a new password; then signed in. */
export function ResetCodeSignIn({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, use] = useMutation(AccountResetCodeUseMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Problem[] = [];
    if (!normalisePhone(phone)) missing.push({ text: t('errors.phoneRequired'), field: 'phone' });
    if (code.trim() === '') missing.push({ text: t('accountCare.resetSignIn.codeRequired'), field: 'code' });
    if (password.length < 8) missing.push({ text: t('account.errors.tooShort', { min: 8 }), field: 'newPassword' });
    else if (password !== repeated) missing.push({ text: t('account.errors.notRepeated'), field: 'repeat' });
    setProblems(missing);
    if (missing.length > 0) return;
    const result = await use({ input: { phone: normalisePhone(phone), code, newPassword: password } });
    const payload = result.data?.accountResetCodeUse;
    if (payload?.token) {
      signIn(payload.token, payload.expiresAt);
    } else if (payload && payload.userErrors.length > 0) {
      setProblems(payload.userErrors.map((error) => ({
        text: error.message,
        field: (error.field?.[error.field.length - 1] ?? null) as Field | null,
      })));
    } else {
      setProblems([{ text: t(result.error?.networkError ? 'errors.network' : 'errors.unexpected'), field: null }]);
    }
  }

  const invalid = (field: Field) => problems.some((problem) => problem.field === field) || undefined;
  const describedBy = (field: Field) => (invalid(field) ? 'reset-sign-in-error' : undefined);

  return (
    <form className="login" onSubmit={submit} noValidate>
      <h1>{t('accountCare.resetSignIn.title')}</h1>
      <p className="intro">{t('accountCare.resetSignIn.intro')}</p>
      {problems.length > 0 && (
        <div className="problem" role="alert" id="reset-sign-in-error" data-testid="reset-sign-in-error">
          {problems.map((problem, index) => <p key={index}>{problem.text}</p>)}
        </div>
      )}
      <label className="field" htmlFor="reset-sign-in-phone">
        <span className="field-label">{t('login.phone')}</span>
        <input id="reset-sign-in-phone" type="tel" inputMode="tel" autoComplete="tel" value={phone}
          onChange={(event) => setPhone(event.target.value)} aria-invalid={invalid('phone')}
          aria-describedby={describedBy('phone')} />
      </label>
      <label className="field" htmlFor="reset-sign-in-code">
        <span className="field-label">{t('accountCare.resetSignIn.code')}</span>
        <input id="reset-sign-in-code" type="text" autoComplete="one-time-code" autoCapitalize="characters"
          spellCheck={false} maxLength={20} value={code} onChange={(event) => setCode(event.target.value)}
          aria-invalid={invalid('code')} aria-describedby={describedBy('code')} />
      </label>
      <label className="field" htmlFor="reset-sign-in-new">
        <span className="field-label">{t('account.password.new')}</span>
        <input id="reset-sign-in-new" type="password" autoComplete="new-password" value={password}
          onChange={(event) => setPassword(event.target.value)} aria-invalid={invalid('newPassword')}
          aria-describedby={describedBy('newPassword') ?? 'reset-sign-in-hint'} />
        <span className="field-hint" id="reset-sign-in-hint">{t('account.password.hint', { min: 8 })}</span>
      </label>
      <label className="field" htmlFor="reset-sign-in-repeat">
        <span className="field-label">{t('account.password.repeat')}</span>
        <input id="reset-sign-in-repeat" type="password" autoComplete="new-password" value={repeated}
          onChange={(event) => setRepeated(event.target.value)} aria-invalid={invalid('repeat')}
          aria-describedby={describedBy('repeat')} />
      </label>
      <button type="submit" className="button primary" data-testid="reset-sign-in-submit" disabled={fetching}>
        {t('accountCare.resetSignIn.submit')}
      </button>
      <button type="button" className="button secondary" data-testid="reset-sign-in-cancel" onClick={onCancel}>
        {t('accountCare.resetSignIn.back')}
      </button>
    </form>
  );
}
