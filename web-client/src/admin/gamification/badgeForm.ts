/** The badge editor's form: text fields as typed, turned into the mutation's input when sent. */

export const BADGE_METRICS = [
  'VERIFIED_PATROL_MINUTES', 'PATROLS', 'CHECKPOINTS', 'VERIFIED_REPORTS', 'STREAK_WEEKS',
  'PATROLS_STARTING_BEFORE', 'PATROL_DAYS_ON_WEEKDAY', 'PROXY_PATROLS',
] as const;

export const BADGE_WINDOWS = ['ALL_TIME', 'CALENDAR_WEEK', 'CALENDAR_MONTH', 'CALENDAR_YEAR'] as const;

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

export type Weekday = (typeof WEEKDAYS)[number];

export interface BadgeForm {
  key: string;
  nameZhCN: string;
  nameEn: string;
  descriptionZhCN: string;
  descriptionEn: string;
  metric: string;
  threshold: string;
  window: string;
  beforeTime: string;
  weekday: string;
}

export const EMPTY_BADGE: BadgeForm = {
  key: '', nameZhCN: '', nameEn: '', descriptionZhCN: '', descriptionEn: '',
  metric: 'VERIFIED_PATROL_MINUTES', threshold: '', window: 'ALL_TIME', beforeTime: '', weekday: '',
};

interface BadgeLike {
  key: string;
  name: { zhCN: string; en: string };
  description: { zhCN: string; en: string };
  rule: { metric: string; threshold: number; window: string; beforeTime?: string | null; weekday?: string | null };
}

export function badgeForm(badge: BadgeLike): BadgeForm {
  return {
    key: badge.key, nameZhCN: badge.name.zhCN, nameEn: badge.name.en,
    descriptionZhCN: badge.description.zhCN, descriptionEn: badge.description.en,
    metric: badge.rule.metric, threshold: String(badge.rule.threshold), window: badge.rule.window,
    beforeTime: badge.rule.beforeTime ?? '', weekday: badge.rule.weekday ?? '',
  };
}

/** Whether the metric takes a time of day or a weekday: the form shows only the field that applies. */
export function ruleExtra(metric: string): 'beforeTime' | 'weekday' | null {
  if (metric === 'PATROLS_STARTING_BEFORE') return 'beforeTime';
  if (metric === 'PATROL_DAYS_ON_WEEKDAY') return 'weekday';
  return null;
}

/**
 * The rule as the server takes it, or the field that cannot be sent at all: a threshold that is not a
 * whole number has no Int to carry it. Every other check (range, metric, window) is the server's.
 */
export function ruleInput(form: BadgeForm):
  | { rule: { metric: string; threshold: number; window: string; beforeTime?: string; weekday?: Weekday } }
  | { invalid: 'rule.threshold' } {
  const threshold = form.threshold.trim();
  if (!/^-?\d{1,9}$/.test(threshold)) return { invalid: 'rule.threshold' };
  const extra = ruleExtra(form.metric);
  return {
    rule: {
      metric: form.metric,
      threshold: Number(threshold),
      window: form.window,
      ...(extra === 'beforeTime' ? { beforeTime: form.beforeTime } : {}),
      ...(extra === 'weekday' && form.weekday ? { weekday: form.weekday as Weekday } : {}),
    },
  };
}
