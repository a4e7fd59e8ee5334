import { describe, expect, it } from 'vitest';
import { caseClock } from './caseClock';

const NOW = Date.parse('2026-12-07T12:00:00Z');

describe('the clock of a case', () => {
  it('counts the minutes left before the deadline', () => {
    expect(caseClock('2026-12-07T14:30:00Z', false, NOW)).toEqual({ kind: 'due', minutes: 150 });
  });

  it('counts the minutes past the deadline once it has passed', () => {
    expect(caseClock('2026-12-07T11:15:00Z', true, NOW)).toEqual({ kind: 'overdue', minutes: 45 });
  });

  it('believes the server that a case is overdue when the phone clock is behind', () => {
    expect(caseClock('2026-12-07T12:10:00Z', true, NOW)).toEqual({ kind: 'overdue', minutes: 10 });
  });

  it('shows no clock once none runs (resolved, rejected, closed)', () => {
    expect(caseClock(null, false, NOW)).toEqual({ kind: 'none' });
  });
});

describe('a category name', () => {
  const category = { name: 'Theft', nameZh: '盗窃', nameEn: 'Theft' };
  it('follows the language on the screen, whatever language the answer came in', async () => {
    const { categoryName } = await import('./categoryName');
    expect(categoryName(category, 'zh-CN')).toBe('盗窃');
    expect(categoryName({ ...category, name: '盗窃' }, 'en')).toBe('Theft');
  });
});
