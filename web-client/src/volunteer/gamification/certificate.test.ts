import { describe, expect, it } from 'vitest';
import { certificateYears, serviceHours, serviceSpan } from './certificate';

describe('the service certificate', () => {
  it('writes hours with one decimal, rounded down, never claiming more than was served', () => {
    expect(serviceHours(0)).toBe('0.0');
    expect(serviceHours(90)).toBe('1.5');
    expect(serviceHours(119)).toBe('1.9');
    expect(serviceHours(6000)).toBe('100.0');
  });

  it('groups lines by year, newest first, with each year\'s totals', () => {
    const lines = [
      { year: 2025, verifiedMinutes: 600, patrols: 5, team: 'A' },
      { year: 2026, verifiedMinutes: 120, patrols: 1, team: 'A' },
      { year: 2026, verifiedMinutes: 180, patrols: 2, team: 'B' },
    ];
    const years = certificateYears(lines);
    expect(years.map((y) => [y.year, y.minutes, y.patrols, y.lines.length])).toEqual([[2026, 300, 3, 2], [2025, 600, 5, 1]]);
  });

  it('spans from the first to the last year served, and nothing without service', () => {
    expect(serviceSpan([{ year: 2026, verifiedMinutes: 1, patrols: 1 }, { year: 2023, verifiedMinutes: 1, patrols: 1 }]))
      .toEqual({ from: 2023, to: 2026 });
    expect(serviceSpan([])).toBeNull();
  });
});
