import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createClient } from 'graphql-ws';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SessionStore } from '../shared/auth/sessionStore';
import { GRAPHQL_PATH, bearer, graphqlWsUrl } from '../shared/graphql/endpoint';
import { browserStorage } from '../shared/storage';

// Served at /graphiql, beside the app, so the app's sign-in token is in the same localStorage.
const token = new SessionStore(browserStorage()).token();
const authorization = token ? { Authorization: bearer(token) } : undefined;

const fetcher = createGraphiQLFetcher({
  url: GRAPHQL_PATH,
  // Subscriptions authenticate once, in connection_init; edits to the headers pane apply to HTTP only.
  wsClient: createClient({ url: graphqlWsUrl(window.location), lazy: true, connectionParams: authorization }),
});

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      headers={authorization ? JSON.stringify(authorization, null, 2) : undefined}
      defaultEditorToolsVisibility={authorization ? 'headers' : undefined}
    />
  </StrictMode>,
);
