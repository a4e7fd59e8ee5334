import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The Spring Boot server listens here during development; `npm run dev` forwards GraphQL to it.
const server = 'http://localhost:8080';

// The server accepts WebSocket handshakes only from its own origin (as in production, where it serves
// this app itself), so the proxy presents requests as coming from there.
const graphqlProxy = { target: server, ws: true, changeOrigin: true, headers: { Origin: server } };

export default defineConfig({
  plugins: [react()],
  build: {
    // Two pages: the app at / and GraphiQL at /graphiql (the server serves dist/graphiql.html there).
    rollupOptions: {
      onwarn(warning, warn) {
        // GraphiQL's react-compiler-runtime starts with "use no memo", which bundling drops harmlessly.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        graphiql: resolve(import.meta.dirname, 'graphiql.html'),
      },
    },
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: {
      '/graphql': graphqlProxy,
      '/actuator': { target: server, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': graphqlProxy,
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
