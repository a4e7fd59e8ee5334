import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { GRAPHQL_PATH, bearer, graphqlWsUrl } from './endpoint';
import { isUnauthorized, isUnauthorizedClose } from './unauthorized';

export interface GraphqlClientOptions {
  /** The bearer token to send, or null before signing in. */
  token: string | null;
  /** The language to ask for, read on every request so a switch takes effect at once. */
  language: () => string;
  /** Called when the server refuses the token; the app then ends the session. */
  onUnauthorized: () => void;
  /** For tests: stand-ins for the browser's fetch, location and WebSocket. */
  fetch?: typeof fetch;
  wsUrl?: string;
  webSocketImpl?: unknown;
}

export interface GraphqlClient {
  client: Client;
  dispose: () => void;
}

/**
 * One client per token: queries and mutations over HTTP POST, subscriptions over a lazily opened
 * WebSocket. A new token means a new client, so no cached data or open socket outlives a session.
 */
export function createGraphqlClient(options: GraphqlClientOptions): GraphqlClient {
  const { token, language, onUnauthorized } = options;
  const authorization: Record<string, string> = token ? { Authorization: bearer(token) } : {};

  const ws = createWsClient({
    url: options.wsUrl ?? graphqlWsUrl(window.location),
    webSocketImpl: options.webSocketImpl,
    lazy: true,
    connectionParams: () => ({ ...authorization }),
    on: {
      closed: (event) => {
        if (token && isUnauthorizedClose((event as CloseEvent | undefined)?.code)) onUnauthorized();
      },
    },
  });

  const client = new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: false,
    fetch: options.fetch,
    fetchOptions: () => ({ headers: { ...authorization, 'Accept-Language': language() } }),
    exchanges: [
      mapExchange({
        onError(error) {
          if (token && isUnauthorized(error)) onUnauthorized();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const operation = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              return { unsubscribe: ws.subscribe(operation, sink) };
            },
          };
        },
      }),
    ],
  });

  return { client, dispose: () => void ws.dispose() };
}
