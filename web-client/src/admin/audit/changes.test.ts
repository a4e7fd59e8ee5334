import { describe, expect, it } from 'vitest';
import { changeRows, dayRange, shown } from './changes';

describe('an audit entry shown as a table', () => {
  it('lists every field of before and after once, with a dash where a side has none', () => {
    expect(changeRows({ status: 'PENDING' }, { status: 'APPROVED', rejectionReason: '证照不全' })).toEqual([
      { field: 'status', before: 'PENDING', after: 'APPROVED' },
      { field: 'rejectionReason', before: '—', after: '证照不全' },
    ]);
  });

  it('shows numbers, booleans and lists as they are written', () => {
    expect(shown(30)).toBe('30');
    expect(shown(false)).toBe('false');
    expect(shown([{ threshold: 0 }])).toBe('[{"threshold":0}]');
    expect(changeRows(null, 'not an object')).toEqual([]);
  });

  it('takes a day range to the start of the first day and the end of the last', () => {
    const range = dayRange('2026-12-01', '2026-12-01');
    expect(new Date(range.to!).getTime() - new Date(range.from!).getTime()).toBe(24 * 3600 * 1000);
    expect(dayRange('', '')).toEqual({ from: undefined, to: undefined });
  });
});
