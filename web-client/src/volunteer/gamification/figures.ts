import type { TFunction } from 'i18next';
import { hoursAndMinutes } from '../../volunteer/timebank/requestKey';

/** A badge rule's count as a person reads it: minutes as hours and minutes, other counts with their unit. */
export function metricCount(metric: string, count: number, t: TFunction): string {
  if (metric === 'VERIFIED_PATROL_MINUTES') return hoursAndMinutes(count, t);
  return t(`gamification.unit.${metric}` as 'gamification.unit.PATROLS', { count });
}
