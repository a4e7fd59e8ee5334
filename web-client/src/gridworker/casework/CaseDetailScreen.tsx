import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import type { CaseDetailQuery as CaseDetailData } from '../../gql/graphql';
import { CaseClockText } from '../../shared/casework/CaseClockText';
import { CasePhotoImage } from '../../shared/casework/CasePhotoImage';
import { categoryName } from '../../shared/casework/categoryName';
import '../../shared/casework/casework.css';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { LeafletMap, type MapGrid } from '../LeafletMap';
import { CaseActionsPanel } from './CaseActionsPanel';
import { CaseDetailQuery } from './operations';

type CaseDetail = Extract<NonNullable<CaseDetailData['node']>, { __typename?: 'Case'; timeline: unknown }>;

/** One case: what was reported, where (a small map), its photos, its timeline, and the steps allowed now. */
export function CaseDetailScreen() {
  const { t, i18n } = useTranslation();
  const { caseId = '' } = useParams();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CaseDetailQuery, variables: { id: caseId }, requestPolicy: 'cache-and-network' });
  const item = data?.node && 'timeline' in data.node ? (data.node as CaseDetail) : null;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const grids: MapGrid[] = useMemo(() => (item?.grid ? [item.grid as MapGrid] : []), [item?.grid]);
  const incidents = useMemo(
    () => (item ? [{ id: item.id, longitude: item.position.longitude, latitude: item.position.latitude, label: categoryName(item.category, i18n.language) }] : []),
    [item, i18n.language],
  );
  const handler = item?.handler?.account?.displayName ?? item?.handler?.department?.name;

  return (
    <Page>
      <nav className="back">
        <Link to="/grid-worker/cases">{t('casework.detail.back')}</Link>
      </nav>
      <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      {!item && !fetching && !error && <p className="notice">{t('casework.detail.notFound')}</p>}
      {item && (
        <>
          <h1>{categoryName(item.category, i18n.language)}</h1>
          <div className="case-head">
            <span className="case-stage" data-testid="case-stage">{t(`casework.stage.${item.stage}`)}</span>
            <CaseClockText dueAt={item.dueAt} overdue={item.overdue} />
          </div>
          <p data-testid="case-description">{item.description}</p>
          <dl className="case-facts">
            <dt>{t('casework.detail.reporter')}</dt>
            <dd data-testid="case-reporter">
              {item.reporter?.displayName ?? t('casework.anonymous')}
              {item.anonymous ? ` (${t('casework.detail.anonymousToOthers')})` : ''}
            </dd>
            <dt>{t('casework.detail.where')}</dt>
            <dd>{item.grid ? `${item.grid.code} ${item.grid.name}` : t('casework.board.noGrid')}</dd>
            <dt>{t('casework.detail.reportedAt')}</dt>
            <dd>{when(item.reportedAt)}</dd>
            {handler && <><dt>{t('casework.detail.handler')}</dt><dd data-testid="case-handler">{handler}</dd></>}
            {item.escalatedAt && <><dt>{t('casework.detail.escalated')}</dt><dd>{when(item.escalatedAt)}</dd></>}
            {item.rejectionReason && <><dt>{t('casework.detail.rejectionReason')}</dt><dd>{item.rejectionReason}</dd></>}
            {item.duplicateOf && <><dt>{t('casework.detail.duplicateOf')}</dt><dd>{item.duplicateOf.description}</dd></>}
            {item.satisfaction != null && <><dt>{t('casework.detail.satisfaction')}</dt><dd>{'★'.repeat(item.satisfaction)}</dd></>}
          </dl>
          <LeafletMap grids={grids} patrollers={[]} now={Date.now()} incidents={incidents} className="case-map"
            label={t('casework.detail.mapLabel', { grid: item.grid?.code ?? '' })} />
          {item.photos.length > 0 && (
            <div className="photo-strip" data-testid="case-photos">
              {item.photos.map((p, i) => <CasePhotoImage key={p.id} url={p.url} alt={t('casework.photoAlt', { number: i + 1 })} />)}
            </div>
          )}
          <CaseActionsPanel
            item={{
              id: item.id, stage: item.stage, version: item.version, communityId: item.community.id,
              categoryId: item.category.id, handlerAccountId: item.handler?.account?.id ?? null,
            }}
            onDone={() => refetch({ requestPolicy: 'network-only' })}
          />
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t('casework.detail.timeline')}</h2>
            <ol className="timeline" data-testid="case-timeline">
              {item.timeline.map((e, i) => (
                <li key={`${e.kind}-${e.at}-${i}`} data-testid="timeline-event" data-kind={e.kind}>
                  <strong>{t(`casework.event.${e.kind}`)}</strong>
                  <span className="case-meta">{when(e.at)} · {e.actor?.displayName ?? t('casework.system')}</span>
                  {e.note && <span>{e.note}</span>}
                  {e.photos.length > 0 && (
                    <div className="photo-strip">
                      {e.photos.map((p, j) => <CasePhotoImage key={p.id} url={p.url} className="small" alt={t('casework.photoAlt', { number: j + 1 })} />)}
                    </div>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </Page>
  );
}
