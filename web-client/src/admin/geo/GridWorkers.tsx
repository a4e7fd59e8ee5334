import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { GridWorkerAssignMutation, GridWorkerUnassignMutation } from './operations';

interface Props {
  grid: { id: string; code: string; workers: readonly { id: string; displayName: string; phone?: string | null }[] };
}

/** A grid's workers: take one off, or appoint a volunteer of the community by phone number. */
export function GridWorkers({ grid }: Props) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [{ fetching: assigning }, assign] = useMutation(GridWorkerAssignMutation);
  const [{ fetching: unassigning }, unassign] = useMutation(GridWorkerUnassignMutation);

  function outcome(payload: { userErrors: { message: string }[] } | null | undefined, done: string): boolean {
    if (!payload) setMessage({ text: t('errors.network'), problem: true });
    else if (payload.userErrors.length > 0) setMessage({ text: payload.userErrors.map((e) => e.message).join(' '), problem: true });
    else {
      setMessage({ text: done, problem: false });
      return true;
    }
    return false;
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const result = await assign({ input: { gridId: grid.id, phone: phone.trim() } });
    if (outcome(result.data?.gridWorkerAssign, t('geo.workers.assigned'))) setPhone('');
  }

  async function remove(accountId: string, name: string) {
    const result = await unassign({ input: { gridId: grid.id, accountId } });
    outcome(result.data?.gridWorkerUnassign, t('geo.workers.unassigned', { name }));
  }

  return (
    <section className="card" aria-labelledby="grid-workers-title" data-testid="grid-workers">
      <h2 id="grid-workers-title" className="card-title">{t('geo.workers.title', { code: grid.code })}</h2>
      {message && (
        <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'} data-testid="grid-workers-message">
          {message.text}
        </p>
      )}
      {grid.workers.length === 0 && <p className="card-text">{t('geo.workers.none')}</p>}
      <ul className="grid-workers">
        {grid.workers.map((w) => (
          <li key={w.id}>
            <span>{w.displayName}{w.phone ? ` · ${w.phone}` : ''}</span>
            <button type="button" className="button" disabled={unassigning} onClick={() => void remove(w.id, w.displayName)}>
              {t('geo.workers.unassign')}
            </button>
          </li>
        ))}
      </ul>
      <form className="login" noValidate onSubmit={(e) => void add(e)}>
        <label className="field" htmlFor="worker-phone">
          <span className="field-label">{t('geo.workers.phone')}</span>
          <input id="worker-phone" type="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="button primary" disabled={assigning || phone.trim() === ''} data-testid="worker-assign">
          {t('geo.workers.assign')}
        </button>
      </form>
    </section>
  );
}
