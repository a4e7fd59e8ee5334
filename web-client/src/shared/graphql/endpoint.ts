/** GraphQL over HTTP POST, on the same origin that served the page. */
export const GRAPHQL_PATH = '/graphql';

/** GraphQL over WebSocket (graphql-transport-ws) on the same host: wss: for a page served over https:. */
export function graphqlWsUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${GRAPHQL_PATH}`;
}

export function bearer(token: string): string {
  return `Bearer ${token}`;
}
