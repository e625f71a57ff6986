/**
 * The web app (src/web) built with vite into dist/web, which the fastify server serves with an
 * SPA fallback (src/server/app.ts). In development `npm run dev:web` proxies /api to the API server
 * (`npm run dev:server`, port 8080).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: '.',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // The NL Design System CSS is one large sheet; the JS bundle stays well under a few hundred kB.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
