import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { BadgeIcon } from '../../shared/gamification/BadgeIcon';
import { localized } from '../../shared/gamification/localized';
import { LoadError } from '../../shared/ui/LoadError';
import { GamificationSummaryQuery } from './operations';
import '../../shared/gamification/gamification.css';

/** The volunteer home's card: level and points, this week's streak, the newest badges, and the way in. */
export function BadgesCard() {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: GamificationSummaryQuery, requestPolicy: 'cache-and-network' });
  const profile = data?.gamification;
  return (
    <li className="card" data-testid="card-volunteer-badges">
      <h3 className="card-title">{t('volunteer.badges.title')}</h3>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {data && !profile && <p className="card-text">{t('gamification.notVolunteer')}</p>}
      {profile && (
        <>
          <p className="card-level" data-testid="card-level">
            {t('gamification.level.numbered', { number: profile.level.number, name: localized(profile.level.name, i18n.language) })}
          </p>
          <p className="card-text" data-testid="card-points">{t('gamification.points.total', { points: profile.points })}</p>
          <p className="card-text" data-testid="card-streak">
            {t('gamification.streak.weeks', { count: profile.streak.currentWeeks })}
            {' · '}
            {profile.streak.thisWeekCounted ? t('gamification.streak.thisWeekDone') : t('gamification.streak.thisWeekOpen')}
          </p>
          {profile.badges.length > 0 && (
            <ul className="badge-strip" aria-label={t('gamification.badges.earned')}>
              {profile.badges.slice(0, 4).map((earned) => (
                <li key={earned.badge.id}>
                  <BadgeIcon name={localized(earned.badge.name, i18n.language)}
                    description={localized(earned.badge.description, i18n.language)} metric={earned.badge.rule.metric} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <Link className="button" to="/volunteer/achievements" data-testid="open-achievements">{t('gamification.open')}</Link>
    </li>
  );
}
