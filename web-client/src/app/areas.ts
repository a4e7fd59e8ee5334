import type { Role } from '../gql/graphql';

/** The roles in the order their tabs appear; the first one a person holds is where they land. */
export const ROLE_ORDER: readonly Role[] = ['VOLUNTEER', 'CAPTAIN', 'GRID_WORKER', 'MERCHANT_STAFF', 'ADMINISTRATOR', 'CITY_ADMINISTRATOR'];

/** Where each role's home area lives. */
export const AREA_PATHS: Readonly<Record<Role, string>> = {
  VOLUNTEER: '/volunteer',
  CAPTAIN: '/captain',
  GRID_WORKER: '/grid-worker',
  MERCHANT_STAFF: '/merchant',
  ADMINISTRATOR: '/admin',
  CITY_ADMINISTRATOR: '/city',
};

/** The distinct roles among a person's assignments (one may be grid worker of two grids), in tab order. */
export function rolesHeld(assignments: readonly { role: Role }[]): Role[] {
  return ROLE_ORDER.filter((role) => assignments.some((assignment) => assignment.role === role));
}
