import { describe, expect, it } from 'vitest';
import { goalFigures, levelProgress, percent, rankTable } from './progress';

describe('progress bars', () => {
  it('fill by whole percent, rounded down, never past full or below empty', () => {
    expect(percent(0, 600)).toBe(0);
    expect(percent(299, 300)).toBe(99);
    expect(percent(300, 300)).toBe(100);
    expect(percent(900, 300)).toBe(100);
    expect(percent(-20, 300)).toBe(0);
    expect(percent(5, 0)).toBe(100);
  });

  it('show a level as the step from its threshold to the next, so a new level starts empty', () => {
    expect(levelProgress(100, { threshold: 100 }, { threshold: 300 })).toBe(0);
    expect(levelProgress(250, { threshold: 100 }, { threshold: 300 })).toBe(75);
    expect(levelProgress(5000, { threshold: 3000 }, null)).toBe(100);
  });

  it('show a patrol-minutes goal in whole hours, other goals as counts', () => {
    expect(goalFigures('VERIFIED_PATROL_MINUTES', 1799, 30000)).toEqual({ done: 29, target: 500, unit: 'hours' });
    expect(goalFigures('VERIFIED_PATROL_MINUTES', 0, 50)).toEqual({ done: 0, target: 1, unit: 'hours' });
    expect(goalFigures('PATROLS', 12, 40)).toEqual({ done: 12, target: 40, unit: 'count' });
  });
});

describe('the rank table', () => {
  it('has a row per period and a cell per area, empty where the volunteer is not ranked', () => {
    const week = { scope: 'COMMUNITY', period: 'WEEK', rank: 3, points: 40, of: 12 };
    const allTimeCity = { scope: 'CITY', period: 'ALL_TIME', rank: 900, points: 4000, of: 112000 };
    const table = rankTable([allTimeCity, week]);
    expect(table.map((row) => row.period)).toEqual(['WEEK', 'MONTH', 'ALL_TIME']);
    expect(table[0].cells).toEqual([week, null, null]);
    expect(table[1].cells).toEqual([null, null, null]);
    expect(table[2].cells).toEqual([null, null, allTimeCity]);
  });
});
