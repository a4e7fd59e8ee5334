import { describe, expect, it } from 'vitest';
import { ROLE_ORDER, landingRole, rolesHeld } from './areas';

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

describe('landingRole', () => {
  it('lands a grid worker who also volunteers on the grid worker area', () => {
    expect(landingRole([{ role: 'VOLUNTEER' }, { role: 'GRID_WORKER' }])).toBe('GRID_WORKER');
  });

  it('lands a person on the most responsible area they hold', () => {
    expect(landingRole([{ role: 'CAPTAIN' }, { role: 'ADMINISTRATOR' }, { role: 'VOLUNTEER' }])).toBe('ADMINISTRATOR');
    expect(landingRole([{ role: 'VOLUNTEER' }, { role: 'CAPTAIN' }])).toBe('CAPTAIN');
    expect(landingRole([{ role: 'MERCHANT_STAFF' }, { role: 'VOLUNTEER' }])).toBe('MERCHANT_STAFF');
  });

  it('lands every role somewhere, a city administrator on the city area', () => {
    expect(landingRole([{ role: 'CITY_ADMINISTRATOR' }])).toBe('CITY_ADMINISTRATOR');
    expect(landingRole([{ role: 'ADMINISTRATOR' }, { role: 'CITY_ADMINISTRATOR' }])).toBe('CITY_ADMINISTRATOR');
    for (const role of ROLE_ORDER) expect(landingRole([{ role }])).toBe(role);
  });

  it('lands a volunteer on the volunteer area, and nobody anywhere without a role', () => {
    expect(landingRole([{ role: 'VOLUNTEER' }])).toBe('VOLUNTEER');
    expect(landingRole([])).toBeNull();
  });
});
