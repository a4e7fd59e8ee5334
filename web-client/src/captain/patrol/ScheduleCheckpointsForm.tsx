import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { currentPosition } from '../../volunteer/patrol/time';
import { CheckpointPlaque } from './CheckpointPlaque';
import { ScheduleCheckpointsSetMutation } from './operations';
import type { useOutcome } from './useOutcome';

type Row = { id: string | null; name: string; longitude: string; latitude: string; code?: string | null };

type Existing = { id: string; name: string; code?: string | null; position: { longitude: number; latitude: number } };

/**
 * A schedule's checkpoints as a list: rename, move (type the position or take the phone's), remove, add
 * one where the captain stands. Saved together; shifts not started follow.
 */
export function ScheduleCheckpointsForm({ scheduleId, checkpoints, report }: {
  scheduleId: string;
  checkpoints: readonly Existing[];
  report: ReturnType<typeof useOutcome>['report'];
}) {
  const { t } = useTranslation();
  const [, save] = useMutation(ScheduleCheckpointsSetMutation);
  const [rows, setRows] = useState<Row[]>(checkpoints.map((c) => ({ id: c.id, name: c.name, code: c.code,
    longitude: String(c.position.longitude), latitude: String(c.position.latitude) })));
  const [problem, setProblem] = useState<string | null>(null);

  const change = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function here(i: number | null) {
    try {
      const p = await currentPosition();
      setProblem(null);
      const where = { longitude: p.longitude.toFixed(6), latitude: p.latitude.toFixed(6) };
      if (i === null) setRows([...rows, { id: null, name: '', ...where }]);
      else change(i, where);
    }
    catch {
      setProblem(t('teams.checkpoints.noPosition'));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = rows.map((r) => ({ id: r.id, name: r.name,
      position: { longitude: Number(r.longitude), latitude: Number(r.latitude) } }));
    void report(save({ input: { scheduleId, checkpoints: input } }).then((r) => r.data?.scheduleCheckpointsSet),
      t('teams.checkpoints.saved'));
  }

  return (
    <form className="patrol-form login" onSubmit={submit} noValidate data-testid="schedule-checkpoints-form">
      <h4>{t('teams.checkpoints.title')}</h4>
      <p className="patrol-detail">{t('teams.checkpoints.rule')}</p>
      {problem && <p className="problem" role="alert">{problem}</p>}
      {rows.map((row, i) => (
        <fieldset key={row.id ?? `new-${i}`} className="grid-picker" data-testid="schedule-checkpoint">
          <legend className="field-label">{row.name || t('teams.checkpoints.unnamed')}</legend>
          <label className="field"><span className="field-label">{t('teams.checkpoints.name')}</span>
            <input type="text" maxLength={60} value={row.name} onChange={(e) => change(i, { name: e.target.value })} /></label>
          <label className="field"><span className="field-label">{t('teams.checkpoints.latitude')}</span>
            <input type="text" inputMode="decimal" value={row.latitude} onChange={(e) => change(i, { latitude: e.target.value })} /></label>
          <label className="field"><span className="field-label">{t('teams.checkpoints.longitude')}</span>
            <input type="text" inputMode="decimal" value={row.longitude} onChange={(e) => change(i, { longitude: e.target.value })} /></label>
          <div className="patrol-row">
            <button type="button" className="button" onClick={() => void here(i)}>{t('teams.checkpoints.moveHere')}</button>
            <button type="button" className="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t('teams.checkpoints.remove')}
            </button>
          </div>
          {row.code && <CheckpointPlaque name={row.name} code={row.code} />}
        </fieldset>
      ))}
      <div className="patrol-row">
        <button type="button" className="button" onClick={() => void here(null)} data-testid="checkpoint-add">{t('teams.checkpoints.addHere')}</button>
        <button type="submit" className="button primary" data-testid="checkpoints-save">{t('teams.checkpoints.save')}</button>
      </div>
    </form>
  );
}
