import type { KeyValueStorage } from '../shared/storage';

/** One position as the phone took it, in the shape the server's PositionInput expects. */
export interface QueuedPosition {
  position: { longitude: number; latitude: number };
  accuracy: number;
  recordedAt: string;
  speed?: number | null;
  heading?: number | null;
}

/** The most the server takes in one batch. */
export const MAX_BATCH = 100;

/** How many positions the phone keeps while offline: a long shift at one every 15 s. */
export const MAX_QUEUED = 2000;

const KEY = 'qibao.positionQueue';

/**
 * Positions not yet accepted by the server, kept in localStorage so that a patrol through a
 * dead spot (or a closed browser tab) loses nothing; the oldest go first when it overflows.
 */
export class PositionQueue {
  private readonly key: string;

  /** The phone's own queue, or a captain's queue for a member they report for (kept apart). */
  constructor(private readonly storage: KeyValueStorage, readonly forAccountId?: string) {
    this.key = forAccountId ? `${KEY}.${forAccountId}` : KEY;
  }

  all(): QueuedPosition[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as QueuedPosition[]).filter(isReportable) : [];
    } catch {
      return [];
    }
  }

  size(): number {
    return this.all().length;
  }

  /** Queues a position; one the phone read as not a number is never queued (the server could not take it). */
  add(position: QueuedPosition): void {
    if (!isReportable(position)) return;
    const queued = [...this.all(), position];
    this.save(queued.slice(Math.max(0, queued.length - MAX_QUEUED)));
  }

  /** The oldest positions, at most one batch. */
  nextBatch(): QueuedPosition[] {
    return this.all().slice(0, MAX_BATCH);
  }

  /** Forgets positions the server has answered for (accepted or dropped for good). */
  remove(sent: QueuedPosition[]): void {
    const gone = new Set(sent.map((p) => p.recordedAt));
    this.save(this.all().filter((p) => !gone.has(p.recordedAt)));
  }

  clear(): void {
    this.storage.removeItem(this.key);
  }

  private save(positions: QueuedPosition[]): void {
    if (positions.length === 0) this.storage.removeItem(this.key);
    else this.storage.setItem(this.key, JSON.stringify(positions));
  }
}

/** True when every number the server needs is a finite number and the time is a real time. */
export function isReportable(p: QueuedPosition | null | undefined): p is QueuedPosition {
  return p != null && p.position != null && Number.isFinite(p.position.longitude) && Number.isFinite(p.position.latitude)
    && Number.isFinite(p.accuracy) && typeof p.recordedAt === 'string' && !Number.isNaN(Date.parse(p.recordedAt));
}

/** A browser position as the server wants it, rounded to what GPS can tell. */
export function fromGeolocation(position: GeolocationPosition): QueuedPosition {
  const { coords } = position;
  return {
    position: { longitude: round(coords.longitude, 6), latitude: round(coords.latitude, 6) },
    accuracy: Math.max(1, Math.round(coords.accuracy)),
    recordedAt: new Date(position.timestamp).toISOString(),
    speed: coords.speed != null && Number.isFinite(coords.speed) ? coords.speed : null,
    heading: coords.heading != null && Number.isFinite(coords.heading) ? coords.heading : null,
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
