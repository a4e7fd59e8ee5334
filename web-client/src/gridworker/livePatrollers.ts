/** A patroller as the live map keeps it. */
export interface MapPatroller {
  checkInId: string;
  name: string;
  gridCode: string | null;
  longitude: number;
  latitude: number;
  accuracy: number;
  recordedAt: string;
  insidePatrolArea: boolean;
}

/** A position older than this is shown greyed, as the server does (qibao.location.stale-after). */
export const STALE_AFTER_MS = 60_000;

/** A position older than this leaves the map, as on the server (qibao.location.drop-after). */
export const DROP_AFTER_MS = 10 * 60_000;

export function isStale(patroller: MapPatroller, now: number): boolean {
  return now - Date.parse(patroller.recordedAt) > STALE_AFTER_MS;
}

/** The map after one update: a move replaces the patroller's entry unless it is older; a departure removes it. */
export function applyUpdate(
  map: ReadonlyMap<string, MapPatroller>,
  patroller: MapPatroller,
  left: boolean,
): Map<string, MapPatroller> {
  const next = new Map(map);
  if (left) {
    next.delete(patroller.checkInId);
    return next;
  }
  const known = next.get(patroller.checkInId);
  if (!known || Date.parse(known.recordedAt) <= Date.parse(patroller.recordedAt)) {
    next.set(patroller.checkInId, patroller);
  }
  return next;
}

/** The patrollers still on the map, freshest first. */
export function current(map: ReadonlyMap<string, MapPatroller>, now: number): MapPatroller[] {
  return [...map.values()]
    .filter((p) => now - Date.parse(p.recordedAt) <= DROP_AFTER_MS)
    .sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt));
}
