import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { LoadError } from '../../shared/ui/LoadError';
import { PointsHistoryQuery } from './operations';

const PAGE = 10;

/** Every points entry, newest first, page by page: each award with what earned it, and any taken back. */
export function PointsHistory() {
  const { t } = useTranslation();
  const [pages, setPages] = useState<(string | null)[]>([null]);
  return (
    <section className="gam-section" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('gamification.history.title')}</h2>
      <ol className="entries" data-testid="points-history">
        {pages.map((after) => (
          <HistoryPage key={after ?? 'first'} after={after} last={after === pages[pages.length - 1]}
            onMore={(cursor) => setPages((all) => [...all, cursor])} />
        ))}
      </ol>
    </section>
  );
}

function HistoryPage({ after, last, onMore }: { after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: PointsHistoryQuery, variables: { first: PAGE, after } });
  const history = data?.gamification?.pointsHistory;
  if (!history) return error ? <li><LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /></li> : null;
  if (after === null && history.nodes.length === 0) return <li className="gam-soft">{t('gamification.history.none')}</li>;
  return (
    <>
      {history.nodes.map((entry) => (
        <li key={`${entry.sourceRef}-${entry.source}-${entry.at}`} className="entry" data-testid="points-entry" data-source={entry.source}>
          <div className="entry-what">
            <span className="entry-kind">{t(`gamification.source.${entry.source}`)}</span>
            <time className="entry-at" dateTime={entry.at}>
              {new Date(entry.at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}
            </time>
          </div>
          <div className="entry-figures">
            <span className={entry.points < 0 ? 'entry-out' : 'entry-in'} data-testid="points-entry-points">
              {entry.points > 0 ? '+' : '−'}{t('gamification.points.short', { points: Math.abs(entry.points) })}
            </span>
          </div>
        </li>
      ))}
      {last && history.pageInfo.hasNextPage && history.pageInfo.endCursor && (
        <li className="entry-more">
          <button type="button" className="button" onClick={() => onMore(history.pageInfo.endCursor!)}>
            {t('gamification.history.more')}
          </button>
        </li>
      )}
    </>
  );
}
