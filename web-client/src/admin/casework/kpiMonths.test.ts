import { describe, expect, it } from 'vitest';
import { lastMonths, percent } from './kpiMonths';

describe('the KPI months', () => {
  it('are the last six months in the community time zone, oldest first, across a new year', () => {
    expect(lastMonths(new Date('2027-02-10T12:00:00Z'), 6, 'Asia/Shanghai')).toEqual([
      '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02',
    ]);
  });

  it('follow the community calendar, not UTC, on the evening the month turns', () => {
    // 20:00 UTC on 31 December is already 1 January in Wuhan
    expect(lastMonths(new Date('2026-12-31T20:00:00Z'), 2, 'Asia/Shanghai')).toEqual(['2026-12', '2027-01']);
  });
});

describe('rates', () => {
  it('read as whole percentages, and nothing measured stays empty', () => {
    expect(percent(0.857)).toBe(86);
    expect(percent(null)).toBeNull();
    expect(percent(Number.NaN)).toBeNull();
  });
});
