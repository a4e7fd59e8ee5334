import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';

// the chart library is loaded only by those who open the figures, not by every volunteer's phone
const KpiScreen = lazy(() => import('./KpiScreen').then((module) => ({ default: module.KpiScreen })));

/** The case figures, fetched with their chart library when first opened. */
export function KpiScreenLazy({ back }: { back: string }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="notice" role="status">{t('timebank.loading')}</p>}>
      <KpiScreen back={back} />
    </Suspense>
  );
}
