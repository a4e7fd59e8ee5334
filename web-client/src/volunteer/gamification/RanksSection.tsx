import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { GamificationProfileQuery, LeaderboardPeriod } from '../../gql/graphql';
import { useAccount } from '../../shared/auth/account';
import { RANK_SCOPES, rankTable } from '../../shared/gamification/progress';
import { LoadError } from '../../shared/ui/LoadError';
import { CommunityBoardQuery, LeaderboardNameHideMutation } from './operations';

type Profile = NonNullable<GamificationProfileQuery['gamification']>;

const PERIODS: readonly LeaderboardPeriod[] = ['WEEK', 'MONTH', 'ALL_TIME'];

/** The volunteer's places: a small table of this week / this month / all time by area. */
export function RanksSection({ ranks }: { ranks: Profile['ranks'] }) {
  const { t } = useTranslation();
  const rows = rankTable(ranks);
  return (
    <section className="gam-section" aria-labelledby="ranks-heading" data-testid="ranks-section">
      <h2 id="ranks-heading">{t('gamification.ranks.title')}</h2>
      <p className="gam-soft" id="ranks-explained">{t('gamification.ranks.explained')}</p>
      <table className="rank-table" aria-describedby="ranks-explained">
        <thead>
          <tr>
            <td />
            {RANK_SCOPES.map((scope) => <th key={scope} scope="col">{t(`gamification.scope.${scope}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.period}>
              <th scope="row">{t(`gamification.period.${row.period}`)}</th>
              {row.cells.map((cell, index) => (
                <td key={RANK_SCOPES[index]} data-testid={`rank-${row.period}-${RANK_SCOPES[index]}`}>
                  {cell ? t('gamification.ranks.place', { rank: cell.rank, of: cell.of }) : '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The community's top ten, volunteers or teams, for the period chosen. */
export function CommunityBoard({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const me = useAccount().id;
  const [period, setPeriod] = useState<LeaderboardPeriod>('WEEK');
  const [subject, setSubject] = useState<'VOLUNTEERS' | 'TEAMS'>('VOLUNTEERS');
  const [{ data, error }, refetch] = useQuery({ query: CommunityBoardQuery, variables: { subject, placeId: communityId, period } });
  const board = data?.leaderboard;
  return (
    <section className="gam-section" aria-labelledby="board-heading" data-testid="community-board">
      <h2 id="board-heading">{t('gamification.board.title')}</h2>
      <div className="gam-switch" role="group" aria-label={t('gamification.board.who')}>
        {(['VOLUNTEERS', 'TEAMS'] as const).map((s) => (
          <button key={s} type="button" className="button" aria-pressed={subject === s} onClick={() => setSubject(s)}
            data-testid={`board-${s}`}>
            {t(`gamification.board.${s}`)}
          </button>
        ))}
      </div>
      <div className="gam-switch" role="group" aria-label={t('gamification.board.when')}>
        {PERIODS.map((p) => (
          <button key={p} type="button" className="button" aria-pressed={period === p} onClick={() => setPeriod(p)}
            data-testid={`board-${p}`}>
            {t(`gamification.period.${p}`)}
          </button>
        ))}
      </div>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {board && board.nodes.length === 0 && <p className="gam-soft">{t('gamification.board.empty')}</p>}
      {board && board.nodes.length > 0 && (
        <ol className="board">
          {board.nodes.map((entry) => (
            <li key={entry.rank} className={entry.account?.id === me ? 'board-entry mine' : 'board-entry'} data-testid="board-entry"
              aria-current={entry.account?.id === me ? 'true' : undefined}>
              <span className="board-rank">{entry.rank}</span>
              <span className="board-name">{entry.displayName}</span>
              <span className="board-points">{t('gamification.points.short', { points: entry.points })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * Whether the volunteer's name shows on public boards. The server does not say which it is now, so
 * the setting offers both choices and says which one was taken once it has been.
 */
export function NameHideSetting() {
  const { t } = useTranslation();
  const [{ fetching }, hide] = useMutation(LeaderboardNameHideMutation);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [hidden, setHidden] = useState<boolean | null>(null);
  async function choose(wanted: boolean) {
    const result = await hide({ input: { hidden: wanted } });
    const payload = result.data?.leaderboardNameHide;
    if (!payload) return setMessage({ text: t('errors.network'), problem: true });
    if (payload.userErrors.length > 0) return setMessage({ text: payload.userErrors[0].message, problem: true });
    setHidden(payload.hidden);
    setMessage({ text: payload.hidden ? t('gamification.hide.nowHidden') : t('gamification.hide.nowShown'), problem: false });
  }
  return (
    <section className="gam-section" aria-labelledby="hide-heading" data-testid="name-hide">
      <h2 id="hide-heading">{t('gamification.hide.title')}</h2>
      <p className="gam-soft">{t('gamification.hide.text')}</p>
      <div className="gam-switch">
        <button type="button" className="button" disabled={fetching} aria-pressed={hidden === true}
          onClick={() => void choose(true)} data-testid="name-hide-on">{t('gamification.hide.hide')}</button>
        <button type="button" className="button" disabled={fetching} aria-pressed={hidden === false}
          onClick={() => void choose(false)} data-testid="name-hide-off">{t('gamification.hide.show')}</button>
      </div>
      {message && (
        <p className={message.problem ? 'problem' : 'notice'} role={message.problem ? 'alert' : 'status'} data-testid="name-hide-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
