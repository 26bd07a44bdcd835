import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The dashboard is built to dist/ and served by the API at / (same origin: no CORS, no CDN;
 * it works without internet). The charts are a chunk of their own, loaded after the
 * headline numbers are on screen.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // the API's CSP allows scripts from this origin only: no inline module preload polyfill
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `vite` in this folder while `pnpm start` runs: the API answers the app's requests
    proxy: { '/graphql': 'http://localhost:4000', '/exports': 'http://localhost:4000' },
  },
});
