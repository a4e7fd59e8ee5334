import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeCard } from '../../shared/ui/HomeCard';
import { useReportQueue } from './useReportQueue';

/**
 * The volunteer home's way to report an incident, one large button; it also sends reports that
 * wait on the phone as soon as the app is open and online.
 */
export function ReportCard() {
  const { t } = useTranslation();
  const { queued } = useReportQueue();
  const waiting = queued.filter((r) => !r.refusal).length;
  return (
    <HomeCard
      id="volunteer-report"
      title={t('casework.card.title')}
      text={waiting > 0 ? t('casework.card.waiting', { count: waiting }) : t('casework.card.text')}
    >
      <Link className="button primary" to="/volunteer/report" data-testid="open-report">{t('casework.report.title')}</Link>
      <Link className="button" to="/volunteer/reports" data-testid="open-my-reports">{t('casework.mine.title')}</Link>
    </HomeCard>
  );
}
