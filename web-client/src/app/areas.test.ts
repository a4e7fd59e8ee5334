import { describe, expect, it } from 'vitest';
import { rolesHeld } from './areas';

describe('rolesHeld', () => {
  it('lists each role once, in tab order, however many places it applies to', () => {
    expect(
      rolesHeld([{ role: 'ADMINISTRATOR' }, { role: 'GRID_WORKER' }, { role: 'VOLUNTEER' }, { role: 'GRID_WORKER' }]),
    ).toEqual(['VOLUNTEER', 'GRID_WORKER', 'ADMINISTRATOR']);
  });

  it('is empty for an account without roles', () => {
    expect(rolesHeld([])).toEqual([]);
  });
});
