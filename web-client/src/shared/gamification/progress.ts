/**
 * The figures behind the progress bars: a level, a badge, a community goal. Whole numbers only
 * (points and minutes are integers); a bar never shows more than full or less than empty.
 */

/** How full a bar is, 0 to 100, rounded down so that 99.6 % is not shown as done. */
export function percent(current: number, target: number): number {
  if (target <= 0) return 100;
  const share = Math.floor((Math.max(0, current) * 100) / target);
  return Math.min(100, share);
}

export interface LevelStep {
  threshold: number;
}

/**
 * How far the points are from this level towards the next: the share of the step between the two
 * thresholds, not of the whole ladder, so a new level starts at an empty bar. At the top: full.
 */
export function levelProgress(points: number, level: LevelStep, next: LevelStep | null | undefined): number {
  if (!next) return 100;
  return percent(points - level.threshold, next.threshold - level.threshold);
}

/** A goal's counts as a person reads them: patrol minutes as whole hours, other counts as they are. */
export function goalFigures(metric: string, progress: number, target: number): { done: number; target: number; unit: 'hours' | 'count' } {
  if (metric === 'VERIFIED_PATROL_MINUTES') {
    return { done: Math.floor(progress / 60), target: Math.ceil(target / 60), unit: 'hours' };
  }
  return { done: progress, target, unit: 'count' };
}

export interface RankLike {
  scope: string;
  period: string;
  rank: number;
  points: number;
  of: number;
}

const PERIODS = ['WEEK', 'MONTH', 'ALL_TIME'] as const;
const SCOPES = ['COMMUNITY', 'STREET', 'CITY'] as const;

/**
 * A volunteer's ranks as a table: one row per period (this week, this month, all time), one cell
 * per area (community, street, city), empty where they are not on the board yet.
 */
export function rankTable<R extends RankLike>(ranks: readonly R[]): { period: (typeof PERIODS)[number]; cells: (R | null)[] }[] {
  return PERIODS.map((period) => ({
    period,
    cells: SCOPES.map((scope) => ranks.find((r) => r.period === period && r.scope === scope) ?? null),
  }));
}

export const RANK_SCOPES = SCOPES;
