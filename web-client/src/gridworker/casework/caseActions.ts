import type { CaseStage } from '../../gql/graphql';

/** A step a grid worker or handler can take on a case from its detail screen. */
export type CaseAction = 'accept' | 'reject' | 'dispatch' | 'start' | 'resolve' | 'verify' | 'reopen' | 'close';

/**
 * The steps to offer for a case in a stage, following the city workflow; the server decides (and
 * names the allowed steps when it refuses), this only keeps buttons that cannot work off the screen.
 * Starting and resolving are the handler's.
 */
export function caseActions(stage: CaseStage, isHandler: boolean): CaseAction[] {
  switch (stage) {
    case 'REPORTED':
      return ['accept', 'reject'];
    case 'ACCEPTED':
      return ['dispatch'];
    case 'DISPATCHED':
      return isHandler ? ['start'] : [];
    case 'REOPENED':
      return isHandler ? ['start', 'dispatch'] : ['dispatch'];
    case 'IN_PROGRESS':
      return isHandler ? ['resolve'] : [];
    case 'RESOLVED':
      return ['verify', 'reopen'];
    case 'VERIFIED':
      return ['close'];
    default:
      return [];
  }
}

/** The board's columns, in the order a case moves through them. */
export const BOARD_STAGES: readonly CaseStage[] = [
  'REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'REOPENED', 'RESOLVED', 'VERIFIED', 'CLOSED', 'REJECTED',
];

/** Cases grouped by stage in board order, each column oldest first as the server sent them; empty columns left out. */
export function byStage<T extends { stage: CaseStage }>(cases: readonly T[]): { stage: CaseStage; cases: T[] }[] {
  return BOARD_STAGES.map((stage) => ({ stage, cases: cases.filter((c) => c.stage === stage) })).filter((column) => column.cases.length > 0);
}

/** The board after a live update: the changed case replaces its old self, a new one joins at the end. */
export function mergeUpdate<T extends { id: string }>(cases: readonly T[], updated: T): T[] {
  return cases.some((c) => c.id === updated.id) ? cases.map((c) => (c.id === updated.id ? updated : c)) : [...cases, updated];
}
