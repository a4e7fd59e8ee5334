import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';

/** Why a query failed, as the person needs to know it: no connection, not allowed, or anything else. */
export function loadErrorKey(error: CombinedError): 'load.network' | 'load.forbidden' | 'load.failed' {
  if (error.networkError) return 'load.network';
  const forbidden = error.graphQLErrors.some((e) => e.extensions?.classification === 'FORBIDDEN');
  return forbidden ? 'load.forbidden' : 'load.failed';
}

/**
 * What every screen shows when one of its queries failed: a plain, translated sentence, and a
 * button to try again. Without it a failed query leaves an empty screen that looks like "nothing
 * here" (the settlement screen did so for months). Renders nothing while there is no error.
 */
export function LoadError({ error, retry }: { error: CombinedError | undefined; retry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="problem load-error" role="alert" data-testid="load-error">
      <p>{t(loadErrorKey(error))}</p>
      {retry && (
        <button type="button" className="button" onClick={retry} data-testid="load-retry">
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
