import { describe, expect, it } from 'vitest';
import { orderedSections } from './myData';

describe('orderedSections', () => {
  it('lists the account first and sections it does not know last', () => {
    const names = orderedSections([{ name: 'badges' }, { name: 'zzNew' }, { name: 'account' }, { name: 'patrolPositions' }])
      .map((section) => section.name);
    expect(names).toEqual(['account', 'patrolPositions', 'badges', 'zzNew']);
  });
});
