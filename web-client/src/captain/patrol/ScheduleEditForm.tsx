import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { GridPicker } from '../../shared/ui/GridPicker';
import { ScheduleUpdateMutation } from './operations';
import type { useOutcome } from './useOutcome';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

const DAY_NAMES = ['patrol.weekday.1', 'patrol.weekday.2', 'patrol.weekday.3', 'patrol.weekday.4', 'patrol.weekday.5',
  'patrol.weekday.6', 'patrol.weekday.7'] as const;

type Schedule = {
  id: string;
  version: number;
  weekdays: readonly number[];
  startTime: string;
  endTime: string;
  minPatrollers: number;
  maxPatrollers: number;
  grids: readonly { id: string }[];
};

/**
 * A schedule's new form from a date on. Shifts already planned move with it and the people signed up keep
 * their places and get a message; shifts that started never change.
 */
export function ScheduleEditForm({ schedule, grids, report, close }: {
  schedule: Schedule;
  grids: readonly { id: string; name: string }[];
  report: ReturnType<typeof useOutcome>['report'];
  close: () => void;
}) {
  const { t } = useTranslation();
  const [, update] = useMutation(ScheduleUpdateMutation);
  const [weekdays, setWeekdays] = useState<number[]>([...schedule.weekdays]);
  const [start, setStart] = useState(schedule.startTime);
  const [end, setEnd] = useState(schedule.endTime);
  const [min, setMin] = useState(String(schedule.minPatrollers));
  const [max, setMax] = useState(String(schedule.maxPatrollers));
  const [gridIds, setGridIds] = useState<string[]>(schedule.grids.map((g) => g.id));
  const [from, setFrom] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const done = await report(update({ input: { scheduleId: schedule.id, version: schedule.version, from: from || null, gridIds,
      weekdays, startTime: start, endTime: end, minPatrollers: Number(min), maxPatrollers: Number(max) } })
      .then((r) => r.data?.shiftScheduleUpdate), t('teams.scheduleEdit.saved'));
    if (done) close();
  }

  return (
    <form className="patrol-form login" onSubmit={submit} noValidate data-testid="schedule-edit-form">
      <h4>{t('teams.scheduleEdit.title')}</h4>
      <p className="patrol-detail">{t('teams.scheduleEdit.rule')}</p>
      <fieldset className="grid-picker">
        <legend className="field-label">{t('teams.scheduleEdit.days')}</legend>
        {WEEKDAYS.map((d) => (
          <label key={d} className="checkbox">
            <input type="checkbox" checked={weekdays.includes(d)} data-testid={`edit-day-${d}`}
              onChange={(e) => setWeekdays(e.target.checked ? [...weekdays, d].sort() : weekdays.filter((w) => w !== d))} />
            {t(DAY_NAMES[d - 1])}
          </label>
        ))}
      </fieldset>
      <label className="field"><span className="field-label">{t('patrol.schedules.start')}</span>
        <input type="time" value={start} onChange={(e) => setStart(e.target.value)} data-testid="edit-start" /></label>
      <label className="field"><span className="field-label">{t('patrol.schedules.end')}</span>
        <input type="time" value={end} onChange={(e) => setEnd(e.target.value)} data-testid="edit-end" /></label>
      <GridPicker grids={grids} chosen={gridIds} onChange={setGridIds} />
      <label className="field"><span className="field-label">{t('patrol.schedules.min')}</span>
        <input type="number" inputMode="numeric" min={1} value={min} onChange={(e) => setMin(e.target.value)} /></label>
      <label className="field"><span className="field-label">{t('patrol.schedules.max')}</span>
        <input type="number" inputMode="numeric" min={1} value={max} onChange={(e) => setMax(e.target.value)} /></label>
      <label className="field"><span className="field-label">{t('teams.scheduleEdit.from')}</span>
        <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
      <div className="patrol-row">
        <button type="submit" className="button primary" data-testid="schedule-save">{t('teams.scheduleEdit.save')}</button>
        <button type="button" className="button" onClick={close}>{t('teams.scheduleEdit.cancel')}</button>
      </div>
    </form>
  );
}
