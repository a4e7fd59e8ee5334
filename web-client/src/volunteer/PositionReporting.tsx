import { useTranslation } from 'react-i18next';
import { type PositionReportingOptions, usePositionReporting } from './usePositionReporting';
import './positionReporting.css';

/**
 * Mount on the check-in screen while the check-in is open: reports the phone's position and
 * says, in large type, that it is doing so (and what it is waiting for when it cannot).
 *
 * `<PositionReporting active={checkIn != null} />`
 */
export function PositionReporting(options: PositionReportingOptions) {
  const { t } = useTranslation();
  const { status, queued, lastSentAt } = usePositionReporting(options);
  if (!options.active) return null;
  const time = lastSentAt ? new Date(lastSentAt).toLocaleTimeString() : null;
  return (
    <p className={`position-banner position-${status}`} role="status" aria-live="polite" data-testid="position-reporting">
      <span data-testid="position-status">{t(`location.reporting.${status}`)}</span>
      {time && status === 'reporting' && <span> {t('location.reporting.lastSent', { time })}</span>}
      {queued > 0 && <span> {t('location.reporting.waiting', { count: queued })}</span>}
    </p>
  );
}
