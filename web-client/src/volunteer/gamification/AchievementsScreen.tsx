import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { GoalsCard } from '../../shared/gamification/GoalsCard';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { GamificationProfileQuery } from './operations';
import { PointsHistory } from './PointsHistory';
import { BadgesSection, LevelSection, StreakSection } from './ProfileSections';
import { CommunityBoard, NameHideSetting, RanksSection } from './RanksSection';
import '../../shared/gamification/gamification.css';
import '../../volunteer/timebank/timebank.css';

/** "My achievements": level and points, streak, badges, ranks and boards, the name setting, the points history. */
export function AchievementsScreen() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: GamificationProfileQuery, requestPolicy: 'cache-and-network' });
  const profile = data?.gamification;
  return (
    <Page>
      <nav className="back"><Link to="/volunteer">{t('timebank.back')}</Link></nav>
      <h1>{t('gamification.title')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {data && !profile && <p className="notice">{t('gamification.notVolunteer')}</p>}
      {profile && (
        <>
          <LevelSection profile={profile} />
          <StreakSection streak={profile.streak} />
          <BadgesSection profile={profile} />
          <ul className="cards"><GoalsCard communityId={profile.community.id} id="achievements-goals" /></ul>
          <RanksSection ranks={profile.ranks} />
          <CommunityBoard communityId={profile.community.id} />
          <NameHideSetting />
          <Link className="button" to="/volunteer/certificate" data-testid="open-certificate">{t('gamification.certificate.open')}</Link>
          <PointsHistory />
        </>
      )}
    </Page>
  );
}
