import { useTranslation } from 'react-i18next';
import { hoursAndMinutes } from '../../volunteer/timebank/requestKey';
import { caseClock } from './caseClock';

/** "Due in 2 h" or "Overdue by 30 min", red when overdue; nothing once no clock runs. */
export function CaseClockText({ dueAt, overdue, now = Date.now() }: { dueAt?: string | null; overdue: boolean; now?: number }) {
  const { t } = useTranslation();
  const clock = caseClock(dueAt, overdue, now);
  if (clock.kind === 'none') return null;
  const time = hoursAndMinutes(clock.minutes, t);
  return (
    <span className={`case-clock ${clock.kind}`} data-testid="case-clock" data-clock={clock.kind}>
      {clock.kind === 'due' ? t('casework.clock.due', { time }) : t('casework.clock.overdue', { time })}
    </span>
  );
}
