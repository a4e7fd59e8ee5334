// @vitest-environment happy-dom
import i18n from 'i18next';
import { type Root, createRoot } from 'react-dom/client';
import { Provider as UrqlProvider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n/i18n';
import { createGraphqlClient } from '../shared/graphql/client';
import { LiveMapCard } from './LiveMapCard';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

const UNAVAILABLE = [{ message: 'The live map is unavailable', extensions: { classification: 'UNAVAILABLE', code: 'LIVE_MAP_UNAVAILABLE' } }];

/** A graphql-transport-ws server whose Redis is down for the first `refusals` subscriptions, then back. */
function serverRecoveringAfter(refusals: number) {
  let subscribes = 0;
  class Socket {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSING = 2;
    static CLOSED = 3;
    readonly protocol = 'graphql-transport-ws';
    readyState = Socket.CONNECTING;
    onopen: (() => void) | null = null;
    onmessage: ((event: { data: string }) => void) | null = null;
    onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
    onerror: ((error: unknown) => void) | null = null;

    constructor() {
      setTimeout(() => {
        this.readyState = Socket.OPEN;
        this.onopen?.();
      }, 0);
    }

    send(text: string) {
      const message = JSON.parse(text);
      if (message.type === 'connection_init') this.reply({ type: 'connection_ack' });
      else if (message.type === 'ping') this.reply({ type: 'pong' });
      else if (message.type === 'subscribe' && ++subscribes <= refusals) this.reply({ id: message.id, type: 'error', payload: UNAVAILABLE });
    }

    close(code = 1000, reason = '') {
      this.readyState = Socket.CLOSED;
      this.onclose?.({ code, reason, wasClean: true });
    }

    private reply(message: object) {
      setTimeout(() => this.onmessage?.({ data: JSON.stringify(message) }), 0);
    }
  }
  return { Socket, subscribes: () => subscribes };
}

function json(body: object): Promise<Response> {
  return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/graphql-response+json' } }));
}

const GRID = {
  __typename: 'Grid', id: 'R3JpZDox', code: 'DT-01', name: '东亭一网格',
  boundary: { type: 'Polygon', coordinates: [[[114.35, 30.56], [114.36, 30.56], [114.36, 30.57], [114.35, 30.57], [114.35, 30.56]]] },
  center: { __typename: 'GeoPoint', longitude: 114.353, latitude: 30.567 }, community: { __typename: 'Community', id: 'Q29tbXVuaXR5OjE' },
};

let mounted: Root | null = null;

afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

describe('the live map while Redis is away', () => {
  it('says it is unavailable, asks again, and comes back by itself', async () => {
    const server = serverRecoveringAfter(1);
    let loads = 0;
    const graphql = createGraphqlClient({
      token: 'test-token',
      language: () => i18n.language,
      onUnauthorized: () => undefined,
      wsUrl: 'ws://localhost:1/graphql',
      webSocketImpl: server.Socket,
      fetch: (async (_url: RequestInfo | URL, init?: RequestInit) => {
        const operation = JSON.parse(String(init?.body ?? '{}')).operationName;
        if (operation === 'GridWorkerGrids') {
          return json({ data: { me: { __typename: 'Account', id: 'QWNjb3VudDox', roles: [{ __typename: 'RoleAssignment', role: 'GRID_WORKER', scope: GRID }] } } });
        }
        if (operation === 'LiveMapOpenCases') {
          return json({ data: { caseBoard: { __typename: 'CaseConnection', nodes: [] } } });
        }
        if (operation === 'MapSettings') {
          return json({ data: { mapSettings: { __typename: 'MapSettings', tiles: null } } });
        }
        loads += 1;
        return loads === 1 ? json({ data: null, errors: UNAVAILABLE }) : json({ data: { livePatrollersInCommunity: [] } });
      }) as typeof fetch,
    });
    const container = document.createElement('div');
    document.body.appendChild(container);
    mounted = createRoot(container);
    mounted.render(
      <UrqlProvider value={graphql.client}>
        <LiveMapCard retryMs={100} />
      </UrqlProvider>,
    );
    const notice = () => container.querySelector('.live-map-problem')?.textContent ?? null;
    await vi.waitFor(() => expect(notice()).toBe(i18n.t('location.map.unavailable')), { timeout: 3000 });
    await vi.waitFor(() => expect(notice()).toBeNull(), { timeout: 3000 });
    expect(loads).toBeGreaterThanOrEqual(2);
    await vi.waitFor(() => expect(server.subscribes()).toBeGreaterThanOrEqual(2), { timeout: 3000 });
    graphql.dispose();
  });
});
