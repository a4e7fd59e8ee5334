import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import type { BoardCaseFragment, CaseStage } from '../../gql/graphql';
import '../../shared/casework/casework.css';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { BoardCaseItem } from './BoardCaseItem';
import { BOARD_STAGES, byStage, mergeUpdate } from './caseActions';
import { CaseBoardQuery, CaseUpdatesSubscription } from './operations';
import { useCaseCommunity } from './useCaseCommunity';

/** How often the board is read afresh besides its live updates. */
const BOARD_REFRESH_MS = 15_000;

/** The case board of the grid worker's grids: by stage, kept current by the live case updates. */
export function CaseBoardScreen() {
  const { t } = useTranslation();
  const community = useCaseCommunity();
  const communityId = community.communityId ?? '';
  const [stage, setStage] = useState<CaseStage | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [{ data, error }, refetch] = useQuery({
    query: CaseBoardQuery,
    variables: { communityId, stage, overdueOnly },
    pause: !communityId,
    requestPolicy: 'cache-and-network',
  });
  const [cases, setCases] = useState<BoardCaseFragment[]>([]);
  // every update is merged as it arrives: updates that come close together (a report among
  // escalations, say) would otherwise leave only the last one for the board to see
  const [{ error: liveError }, resubscribe] = useSubscription(
    { query: CaseUpdatesSubscription, variables: { communityId }, pause: !communityId },
    (_previous: unknown, update) => {
      setCases((board) => mergeUpdate(board, update.caseUpdates as BoardCaseFragment));
      return update;
    },
  );
  useEffect(() => {
    setCases((data?.caseBoard.nodes ?? []) as BoardCaseFragment[]);
  }, [data]);
  // the board is also read afresh now and then, so a live update it missed (seen in the browser
  // tests of the whole suite, cause not yet found) shows within that time instead of never
  useEffect(() => {
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), BOARD_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refetch]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const shown = useMemo(
    () => cases.filter((c) => (!stage || c.stage === stage) && (!overdueOnly || c.overdue)),
    [cases, stage, overdueOnly],
  );

  return (
    <Page>
      <nav className="back">
        <Link to="/grid-worker">{t('timebank.back')}</Link>
      </nav>
      <h1>{t('casework.board.title')}</h1>
      <LoadError error={community.error} retry={community.retry} />
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      <LoadError error={liveError} retry={() => resubscribe()} />
      {!community.fetching && !community.error && !community.communityId && <p className="notice">{t('casework.board.noGrids')}</p>}
      <div className="stage-filter" role="group" aria-label={t('casework.board.filter')}>
        <button type="button" className="button" aria-pressed={stage === null && !overdueOnly}
          onClick={() => { setStage(null); setOverdueOnly(false); }}>{t('casework.board.all')}</button>
        <button type="button" className="button" aria-pressed={overdueOnly} onClick={() => setOverdueOnly(!overdueOnly)}
          data-testid="filter-overdue">{t('casework.board.overdue')}</button>
        {BOARD_STAGES.map((s) => (
          <button key={s} type="button" className="button" aria-pressed={stage === s} onClick={() => setStage(stage === s ? null : s)}
            data-testid={`filter-${s}`}>{t(`casework.stage.${s}`)}</button>
        ))}
      </div>
      {data && <p className="case-meta" role="status">{t('casework.board.count', { count: data.caseBoard.totalCount })}</p>}
      {/* a page of 50 stays within the server's query cost limit; the stage filters reach the rest */}
      {data && data.caseBoard.totalCount > data.caseBoard.nodes.length && (
        <p className="notice">{t('casework.board.firstPage', { shown: data.caseBoard.nodes.length })}</p>
      )}
      {data && shown.length === 0 && <p className="notice">{t('casework.board.empty')}</p>}
      {byStage(shown).map((column) => (
        <section key={column.stage} className="board-column" aria-labelledby={`column-${column.stage}`} data-testid={`board-column-${column.stage}`}>
          <h2 id={`column-${column.stage}`}>{t(`casework.stage.${column.stage}`)} ({column.cases.length})</h2>
          <ul className="case-list">
            {column.cases.map((c) => <BoardCaseItem key={c.id} item={c} now={now} />)}
          </ul>
        </section>
      ))}
    </Page>
  );
}
