import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';
import { LeafletMap, type MapGrid, type MapIncident } from './LeafletMap';
import { type MapPatroller, applyUpdate, current, isStale } from './livePatrollers';
import { LoadError } from '../shared/ui/LoadError';

const MyGrids = graphql(`
  query GridWorkerGrids {
    me {
      id
      roles {
        role
        scope {
          ... on Grid { id code name boundary center { longitude latitude } community { id } }
        }
      }
    }
  }
`);

const LivePatrollers = graphql(`
  query LivePatrollersOfCommunity($communityId: ID!) {
    livePatrollersInCommunity(communityId: $communityId) { ...MapPatroller }
  }
`);

const Updates = graphql(`
  subscription LivePatrollerUpdatesOfCommunity($communityId: ID!) {
    livePatrollerUpdates(communityId: $communityId) { left patroller { ...MapPatroller } }
  }
`);

const OpenCases = graphql(`
  query LiveMapOpenCases($communityId: ID!) {
    caseBoard(communityId: $communityId, first: 50) { nodes { id stage description position { longitude latitude } } }
  }
`);

/** Cases no longer waiting for anyone: they leave the map. */
const FINISHED_STAGES = new Set(['REJECTED', 'CLOSED']);

/** How often the map asks again for the open cases (the board has the live feed of every change). */
const CASES_EVERY_MS = 60_000;

graphql(`
  fragment MapPatroller on LivePatroller {
    checkInId
    account { id displayName }
    grid { id code }
    position { longitude latitude }
    accuracy
    recordedAt
    insidePatrolArea
  }
`);

interface PatrollerData {
  checkInId: string;
  account: { displayName: string };
  grid?: { code: string } | null;
  position: { longitude: number; latitude: number };
  accuracy: number;
  recordedAt: string;
  insidePatrolArea: boolean;
}

function toMap(p: PatrollerData): MapPatroller {
  return {
    checkInId: p.checkInId,
    name: p.account.displayName,
    gridCode: p.grid?.code ?? null,
    longitude: p.position.longitude,
    latitude: p.position.latitude,
    accuracy: p.accuracy,
    recordedAt: p.recordedAt,
    insidePatrolArea: p.insidePatrolArea,
  };
}

/** How long the map waits before asking again while it is unavailable (Redis away: it recovers by itself). */
const RETRY_UNAVAILABLE_MS = 15_000;

/**
 * The grid worker's live map: their grids, the patrollers in them as they move (and the same as a
 * list), and the community's open cases beside them.
 */
export function LiveMapCard({ retryMs = RETRY_UNAVAILABLE_MS }: { retryMs?: number } = {}) {
  const { t } = useTranslation();
  const [{ data: me, error: gridsError }, refetchGrids] = useQuery({ query: MyGrids });
  const grids: MapGrid[] = useMemo(
    () =>
      (me?.me?.roles ?? [])
        .filter((r) => r.role === 'GRID_WORKER')
        .flatMap((r) => (r.scope && 'code' in r.scope ? [r.scope] : [])) as unknown as (MapGrid & {
        community: { id: string };
      })[],
    [me],
  );
  const communityId = (grids[0] as (MapGrid & { community?: { id: string } }) | undefined)?.community?.id;
  const client = useClient();
  const [patrollers, setPatrollers] = useState<Map<string, MapPatroller>>(new Map());
  const [unavailable, setUnavailable] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const departed = useRef(new Set<string>());

  // Loaded once, not as a watched query: every update would otherwise refetch the whole map.
  useEffect(() => {
    if (!communityId) return;
    // load error: a failed first load is shown as the map's own "unavailable" notice below
    void client
      .query(LivePatrollers, { communityId }, { requestPolicy: 'network-only' })
      .toPromise()
      .then(({ data, error }) => {
        setUnavailable(Boolean(error));
        if (!data) return;
        const list = data.livePatrollersInCommunity as unknown as PatrollerData[];
        setPatrollers((map) =>
          list
            .filter((p) => !departed.current.has(p.checkInId))
            .reduce((m, p) => applyUpdate(m, toMap(p), false), map),
        );
      });
  }, [client, communityId, attempt]);

  // load error: a broken live feed is shown as the map's own "unavailable" notice below
  const [{ data: update, error: updatesError }, resubscribe] = useSubscription({
    query: Updates,
    variables: { communityId: communityId ?? '' },
    pause: !communityId,
  });
  // the server refuses the map while it cannot reach Redis (UNAVAILABLE) and it recovers by
  // itself: ask again now and then, so the map comes back without reloading the page. The feed
  // counts as down from its error until it is asked again (a stream that then stays open says nothing)
  const [feedDown, setFeedDown] = useState(false);
  useEffect(() => {
    if (updatesError) setFeedDown(true);
  }, [updatesError]);
  useEffect(() => {
    if (!unavailable && !feedDown) return undefined;
    const timer = window.setTimeout(() => {
      setAttempt((n) => n + 1);
      if (feedDown) {
        setFeedDown(false);
        resubscribe();
      }
    }, retryMs);
    return () => window.clearTimeout(timer);
  }, [unavailable, feedDown, resubscribe, retryMs, attempt]);

  useEffect(() => {
    const change = update?.livePatrollerUpdates;
    if (!change) return;
    if (change.left) departed.current.add(change.patroller.checkInId);
    setPatrollers((map) => applyUpdate(map, toMap(change.patroller as unknown as PatrollerData), change.left));
  }, [update]);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 5_000);
    return () => window.clearInterval(timer);
  }, []);

  const [{ data: cases, error: casesError }, refetchCases] = useQuery({
    query: OpenCases,
    variables: { communityId: communityId ?? '' },
    pause: !communityId,
  });
  useEffect(() => {
    const timer = window.setInterval(() => refetchCases({ requestPolicy: 'network-only' }), CASES_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [refetchCases]);
  const incidents: MapIncident[] = useMemo(
    () =>
      (cases?.caseBoard.nodes ?? [])
        .filter((c) => !FINISHED_STAGES.has(c.stage))
        .map((c) => ({ id: c.id, longitude: c.position.longitude, latitude: c.position.latitude, label: c.description })),
    [cases],
  );

  const shown = current(patrollers, now);
  return (
    <li className="card card-wide" data-testid="card-gridworker-live-map">
      <h3 className="card-title">{t('gridworker.liveMap.title')}</h3>
      <LoadError error={gridsError} retry={() => refetchGrids({ requestPolicy: 'network-only' })} />
      {(unavailable || feedDown) && <p className="live-map-problem" role="alert">{t('location.map.unavailable')}</p>}
      <LoadError error={casesError} retry={() => refetchCases({ requestPolicy: 'network-only' })} />
      <LeafletMap grids={grids} patrollers={shown} now={now} label={t('location.map.label')} incidents={incidents} />
      <h4>{t('location.map.listTitle', { count: shown.length })}</h4>
      {shown.length === 0 && <p data-testid="no-patrollers">{t('location.map.nobody')}</p>}
      <ul className="patroller-list" data-testid="patroller-list">
        {shown.map((p) => {
          const stale = isStale(p, now);
          return (
            <li key={p.checkInId} className={stale ? 'stale' : ''} data-testid="patroller">
              <strong>{p.name}</strong> — {p.gridCode ?? t('location.map.outsideArea')} —{' '}
              {t('location.map.seenAt', { time: new Date(p.recordedAt).toLocaleTimeString() })}
              {stale && <span> ({t('location.map.stale')})</span>}
            </li>
          );
        })}
      </ul>
    </li>
  );
}
