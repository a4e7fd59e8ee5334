import { type ReactNode, createContext, useContext, useEffect, useMemo, useState } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { currentLanguage } from '../../i18n/i18n';
import { createGraphqlClient } from '../graphql/client';
import { browserStorage } from '../storage';
import { type SessionEnd, SessionStore } from './sessionStore';

export const sessionStore = new SessionStore(browserStorage());

interface Session {
  token: string | null;
  /** How the last session ended, for a notice on the sign-in screen; null once signed in again. */
  ended: SessionEnd | null;
  signIn: (token: string, expiresAt: string | null | undefined) => void;
  signOut: () => void;
  expire: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** Holds the token and the GraphQL client made for it; the client is replaced when the token changes. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState(() => sessionStore.token());
  const [ended, setEnded] = useState<SessionEnd | null>(null);

  useEffect(
    () =>
      sessionStore.subscribe((nextToken, nextEnded) => {
        setToken(nextToken);
        setEnded(nextEnded);
      }),
    [],
  );

  const graphql = useMemo(
    () =>
      createGraphqlClient({
        token,
        language: currentLanguage,
        onUnauthorized: () => sessionStore.end('expired'),
      }),
    [token],
  );
  useEffect(() => graphql.dispose, [graphql]);

  const session = useMemo<Session>(
    () => ({
      token,
      ended,
      signIn: (newToken, expiresAt) => sessionStore.save(newToken, expiresAt),
      signOut: () => sessionStore.end('signedOut'),
      expire: () => sessionStore.end('expired'),
    }),
    [token, ended],
  );

  return (
    <SessionContext.Provider value={session}>
      <UrqlProvider value={graphql.client}>{children}</UrqlProvider>
    </SessionContext.Provider>
  );
}
