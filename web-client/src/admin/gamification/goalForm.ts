/** The goal form: a patrol-minutes goal is typed in hours, as people speak of it ("500 hours"). */

export const GOAL_METRICS = ['VERIFIED_PATROL_MINUTES', 'PATROLS', 'VERIFIED_REPORTS'] as const;

export type GoalMetric = (typeof GOAL_METRICS)[number];

/** The month as the Month scalar writes it, in the community's time zone. */
export function monthIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** The target to send, or null when what was typed is not a whole number (the server checks the range). */
export function goalTarget(metric: string, typed: string): number | null {
  const text = typed.trim();
  if (!/^-?\d{1,7}$/.test(text)) return null;
  return metric === 'VERIFIED_PATROL_MINUTES' ? Number(text) * 60 : Number(text);
}
