import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';

// the drawing plugin is loaded only by administrators who open the editor, not by every volunteer's phone
const GridEditorScreen = lazy(() => import('./GridEditorScreen').then((module) => ({ default: module.GridEditorScreen })));

/** The grid editor, fetched with its drawing plugin when first opened. */
export function GridEditorScreenLazy() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="notice" role="status">{t('timebank.loading')}</p>}>
      <GridEditorScreen />
    </Suspense>
  );
}
