import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type Outcome = { text: string; problem: boolean } | null;

type Payload = { userErrors: readonly { message: string }[] } | null | undefined;

/** The message line of a captain screen: a mutation's first user error, or what was done. */
export function useOutcome(after: () => void) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>(null);
  async function report(run: Promise<Payload>, done: string): Promise<boolean> {
    const payload = await run;
    if (!payload) {
      setOutcome({ text: t('errors.network'), problem: true });
      return false;
    }
    if (payload.userErrors.length > 0) {
      setOutcome({ text: payload.userErrors[0].message, problem: true });
      return false;
    }
    setOutcome({ text: done, problem: false });
    after();
    return true;
  }
  return { outcome, report };
}

export function OutcomeLine({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <p className={outcome.problem ? 'problem' : 'notice'} role={outcome.problem ? 'alert' : 'status'} data-testid="captain-message">
      {outcome.text}
    </p>
  );
}
