import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { OutcomeLine, useOutcome } from '../../captain/patrol/useOutcome';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { AdministratorsSection } from './AdministratorsSection';
import { NewTeamForm } from './NewTeamForm';
import { TeamCard } from './TeamCard';
import { AdminTeamsQuery } from './operations';
import './teams.css';

/** An administrator's teams of their community: each team's grids and captains, a new team, and the administrators. */
export function TeamsScreen() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: AdminTeamsQuery, requestPolicy: 'cache-and-network' });
  const { outcome, report } = useOutcome(() => refetch({ requestPolicy: 'network-only' }));
  const communities = (data?.me?.roles ?? [])
    .filter((r) => r.role === 'ADMINISTRATOR')
    .map((r) => r.scope)
    .flatMap((s) => (s.__typename === 'Community' ? [s] : []));

  return (
    <Page>
      <div className="teams-admin">
        <nav className="back"><Link to="/admin">{t('patrol.back')}</Link></nav>
        <h1>{t('teams.title')}</h1>
        <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        <OutcomeLine outcome={outcome} />
        {communities.map((community) => (
          <div key={community.id} className="teams-community">
            <section aria-labelledby={`teams-${community.id}`}>
              <h2 id={`teams-${community.id}`}>{t('teams.ofCommunity', { community: community.name })}</h2>
              {community.teams.length === 0 && <p className="card-text">{t('teams.none')}</p>}
              <ul className="cards teams-list">
                {community.teams.map((team) => <TeamCard key={team.id} team={team} report={report} />)}
              </ul>
            </section>
            <div className="teams-side">
              <NewTeamForm communityId={community.id} grids={community.grids} report={report} />
              <AdministratorsSection communityId={community.id} administrators={community.administrators} report={report} />
            </div>
          </div>
        ))}
      </div>
    </Page>
  );
}
