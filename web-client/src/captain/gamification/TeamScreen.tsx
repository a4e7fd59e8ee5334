import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { LeaderboardPeriod } from '../../gql/graphql';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { CaptainTeamsQuery, TeamBoardsQuery, TeamReviewFlagsQuery } from './operations';
import { memberStandings, teamPlace } from './standing';
import { StreakPauseForm } from './StreakPauseForm';
import '../../shared/gamification/gamification.css';
import '../../volunteer/patrol/patrol.css';

const PERIODS: readonly LeaderboardPeriod[] = ['WEEK', 'MONTH', 'ALL_TIME'];

/** The captain's team page: the team's place on the community board, each member's points, pauses, review flags. */
export function TeamScreen() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: CaptainTeamsQuery, requestPolicy: 'cache-and-network' });
  const teams = (data?.me?.roles ?? []).filter((r) => r.role === 'CAPTAIN').map((r) => r.scope)
    .flatMap((scope) => (scope.__typename === 'Team' ? [scope] : []));
  return (
    <Page>
      <nav className="back"><Link to="/captain">{t('patrol.back')}</Link></nav>
      <h1>{t('gamification.team.title')}</h1>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {teams.map((team) => <TeamStanding key={team.id} team={team} />)}
    </Page>
  );
}

interface TeamProps {
  team: { id: string; name: string; community: { id: string; name: string };
    memberships: readonly { status: string; account: { id: string; displayName: string } }[] };
}

function TeamStanding({ team }: TeamProps) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<LeaderboardPeriod>('WEEK');
  const [pausing, setPausing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [{ data, error }, refetch] = useQuery({ query: TeamBoardsQuery, variables: { communityId: team.community.id, period } });
  const teamsBoard = data?.teams;
  const place = teamsBoard ? teamPlace(team.id, teamsBoard.nodes) : null;
  const members = memberStandings(team.memberships, data?.volunteers?.nodes ?? []);
  return (
    <section className="gam-section" aria-labelledby={`team-${team.id}`} data-testid="team-standing">
      <h2 id={`team-${team.id}`}>{team.name}</h2>
      <div className="gam-switch" role="group" aria-label={t('gamification.board.when')}>
        {PERIODS.map((p) => (
          <button key={p} type="button" className="button" aria-pressed={period === p} onClick={() => setPeriod(p)}>
            {t(`gamification.period.${p}`)}
          </button>
        ))}
      </div>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {teamsBoard && (
        <p className="gam-figure" data-testid="team-place">
          {place
            ? t('gamification.team.place', { community: team.community.name, rank: place.rank, of: teamsBoard.totalCount, points: place.points })
            : t('gamification.team.unplaced', { community: team.community.name })}
        </p>
      )}
      {message && <p className="notice" role="status" data-testid="team-message">{message}</p>}
      <h3>{t('gamification.team.members')}</h3>
      <ul className="patrol-list">
        {members.map((m) => (
          <li key={m.id} className="patrol-item" data-testid="team-member">
            <div className="patrol-when">{m.displayName}{!m.active && <span className="gam-soft"> · {t('patrol.members.INACTIVE')}</span>}</div>
            <div className="patrol-detail">
              {m.rank ? t('gamification.team.memberPoints', { points: m.points, rank: m.rank }) : t('gamification.team.noPoints')}
            </div>
            <button type="button" className="button" aria-expanded={pausing === m.id}
              onClick={() => setPausing(pausing === m.id ? null : m.id)} data-testid="streak-pause-open">
              {t('gamification.team.pause.open')}
            </button>
            {pausing === m.id && (
              <StreakPauseForm teamId={team.id} accountId={m.id} name={m.displayName}
                onDone={(text) => { setPausing(null); setMessage(text); }} />
            )}
          </li>
        ))}
      </ul>
      <ReviewFlags teamId={team.id} />
    </section>
  );
}

function ReviewFlags({ teamId }: { teamId: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: TeamReviewFlagsQuery, variables: { teamId }, requestPolicy: 'cache-and-network' });
  const flags = data?.reviewFlags;
  return (
    <>
      <h3>{t('gamification.flags.title')}</h3>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {flags && flags.nodes.length === 0 && <p className="gam-soft">{t('gamification.flags.none')}</p>}
      <ul className="patrol-list">
        {flags?.nodes.map((flag, index) => (
          <li key={`${flag.flaggedAt}-${index}`} className="patrol-item at-risk" data-testid="review-flag">
            <div className="patrol-when">{flag.account.displayName} · {t(`gamification.flags.${flag.kind}`)}</div>
            <div className="patrol-detail">{flag.detail}</div>
            <time className="gam-soft" dateTime={flag.flaggedAt}>{new Date(flag.flaggedAt).toLocaleString(i18n.language)}</time>
          </li>
        ))}
      </ul>
      {flags && flags.nodes.length > 0 && (
        <Link className="button" to="/captain/review">{t('gamification.flags.toReview')}</Link>
      )}
    </>
  );
}
