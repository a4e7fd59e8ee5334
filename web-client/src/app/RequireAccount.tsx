import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { chosenLanguage, showLanguage } from '../i18n/i18n';
import { syncLanguage } from '../i18n/language';
import { AccountContext, AccountLocaleSetMutation } from '../shared/auth/account';
import { useSession } from '../shared/auth/SessionProvider';
import { isUnauthorized } from '../shared/graphql/unauthorized';
import { Page } from '../shared/ui/Page';
import { LoadError } from '../shared/ui/LoadError';

const MeQuery = graphql(`
  query Me {
    me {
      ...AccountSession
    }
  }
`);

/**
 * Guards the signed-in screens: no token means the sign-in screen; a token the server no longer
 * knows ends the session. Once the account is known, its language and this device's are brought
 * together (see {@link syncLanguage}).
 */
export function RequireAccount() {
  const { t } = useTranslation();
  const { token, expire } = useSession();
  const location = useLocation();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: MeQuery,
    requestPolicy: 'network-only',
    pause: !token,
  });
  const me = data?.me ?? null;
  const knownToBeSignedOut = token !== null && data !== undefined && me === null;

  useEffect(() => {
    if (knownToBeSignedOut) expire();
  }, [knownToBeSignedOut, expire]);

  const [, saveLocale] = useMutation(AccountLocaleSetMutation);
  const accountLocale = me?.locale;
  useEffect(() => {
    if (!accountLocale) return;
    const sync = syncLanguage(chosenLanguage(), accountLocale);
    if (sync && 'save' in sync) void saveLocale({ input: { locale: sync.save } });
    else if (sync) showLanguage(sync.show);
  }, [accountLocale, saveLocale]);

  if (!token) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (me) {
    return (
      <AccountContext.Provider value={me}>
        <Outlet />
      </AccountContext.Provider>
    );
  }
  return (
    <Page>
      {error && !fetching && !isUnauthorized(error) ? (
        <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : (
        <p className="notice" role="status">
          {t('app.loading')}
        </p>
      )}
    </Page>
  );
}
