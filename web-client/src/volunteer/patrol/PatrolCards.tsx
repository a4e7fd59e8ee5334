import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { MyPatrolQuery } from './operations';
import { shiftTime } from './time';
import { LoadError } from '../../shared/ui/LoadError';
import { HomeCard } from '../../shared/ui/HomeCard';

/** The volunteer home's patrol cards: the next shift, and the way to check in. */
export function PatrolCards() {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: MyPatrolQuery, requestPolicy: 'cache-and-network' });
  const next = data?.myShifts.find((s) => s.status === 'CONFIRMED')?.shift;
  return (
    <>
      {error && <li className="card"><LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /></li>}
      <HomeCard
        id="volunteer-shifts"
        title={t('volunteer.shifts.title')}
        text={next
          ? t('patrol.card.next', { when: shiftTime(next.startsAt, next.endsAt, next.team.community.timeZone, i18n.language) })
          : t('volunteer.shifts.text')}
      >
        <Link className="button" to="/volunteer/shifts" data-testid="open-shifts">{t('patrol.card.openShifts')}</Link>
      </HomeCard>
      <HomeCard
        id="volunteer-check-in"
        title={t('volunteer.checkIn.title')}
        text={data?.myOpenCheckIn ? t('patrol.checkIn.onPatrol') : t('volunteer.checkIn.text')}
      >
        <Link className="button primary" to="/volunteer/check-in" data-testid="open-check-in">{t('patrol.card.openCheckIn')}</Link>
      </HomeCard>
    </>
  );
}
