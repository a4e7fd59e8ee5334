import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { currentPosition, instantOf } from '../../volunteer/patrol/time';
import { ShiftCreateMutation } from './operations';
import type { useOutcome } from './useOutcome';

interface Props {
  teamId: string;
  timeZone: string;
  grids: readonly { id: string; name: string }[];
  report: ReturnType<typeof useOutcome>['report'];
}

/**
 * A one-off shift: start and end as wall-clock times in the community's zone, and optionally a
 * checkpoint placed where the captain stands (its code is then shown on the roster for the plaque).
 */
export function OneOffShiftForm({ teamId, timeZone, grids, report }: Props) {
  const { t } = useTranslation();
  const [, create] = useMutation(ShiftCreateMutation);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [gridId, setGridId] = useState(grids[0]?.id ?? '');
  const [min, setMin] = useState('3');
  const [max, setMax] = useState('7');
  const [checkpoint, setCheckpoint] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!start || !end) {
      await report(Promise.resolve({ userErrors: [{ message: t('patrol.oneOff.timesRequired') }] }), '');
      return;
    }
    let checkpoints: { name: string; position: { longitude: number; latitude: number } }[] = [];
    if (checkpoint.trim()) {
      try {
        const fix = await currentPosition();
        checkpoints = [{ name: checkpoint.trim(), position: { longitude: fix.longitude, latitude: fix.latitude } }];
      } catch {
        await report(Promise.resolve({ userErrors: [{ message: t('patrol.checkIn.noFix') }] }), '');
        return;
      }
    }
    await report(create({ input: { teamId, gridIds: [gridId], startsAt: instantOf(start, timeZone), endsAt: instantOf(end, timeZone),
      minPatrollers: Number(min), maxPatrollers: Number(max), checkpoints } }).then((r) => r.data?.shiftCreate), t('patrol.oneOff.created'));
  }

  return (
    <form className="patrol-form login" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('patrol.oneOff.title')}</h3>
      <label className="field"><span className="field-label">{t('patrol.schedules.start')}</span>
        <input type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} /></label>
      <label className="field"><span className="field-label">{t('patrol.schedules.end')}</span>
        <input type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} /></label>
      <label className="field"><span className="field-label">{t('patrol.schedules.grid')}</span>
        <select value={gridId} onChange={(e) => setGridId(e.target.value)}>
          {grids.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </select></label>
      <label className="field"><span className="field-label">{t('patrol.schedules.min')}</span>
        <input type="number" inputMode="numeric" min={1} value={min} onChange={(e) => setMin(e.target.value)} /></label>
      <label className="field"><span className="field-label">{t('patrol.schedules.max')}</span>
        <input type="number" inputMode="numeric" min={1} value={max} onChange={(e) => setMax(e.target.value)} /></label>
      <label className="field"><span className="field-label">{t('patrol.oneOff.checkpoint')}</span>
        <input value={checkpoint} maxLength={60} onChange={(e) => setCheckpoint(e.target.value)} /></label>
      <button type="submit" className="button primary">{t('patrol.oneOff.create')}</button>
    </form>
  );
}
