import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardCaseFragment } from '../../gql/graphql';
import { CaseClockText } from '../../shared/casework/CaseClockText';
import { CasePhotoImage } from '../../shared/casework/CasePhotoImage';
import { categoryName } from '../../shared/casework/categoryName';

/** One case on the board: kind, stage, clock, reporter, grid, photos and what happened last. */
export function BoardCaseItem({ item, now }: { item: BoardCaseFragment; now: number }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const last = item.lastEvent;
  return (
    <li className={`case-item${item.overdue ? ' overdue' : ''}`} data-testid="board-case" data-stage={item.stage}>
      <div className="case-head">
        <strong>{categoryName(item.category, i18n.language)}</strong>
        <span className="case-stage">{t(`casework.stage.${item.stage}`)}</span>
      </div>
      <p>{item.description}</p>
      <p className="case-meta">
        {t('casework.board.reporter', { name: item.reporter?.displayName ?? t('casework.anonymous') })}
        {' · '}
        {item.grid ? item.grid.code : t('casework.board.noGrid')}
        {' · '}
        {when(item.reportedAt)}
      </p>
      <CaseClockText dueAt={item.dueAt} overdue={item.overdue} now={now} />
      {item.photos.length > 0 && (
        <div className="photo-strip">
          {item.photos.map((p, i) => <CasePhotoImage key={p.id} url={p.url} className="small" alt={t('casework.photoAlt', { number: i + 1 })} />)}
        </div>
      )}
      <p className="case-meta" data-testid="board-last-event">
        {t('casework.board.last', { what: t(`casework.event.${last.kind}`), who: last.actor?.displayName ?? t('casework.system'), when: when(last.at) })}
      </p>
      <Link className="button" to={`/grid-worker/cases/${encodeURIComponent(item.id)}`} data-testid="open-case">
        {t('casework.board.open')}
      </Link>
    </li>
  );
}
