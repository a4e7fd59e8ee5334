import { useRef, useState } from 'react';
import { useQuery } from 'urql';
import { currentPosition } from '../patrol/time';
import { positionProblem } from './distance';
import { OffersNearQuery } from './operations';

/** How far "near me" looks. */
export const NEAR_RADIUS_METRES = 2000;

/** Where the "near me" list stands: off, waiting for the phone's position, on, or fallen back to the community's list. */
export type NearMode =
  | { mode: 'off' }
  | { mode: 'locating' }
  | { mode: 'on'; near: { longitude: number; latitude: number } }
  | { mode: 'fallback'; reason: 'denied' | 'unavailable' };

/**
 * Offers near the volunteer: asks the phone for its position once when switched on, then the
 * server for the offers within 2 km, nearest first. A refused or missing position, or a position
 * the server cannot use, falls back to the community's list with the reason.
 */
export function useOffersNear() {
  const [state, setState] = useState<NearMode>({ mode: 'off' });
  const asked = useRef(0);
  // load error: the screen falls back to the community's list and says the nearby list is unavailable
  const [{ data, fetching, error }] = useQuery({
    query: OffersNearQuery,
    variables: { near: state.mode === 'on' ? state.near : { longitude: 0, latitude: 0 }, radiusMetres: NEAR_RADIUS_METRES },
    pause: state.mode !== 'on',
    requestPolicy: 'cache-and-network',
  });

  async function toggle(on: boolean) {
    const request = ++asked.current;
    if (!on) {
      setState({ mode: 'off' });
      return;
    }
    setState({ mode: 'locating' });
    try {
      const fix = await currentPosition();
      if (request === asked.current) setState({ mode: 'on', near: { longitude: fix.longitude, latitude: fix.latitude } });
    } catch (problem) {
      if (request === asked.current) setState({ mode: 'fallback', reason: positionProblem(problem) });
    }
  }

  const shown: NearMode = state.mode === 'on' && error && !data ? { mode: 'fallback', reason: 'unavailable' } : state;
  return { state: shown, nearby: shown.mode === 'on' ? data?.offersNear : undefined, fetching, toggle };
}
