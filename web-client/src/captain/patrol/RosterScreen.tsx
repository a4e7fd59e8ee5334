import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Page } from '../../shared/ui/Page';
import { shiftTime } from '../../volunteer/patrol/time';
import { CaptainRosterQuery, ScheduleCreateMutation, ScheduleEndMutation, ShiftCancelMutation } from './operations';
import { ActForMember } from './ActForMember';
import { CheckpointPlaque } from './CheckpointPlaque';
import { OneOffShiftForm } from './OneOffShiftForm';
import { ScheduleCheckpointsForm } from './ScheduleCheckpointsForm';
import { ScheduleEditForm } from './ScheduleEditForm';
import { TeamGridsForm } from './TeamGridsForm';
import { OutcomeLine, useOutcome } from './useOutcome';
import '../../volunteer/patrol/patrol.css';
import { LoadError } from '../../shared/ui/LoadError';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Offers acting for members from shortly before the start (the server enforces the exact lead time). */
function checkInOpen(startsAt: string, endsAt: string): boolean {
  const now = Date.now();
  return new Date(startsAt).getTime() - 60 * 60 * 1000 <= now && now < new Date(endsAt).getTime();
}

const DAY_NAMES = ['patrol.weekday.1', 'patrol.weekday.2', 'patrol.weekday.3', 'patrol.weekday.4', 'patrol.weekday.5',
  'patrol.weekday.6', 'patrol.weekday.7'] as const;

/** A captain's schedules, a form for a new one, and the roster of upcoming shifts with those at risk first. */
export function RosterScreen() {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: CaptainRosterQuery, requestPolicy: 'cache-and-network' });
  const { outcome, report } = useOutcome(() => refetch({ requestPolicy: 'network-only' }));
  const [, endSchedule] = useMutation(ScheduleEndMutation);
  const [, cancelShift] = useMutation(ShiftCancelMutation);
  const [editing, setEditing] = useState<string | null>(null);
  const teams = data?.me?.roles.filter((r) => r.role === 'CAPTAIN').map((r) => r.scope) ?? [];

  return (
    <Page>
      <nav className="back"><Link to="/captain">{t('patrol.back')}</Link></nav>
      <h1>{t('captain.schedule.title')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      <OutcomeLine outcome={outcome} />
      {teams.map((team) => team.__typename === 'Team' && (
        <section key={team.id} className="patrol-section">
          <h2>{team.name}</h2>
          <h3>{t('patrol.roster.title')}</h3>
          <ul className="patrol-list">
            {[...team.upcomingShifts].sort((a, b) => Number(b.atRisk) - Number(a.atRisk)).map((shift) => (
              <li key={shift.id} className={shift.atRisk ? 'patrol-item at-risk' : 'patrol-item'} data-testid="roster-shift">
                <div className="patrol-when">{shiftTime(shift.startsAt, shift.endsAt, team.community.timeZone, i18n.language)}</div>
                <div className="patrol-detail">
                  {t('patrol.shifts.seats', { confirmed: shift.confirmedCount, max: shift.maxPatrollers })}
                  {' · '}{t('patrol.roster.min', { min: shift.minPatrollers })}
                  {shift.waitlistCount > 0 && ` · ${t('patrol.shifts.waiting', { count: shift.waitlistCount })}`}
                </div>
                {shift.atRisk && <p className="problem" data-testid="at-risk">{t('patrol.roster.atRisk')}</p>}
                {shift.checkpoints.map((c) => (c.code
                  ? <CheckpointPlaque key={c.code} name={c.name} code={c.code} />
                  : <div key={c.name} className="patrol-detail">{c.name}</div>))}
                {shift.status === 'CANCELLED' ? (
                  <p className="problem">{t('patrol.shifts.cancelled', { reason: shift.cancelReason ?? '' })}</p>
                ) : (
                  <>
                    <div className="patrol-detail">{shift.signups.map((s) => s.volunteer.displayName + (s.status === 'WAITLISTED' ? ` (${t('patrol.signup.WAITLISTED')})` : '')).join('、')}</div>
                    {checkInOpen(shift.startsAt, shift.endsAt) && shift.signups.filter((s) => s.status === 'CONFIRMED').map((s) => (
                      <ActForMember key={s.id} shiftId={shift.id} volunteer={s.volunteer} checkIn={s.checkIn} report={report} />
                    ))}
                    <button type="button" className="button" onClick={() => {
                      const reason = window.prompt(t('patrol.roster.cancelReason'));
                      if (reason) void report(cancelShift({ input: { shiftId: shift.id, reason } }).then((r) => r.data?.shiftCancel), t('patrol.roster.cancelled'));
                    }}>{t('patrol.roster.cancel')}</button>
                  </>
                )}
              </li>
            ))}
          </ul>
          <h3>{t('patrol.schedules.title')}</h3>
          <ul className="patrol-list">
            {team.schedules.map((s) => (
              <li key={s.id} className="patrol-item" data-testid="schedule">
                <div className="patrol-when">{s.startTime}–{s.endTime}</div>
                <div className="patrol-detail">
                  {s.weekdays.map((d) => t(DAY_NAMES[d - 1])).join(' ')} · {s.grids.map((g) => g.name).join('、')} · {s.minPatrollers}–{s.maxPatrollers}
                </div>
                {editing === s.id ? (
                  <>
                    <ScheduleEditForm schedule={s} grids={team.grids} report={report} close={() => setEditing(null)} />
                    <ScheduleCheckpointsForm key={s.checkpoints.map((c) => c.id).join()} scheduleId={s.id}
                      checkpoints={s.checkpoints} report={report} />
                  </>
                ) : (
                  <button type="button" className="button" data-testid="schedule-edit" onClick={() => setEditing(s.id)}>
                    {t('teams.scheduleEdit.open')}
                  </button>
                )}
                <button type="button" className="button" onClick={() => report(endSchedule({ input: { scheduleId: s.id } }).then((r) => r.data?.shiftScheduleEnd), t('patrol.schedules.ended'))}>
                  {t('patrol.schedules.stop')}
                </button>
              </li>
            ))}
          </ul>
          <ScheduleForm teamId={team.id} grids={team.grids} report={report} />
          <TeamGridsForm key={team.grids.map((g) => g.id).join()} teamId={team.id} communityGrids={team.community.grids}
            teamGrids={team.grids} report={report} />
          <OneOffShiftForm teamId={team.id} timeZone={team.community.timeZone} grids={team.grids} report={report} />
        </section>
      ))}
    </Page>
  );
}

function ScheduleForm({ teamId, grids, report }: {
  teamId: string;
  grids: readonly { id: string; name: string }[];
  report: ReturnType<typeof useOutcome>['report'];
}) {
  const { t } = useTranslation();
  const [, create] = useMutation(ScheduleCreateMutation);
  const [weekdays, setWeekdays] = useState<number[]>(WEEKDAYS);
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('11:00');
  const [min, setMin] = useState('3');
  const [max, setMax] = useState('7');
  const [gridId, setGridId] = useState(grids[0]?.id ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    void report(create({ input: { teamId, gridIds: [gridId], weekdays, startTime: start, endTime: end,
      minPatrollers: Number(min), maxPatrollers: Number(max) } }).then((r) => r.data?.shiftScheduleCreate), t('patrol.schedules.created'));
  }

  return (
    <form className="patrol-form login" onSubmit={submit} noValidate>
      <h3>{t('patrol.schedules.new')}</h3>
      <div className="patrol-row">
        {WEEKDAYS.map((d) => (
          <label key={d} className="checkbox">
            <input type="checkbox" checked={weekdays.includes(d)}
              onChange={(e) => setWeekdays(e.target.checked ? [...weekdays, d].sort() : weekdays.filter((w) => w !== d))} />
            {t(DAY_NAMES[d - 1])}
          </label>
        ))}
      </div>
      <label className="field"><span className="field-label">{t('patrol.schedules.start')}</span>
        <input type="time" value={start} onChange={(e) => setStart(e.target.value)} /></label>
      <label className="field"><span className="field-label">{t('patrol.schedules.end')}</span>
        <input type="time" value={end} onChange={(e) => setEnd(e.target.value)} /></label>
      <label className="field"><span className="field-label">{t('patrol.schedules.grid')}</span>
        <select value={gridId} onChange={(e) => setGridId(e.target.value)}>
          {grids.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </select></label>
      <label className="field"><span className="field-label">{t('patrol.schedules.min')}</span>
        <input type="number" inputMode="numeric" min={1} value={min} onChange={(e) => setMin(e.target.value)} /></label>
      <label className="field"><span className="field-label">{t('patrol.schedules.max')}</span>
        <input type="number" inputMode="numeric" min={1} value={max} onChange={(e) => setMax(e.target.value)} /></label>
      <button type="submit" className="button primary">{t('patrol.schedules.create')}</button>
    </form>
  );
}
