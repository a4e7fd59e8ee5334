import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { fieldErrors, type FieldErrors } from '../../shared/graphql/fieldErrors';
import { StreakPauseSetMutation } from './operations';

const FIELDS = ['from', 'until', 'reason'];

/** A captain excuses a member's weeks (illness, travel) so that their streak is kept. */
export function StreakPauseForm({ teamId, accountId, name, onDone }: { teamId: string; accountId: string; name: string; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [{ fetching }, pause] = useMutation(StreakPauseSetMutation);
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({ byField: {}, general: [] });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await pause({ input: { teamId, accountId, from, until, reason } });
    const payload = result.data?.streakPauseSet;
    if (!payload) return setErrors({ byField: {}, general: [t('errors.network')] });
    const found = fieldErrors(payload.userErrors, (path) => FIELDS.includes(path));
    setErrors(found);
    if (payload.pause && payload.userErrors.length === 0) {
      onDone(t('gamification.team.paused', { name, from: payload.pause.from, until: payload.pause.until }));
    }
  }
  const id = (field: string) => `pause-${accountId}-${field}`;
  return (
    <form className="editor-form" onSubmit={(e) => void submit(e)} noValidate data-testid="streak-pause-form">
      {errors.general.map((message) => <p key={message} className="problem" role="alert">{message}</p>)}
      {([['from', from, setFrom, 'date'], ['until', until, setUntil, 'date'], ['reason', reason, setReason, 'text']] as const).map(
        ([field, value, set, type]) => (
          <label key={field} className="field" htmlFor={id(field)}>
            <span className="field-label">{t(`gamification.team.pause.${field}`)}</span>
            <input id={id(field)} type={type} value={value} maxLength={type === 'text' ? 100 : undefined}
              aria-invalid={errors.byField[field] ? true : undefined} aria-describedby={errors.byField[field] ? `${id(field)}-error` : undefined}
              onChange={(e) => set(e.target.value)} data-testid={`streak-pause-${field}`} />
            {errors.byField[field] && <span id={`${id(field)}-error`} className="field-error">{errors.byField[field]}</span>}
          </label>
        ))}
      <button type="submit" className="button primary" disabled={fetching} data-testid="streak-pause-submit">{t('gamification.team.pause.submit')}</button>
    </form>
  );
}
