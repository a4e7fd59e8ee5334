import { describe, expect, it } from 'vitest';
import { goalTarget, monthIn } from './goalForm';

describe('the community goal form', () => {
  it('takes a patrol goal in hours and sends minutes; other goals as counts', () => {
    expect(goalTarget('VERIFIED_PATROL_MINUTES', '500')).toBe(30000);
    expect(goalTarget('PATROLS', ' 40 ')).toBe(40);
  });

  it('cannot send what is not a whole number', () => {
    expect(goalTarget('PATROLS', '')).toBeNull();
    expect(goalTarget('PATROLS', '12.5')).toBeNull();
  });

  it('names the month of the community, not of the phone', () => {
    const newYearInShanghai = new Date('2026-12-31T17:30:00Z');
    expect(monthIn('Asia/Shanghai', newYearInShanghai)).toBe('2027-01');
    expect(monthIn('UTC', newYearInShanghai)).toBe('2026-12');
  });
});
