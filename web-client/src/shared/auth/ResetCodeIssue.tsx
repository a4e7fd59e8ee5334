import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { groupCode, untilTime } from './resetCode';
import { AccountResetCodeIssueMutation } from './resetCodeOperations';

type Issued = { code: string; expiresAt: string; name: string };

/** Issues a code and shows it big, for the captain or administrator to give the person beside them. */
function useResetCode() {
  const { t } = useTranslation();
  const [{ fetching }, issue] = useMutation(AccountResetCodeIssueMutation);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  async function run(input: { account?: string; phone?: string }) {
    setProblem(null);
    setIssued(null);
    const result = await issue({ input });
    const payload = result.data?.accountResetCodeIssue;
    if (payload?.code && payload.expiresAt && payload.account) {
      setIssued({ code: payload.code, expiresAt: payload.expiresAt, name: payload.account.displayName });
    } else if (payload && payload.userErrors.length > 0) {
      setProblem(payload.userErrors[0].message);
    } else {
      setProblem(t(result.error?.networkError ? 'errors.network' : 'accountCare.reset.notAllowed'));
    }
  }
  return { fetching, issued, problem, run };
}

function IssuedCode({ issued, problem }: { issued: Issued | null; problem: string | null }) {
  const { t, i18n } = useTranslation();
  if (problem) return <p className="problem" role="alert" data-testid="reset-code-error">{problem}</p>;
  if (!issued) return null;
  return (
    <div className="notice reset-code" role="status">
      <p>{t('accountCare.reset.codeFor', { name: issued.name })}</p>
      <p className="reset-code-value" data-testid="reset-code" lang="en">{groupCode(issued.code)}</p>
      <p>{t('accountCare.reset.until', { time: untilTime(issued.expiresAt, i18n.language) })}</p>
      <p>{t('accountCare.reset.handOver')}</p>
    </div>
  );
}

/** A button beside a member in a captain's list. */
export function ResetCodeButton({ accountId, name }: { accountId: string; name: string }) {
  const { t } = useTranslation();
  const { fetching, issued, problem, run } = useResetCode();
  return (
    <div className="reset-code-box">
      <button type="button" className="button" disabled={fetching} data-testid="reset-password"
        aria-label={t('accountCare.reset.buttonFor', { name })}
        onClick={() => void run({ account: accountId })}>
        {t('accountCare.reset.button')}
      </button>
      <IssuedCode issued={issued} problem={problem} />
    </div>
  );
}

/** An administrator types the person's phone number. */
export function ResetCodeByPhone() {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const { fetching, issued, problem, run } = useResetCode();
  function submit(event: FormEvent) {
    event.preventDefault();
    void run({ phone: phone.trim() });
  }
  return (
    <form className="login" onSubmit={submit} noValidate>
      <label className="field" htmlFor="reset-phone">
        <span className="field-label">{t('accountCare.reset.phone')}</span>
        <input id="reset-phone" type="tel" inputMode="tel" autoComplete="off" maxLength={30} value={phone}
          onChange={(event) => setPhone(event.target.value)} data-testid="reset-phone" />
      </label>
      <button type="submit" className="button primary" disabled={fetching || phone.trim() === ''}
        data-testid="reset-by-phone">
        {t('accountCare.reset.button')}
      </button>
      <IssuedCode issued={issued} problem={problem} />
    </form>
  );
}
