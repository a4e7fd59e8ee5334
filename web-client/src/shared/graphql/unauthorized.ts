/** The shape of urql's CombinedError that matters here (kept narrow so it can be tested with plain objects). */
export interface ErrorLike {
  graphQLErrors?: ReadonlyArray<{ extensions?: Record<string, unknown> | null }>;
  response?: { status?: number } | null;
}

/**
 * True when the server refused the request because of who is asking: an HTTP 401, or a top-level
 * GraphQL error classified `UNAUTHORIZED` (Spring for GraphQL's ErrorType). The app then drops the
 * token and asks the person to sign in again. `FORBIDDEN` is not included: the person is known,
 * just not allowed to do that one thing.
 */
export function isUnauthorized(error: ErrorLike): boolean {
  if (error.response?.status === 401) return true;
  return (error.graphQLErrors ?? []).some(
    (graphQLError) => graphQLError.extensions?.classification === 'UNAUTHORIZED',
  );
}

/**
 * WebSocket close codes of the graphql-transport-ws protocol that mean the connection_init payload
 * (our Authorization) was refused: 4401 Unauthorized, 4403 Forbidden.
 */
export function isUnauthorizedClose(code: number | undefined): boolean {
  return code === 4401 || code === 4403;
}
