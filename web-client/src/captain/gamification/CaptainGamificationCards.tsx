import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { GoalsCard } from '../../shared/gamification/GoalsCard';
import { HomeCard } from '../../shared/ui/HomeCard';
import { LoadError } from '../../shared/ui/LoadError';
import { CaptainTeamsQuery } from './operations';

/** The captain home's team card, and the goals of the communities the captain's teams patrol. */
export function CaptainGamificationCards() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: CaptainTeamsQuery, requestPolicy: 'cache-and-network' });
  const communities = [...new Set((data?.me?.roles ?? []).filter((r) => r.role === 'CAPTAIN')
    .flatMap((r) => (r.scope.__typename === 'Team' ? [r.scope.community.id] : [])))];
  return (
    <>
      <HomeCard id="captain-team" title={t('gamification.team.title')} text={t('gamification.team.text')}>
        <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        <Link className="button" to="/captain/team" data-testid="open-captain-team">{t('patrol.card.open')}</Link>
      </HomeCard>
      {communities.map((id) => <GoalsCard key={id} communityId={id} id="captain-goals" />)}
    </>
  );
}
