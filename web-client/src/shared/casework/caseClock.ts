/** How a case's deadline reads now: due in so many minutes, overdue by so many, or no clock running. */
export type CaseClock = { kind: 'due'; minutes: number } | { kind: 'overdue'; minutes: number } | { kind: 'none' };

/**
 * The clock of a case from the server's `dueAt` and `overdue`. The server's `overdue` decides (the
 * phone's own clock may be off); the minutes are only for reading, rounded to whole minutes.
 */
export function caseClock(dueAt: string | null | undefined, overdue: boolean, now: number): CaseClock {
  const due = dueAt ? Date.parse(dueAt) : NaN;
  if (Number.isNaN(due)) return overdue ? { kind: 'overdue', minutes: 0 } : { kind: 'none' };
  const minutes = Math.round(Math.abs(due - now) / 60_000);
  if (overdue || due <= now) return { kind: 'overdue', minutes };
  return { kind: 'due', minutes };
}

/** The stages in which a case still waits on somebody. */
export const OPEN_STAGES = ['REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'RESOLVED', 'REOPENED', 'VERIFIED'] as const;
