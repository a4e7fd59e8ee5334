import { describe, expect, it, vi } from 'vitest';
import { graphql } from '../../gql';
import { createGraphqlClient } from './client';

const MeProbe = graphql(`
  query MeProbe {
    me {
      id
    }
  }
`);

/** Never opened: the client connects lazily, only for subscriptions. */
class UnusedWebSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
}

function respondWith(body: unknown, status = 200) {
  return vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

function clientWith(fetch: typeof globalThis.fetch, token: string | null, onUnauthorized = vi.fn()) {
  const { client } = createGraphqlClient({
    token,
    language: () => 'en',
    onUnauthorized,
    fetch,
    wsUrl: 'ws://localhost/graphql',
    webSocketImpl: UnusedWebSocket,
  });
  return { client, onUnauthorized };
}

describe('createGraphqlClient', () => {
  it('posts to /graphql with the bearer token and the chosen language', async () => {
    const fetch = respondWith({ data: { me: { id: 'QWNjb3VudDox' } } });
    const { client } = clientWith(fetch, 'token-1');

    await client.query(MeProbe, {}).toPromise();

    const [url, init] = fetch.mock.calls[0];
    const headers = new Headers(init?.headers);
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(headers.get('Authorization')).toBe('Bearer token-1');
    expect(headers.get('Accept-Language')).toBe('en');
  });

  it('sends no Authorization header before signing in', async () => {
    const fetch = respondWith({ data: { me: null } });
    const { client } = clientWith(fetch, null);

    await client.query(MeProbe, {}).toPromise();

    expect(new Headers(fetch.mock.calls[0][1]?.headers).has('Authorization')).toBe(false);
  });

  it('ends the session when the server classifies the request UNAUTHORIZED', async () => {
    const fetch = respondWith({
      data: null,
      errors: [{ message: 'Unauthorized', extensions: { classification: 'UNAUTHORIZED' } }],
    });
    const { client, onUnauthorized } = clientWith(fetch, 'stale');

    await client.query(MeProbe, {}).toPromise();

    expect(onUnauthorized).toHaveBeenCalled();
  });

  it('keeps the session when the server refuses one action as FORBIDDEN', async () => {
    const fetch = respondWith({
      data: null,
      errors: [{ message: 'Forbidden', extensions: { classification: 'FORBIDDEN' } }],
    });
    const { client, onUnauthorized } = clientWith(fetch, 'valid');

    await client.query(MeProbe, {}).toPromise();

    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});
