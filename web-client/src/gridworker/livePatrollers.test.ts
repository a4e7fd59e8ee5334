import { describe, expect, it } from 'vitest';
import { DROP_AFTER_MS, type MapPatroller, applyUpdate, current, isStale } from './livePatrollers';

const NOW = Date.parse('2026-11-27T09:30:00Z');

function patroller(id: string, secondsAgo: number): MapPatroller {
  return {
    checkInId: id,
    name: `P${id}`,
    gridCode: 'DT-01',
    longitude: 114.353,
    latitude: 30.5675,
    accuracy: 10,
    recordedAt: new Date(NOW - secondsAgo * 1000).toISOString(),
    insidePatrolArea: true,
  };
}

describe('the live map', () => {
  it('moves a patroller to the newer position only', () => {
    let map = applyUpdate(new Map(), patroller('1', 30), false);
    map = applyUpdate(map, patroller('1', 10), false);
    map = applyUpdate(map, patroller('1', 20), false);
    expect(map.get('1')?.recordedAt).toBe(patroller('1', 10).recordedAt);
  });

  it('removes a patroller who checked out', () => {
    const map = applyUpdate(applyUpdate(new Map(), patroller('1', 5), false), patroller('1', 5), true);
    expect(map.size).toBe(0);
  });

  it('greys a patroller not heard from for a minute and drops one gone quiet for ten', () => {
    expect(isStale(patroller('1', 30), NOW)).toBe(false);
    expect(isStale(patroller('1', 90), NOW)).toBe(true);
    let map = applyUpdate(new Map(), patroller('1', 5), false);
    map = applyUpdate(map, patroller('2', DROP_AFTER_MS / 1000 + 5), false);
    expect(current(map, NOW).map((p) => p.checkInId)).toEqual(['1']);
  });
});
