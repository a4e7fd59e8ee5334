import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { AttendanceHistoryQuery } from './operations';
import { shiftTime } from './time';
import { LoadError } from '../../shared/ui/LoadError';

/** The volunteer's past patrols: verified minutes, or where the review stands; reloaded when {@code stamp} changes. */
export function AttendanceHistory({ stamp }: { stamp: number }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: AttendanceHistoryQuery, requestPolicy: 'cache-and-network' });
  useEffect(() => {
    if (stamp > 0) refetch({ requestPolicy: 'network-only' });
  }, [stamp, refetch]);
  const history = data?.myAttendance;
  if (!history) {
    return <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  }
  return (
    <section className="patrol-section">
      <h2>{t('patrol.history.title')}</h2>
      {history.nodes.length === 0 && <p className="intro">{t('patrol.history.none')}</p>}
      <ul className="patrol-list">
        {history.nodes.map((a) => (
          <li key={a.id} className="patrol-item" data-testid="attendance">
            <div className="patrol-when">
              {a.shift.team.name} · {shiftTime(a.shift.startsAt, a.shift.endsAt, a.shift.team.community.timeZone, i18n.language)}
            </div>
            <div className="patrol-detail" data-testid="attendance-status">
              {t(`patrol.attendance.${a.status}`, { minutes: a.verifiedMinutes ?? 0, reason: a.rejectionReason ?? '' })}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
