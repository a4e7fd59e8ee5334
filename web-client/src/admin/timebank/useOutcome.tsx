import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Payload = { userErrors: { message: string }[] } | null | undefined;

export interface Outcome {
  text: string;
  problem: boolean;
}

/**
 * A mutation's answer as the administrator reads it: the server's refusals in its own words, a
 * lost answer as such, or what was done.
 */
export function useOutcome() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  function settle(payload: Payload, done: string): boolean {
    if (!payload) setOutcome({ text: t('errors.network'), problem: true });
    else if (payload.userErrors.length > 0) setOutcome({ text: payload.userErrors.map((e) => e.message).join(' '), problem: true });
    else {
      setOutcome({ text: done, problem: false });
      return true;
    }
    return false;
  }
  return { outcome, setOutcome, settle };
}

export function OutcomeMessage({ outcome, testId }: { outcome: Outcome | null; testId: string }) {
  if (!outcome) return null;
  return (
    <p className={outcome.problem ? 'problem' : 'notice'} role={outcome.problem ? 'alert' : 'status'} data-testid={testId}>
      {outcome.text}
    </p>
  );
}
