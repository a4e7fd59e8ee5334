/**
 * A fresh idempotency key for one thing a person means to do once (a gift, an enrolment). The
 * screen keeps it until the server has answered, so a retry after a lost answer cannot pay twice.
 */
export function newRequestKey(random: () => string = defaultRandom): string {
  return `web-${random()}`;
}

function defaultRandom(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

type MinuteKey = 'timebank.minutes' | 'timebank.hours' | 'timebank.hoursMinutes';
type Translate = (key: MinuteKey, options: { count?: number; hours?: number; minutes?: number }) => string;

/** Whole minutes as people read them: "2 小时 5 分钟" / "2 h 5 min". */
export function hoursAndMinutes(minutes: number, t: Translate): string {
  const sign = minutes < 0 ? '−' : '';
  const whole = Math.abs(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return sign + t('timebank.minutes', { count: rest });
  if (rest === 0) return sign + t('timebank.hours', { count: hours });
  return sign + t('timebank.hoursMinutes', { hours, minutes: rest });
}
