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

/**
 * The roles from the most responsible down: a person lands on the first one they hold (a grid
 * worker who also volunteers lands on the grid worker's area) and switches with the tabs.
 */
export const RESPONSIBILITY_ORDER: readonly Role[] = ['CITY_ADMINISTRATOR', 'ADMINISTRATOR', 'GRID_WORKER', 'CAPTAIN', 'MERCHANT_STAFF', 'VOLUNTEER'];

/** The area a person lands on after signing in: the most responsible role they hold; null without a role. */
export function landingRole(assignments: readonly { role: Role }[]): Role | null {
  return RESPONSIBILITY_ORDER.find((role) => assignments.some((assignment) => assignment.role === role)) ?? null;
}
