import { useTranslation } from 'react-i18next';
import type { GamificationProfileQuery } from '../../gql/graphql';
import { BadgeIcon } from '../../shared/gamification/BadgeIcon';
import { localized } from '../../shared/gamification/localized';
import { ProgressBar } from '../../shared/gamification/ProgressBar';
import { levelProgress, percent } from '../../shared/gamification/progress';
import { metricCount } from './figures';

type Profile = NonNullable<GamificationProfileQuery['gamification']>;

/** The level reached, the points, and how many more the next level needs. */
export function LevelSection({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const { level, nextLevel } = profile;
  const toNext = nextLevel && profile.pointsToNextLevel != null
    ? t('gamification.level.toNext', { points: profile.pointsToNextLevel, name: localized(nextLevel.name, i18n.language) })
    : t('gamification.level.top');
  return (
    <section className="gam-section" aria-labelledby="level-heading" data-testid="level-section">
      <h2 id="level-heading">{t('gamification.level.title')}</h2>
      <p className="gam-big" data-testid="my-level" data-level={level.number}>
        {t('gamification.level.numbered', { number: level.number, name: localized(level.name, i18n.language) })}
      </p>
      <p className="gam-figure" data-testid="my-points" data-points={profile.points}>
        {t('gamification.points.total', { points: profile.points })}
      </p>
      <ProgressBar value={levelProgress(profile.points, level, nextLevel)} label={toNext} testId="level-progress" />
      <p>{toNext}</p>
    </section>
  );
}

/** The weekly streak in plain words: the weeks, this week, the grace left, and a captain's pause. */
export function StreakSection({ streak }: { streak: Profile['streak'] }) {
  const { t } = useTranslation();
  return (
    <section className="gam-section" aria-labelledby="streak-heading" data-testid="streak-section">
      <h2 id="streak-heading">{t('gamification.streak.title')}</h2>
      <p className="gam-big" data-testid="streak-weeks" data-weeks={streak.currentWeeks}>
        {t('gamification.streak.weeks', { count: streak.currentWeeks })}
      </p>
      <p className={streak.thisWeekCounted ? 'gam-ok' : 'gam-open'} data-testid="streak-this-week">
        {streak.thisWeekCounted ? t('gamification.streak.thisWeekDone') : t('gamification.streak.thisWeekOpen')}
      </p>
      <p data-testid="streak-grace">{t('gamification.streak.grace', { count: streak.graceLeft })}</p>
      {streak.pause && (
        <p className="notice" data-testid="streak-pause">
          {t('gamification.streak.paused', { from: streak.pause.from, until: streak.pause.until, reason: streak.pause.reason })}
        </p>
      )}
      <p className="gam-soft">{t('gamification.streak.longest', { count: streak.longestWeeks })}</p>
      <p className="gam-soft">{t('gamification.streak.rule')}</p>
    </section>
  );
}

/** Badges earned, then the ones still to earn with how far along they are. */
export function BadgesSection({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <section className="gam-section" aria-labelledby="badges-heading" data-testid="badges-section">
      <h2 id="badges-heading">{t('gamification.badges.earned')}</h2>
      {profile.badges.length === 0 && <p className="gam-soft">{t('gamification.badges.none')}</p>}
      <ul className="badge-list">
        {profile.badges.map((earned) => (
          <li key={earned.badge.id} className="badge-item" data-testid="earned-badge" data-key={earned.badge.key}>
            <BadgeIcon name={localized(earned.badge.name, language)} description={localized(earned.badge.description, language)}
              metric={earned.badge.rule.metric} />
            <div className="badge-text">
              <span className="badge-name">
                {localized(earned.badge.name, language)}
                {earned.times > 1 && <span className="badge-times"> ×{earned.times}</span>}
              </span>
              <span className="gam-soft">{localized(earned.badge.description, language)}</span>
              <time className="gam-soft" dateTime={earned.earnedAt}>
                {t('gamification.badges.earnedOn', { date: new Date(earned.earnedAt).toLocaleDateString(language) })}
              </time>
            </div>
          </li>
        ))}
      </ul>
      <h2>{t('gamification.badges.next')}</h2>
      {profile.nextBadges.length === 0 && <p className="gam-soft">{t('gamification.badges.allEarned')}</p>}
      <ul className="badge-list">
        {profile.nextBadges.map((next) => {
          const metric = next.badge.rule.metric;
          const label = t('gamification.badges.progress', { current: metricCount(metric, next.current, t), threshold: metricCount(metric, next.threshold, t) });
          return (
            <li key={next.badge.id} className="badge-item" data-testid="next-badge" data-key={next.badge.key}>
              <BadgeIcon name={localized(next.badge.name, language)} description={localized(next.badge.description, language)}
                metric={metric} locked />
              <div className="badge-text">
                <span className="badge-name">{localized(next.badge.name, language)}</span>
                <span className="gam-soft">{localized(next.badge.description, language)}</span>
                <ProgressBar value={percent(next.current, next.threshold)} label={label} />
                <span>{label}</span>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
