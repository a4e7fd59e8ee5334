import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { MyPatrolQuery } from './operations';
import { shiftTime } from './time';
import { LoadError } from '../../shared/ui/LoadError';

/** The volunteer home's patrol cards: the next shift, and the way to check in. */
export function PatrolCards() {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: MyPatrolQuery, requestPolicy: 'cache-and-network' });
  const next = data?.myShifts.find((s) => s.status === 'CONFIRMED')?.shift;
  return (
    <>
      {error && <li className="card"><LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /></li>}
      <li className="card" data-testid="card-volunteer-shifts">
        <h3 className="card-title">{t('volunteer.shifts.title')}</h3>
        <p className="card-text">
          {next
            ? t('patrol.card.next', { when: shiftTime(next.startsAt, next.endsAt, next.team.community.timeZone, i18n.language) })
            : t('volunteer.shifts.text')}
        </p>
        <Link className="button" to="/volunteer/shifts" data-testid="open-shifts">{t('patrol.card.openShifts')}</Link>
      </li>
      <li className="card" data-testid="card-volunteer-check-in">
        <h3 className="card-title">{t('volunteer.checkIn.title')}</h3>
        <p className="card-text">{data?.myOpenCheckIn ? t('patrol.checkIn.onPatrol') : t('volunteer.checkIn.text')}</p>
        <Link className="button primary" to="/volunteer/check-in" data-testid="open-check-in">{t('patrol.card.openCheckIn')}</Link>
      </li>
    </>
  );
}
