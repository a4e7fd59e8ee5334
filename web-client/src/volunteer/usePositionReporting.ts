import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { browserStorage } from '../shared/storage';
import { PositionQueue, type QueuedPosition, fromGeolocation } from './positionQueue';
import { flushPositions } from './positionSender';

/** What the phone is doing about its position, for the banner. */
export type ReportingStatus = 'locating' | 'reporting' | 'queued' | 'denied' | 'unsupported' | 'notCheckedIn';

export interface PositionReportingState {
  status: ReportingStatus;
  /** Positions waiting on the phone for the network (or the server) to come back. */
  queued: number;
  /** When the server last took the phone's positions, as an ISO string. */
  lastSentAt: string | null;
}

export interface PositionReportingOptions {
  /** Report only while true: the check-in is open and its screen is showing. */
  active: boolean;
  /** A captain reporting for a member they checked in: the member's account ID. */
  forAccountId?: string;
  /** How often to send the latest position, in milliseconds; every 15 s by default. */
  intervalMs?: number;
}

/**
 * Reports the phone's position (the browser's watchPosition) every ~15 s while active. Positions
 * go through a queue in localStorage, so those taken offline (or while the server's live map is
 * down) are sent as one batch when the connection is back; the check-out sends what is left first
 * ({@link flushPositions}).
 */
export function usePositionReporting({ active, forAccountId, intervalMs = 15_000 }: PositionReportingOptions) {
  const client = useClient();
  const queue = useRef(new PositionQueue(browserStorage(), forAccountId));
  if (queue.current.forAccountId !== forAccountId) queue.current = new PositionQueue(browserStorage(), forAccountId);
  const [state, setState] = useState<PositionReportingState>({
    status: 'locating',
    queued: queue.current.size(),
    lastSentAt: null,
  });

  useEffect(() => {
    if (!active) return undefined;
    if (!('geolocation' in navigator)) {
      setState((s) => ({ ...s, status: 'unsupported' }));
      return undefined;
    }
    let latest: QueuedPosition | null = null;
    let lastQueued: string | null = null;
    let stopped = false;

    const flush = async () => {
      if (stopped) return;
      const flushed = await flushPositions(client, forAccountId, () => {
        if (!stopped) setState((s) => ({ ...s, status: 'reporting', lastSentAt: new Date().toISOString() }));
      });
      if (stopped) return;
      if (flushed === 'notCheckedIn') {
        setState({ status: 'notCheckedIn', queued: 0, lastSentAt: null });
        return;
      }
      const queued = queue.current.size();
      setState((s) => ({ ...s, queued, status: queued > 0 ? 'queued' : s.status }));
    };

    const enqueueLatest = () => {
      if (latest && latest.recordedAt !== lastQueued) {
        queue.current.add(latest);
        lastQueued = latest.recordedAt;
      }
      void flush();
    };

    const watch = navigator.geolocation.watchPosition(
      (position) => {
        const first = latest === null;
        latest = fromGeolocation(position);
        if (first) enqueueLatest();
      },
      (error) => {
        if (error.code === error.PERMISSION_DENIED) setState((s) => ({ ...s, status: 'denied' }));
      },
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 30_000 },
    );
    const timer = window.setInterval(enqueueLatest, intervalMs);
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => {
      stopped = true;
      navigator.geolocation.clearWatch(watch);
      window.clearInterval(timer);
      window.removeEventListener('online', online);
    };
  }, [active, client, forAccountId, intervalMs]);

  return state;
}
