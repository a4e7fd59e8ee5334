import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';

// the chart library is loaded only by those who open the figures, not by every volunteer's phone
const StatisticsScreen = lazy(() => import('./StatisticsScreen').then((module) => ({ default: module.StatisticsScreen })));

/** The community's statistics, fetched with their chart library when first opened. */
export function StatisticsScreenLazy() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="notice" role="status">{t('timebank.loading')}</p>}>
      <StatisticsScreen />
    </Suspense>
  );
}
