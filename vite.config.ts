// Vite builds the renderer bundle: `dist/renderer/`, loaded from the clinic server over http and
// from file:// inside Electron, hence relative asset paths (`base: './'`).
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/**
 * The dev server's React refresh preamble is an inline script and its HMR needs a websocket:
 * relax the page's CSP for `vite dev` only. Builds keep the strict policy of index.html.
 */
function devOnlyCsp(): Plugin {
  return {
    name: 'parcours-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: wss:");
    },
  };
}

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), devOnlyCsp()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    // Electron 38 and current Chromium: no need to down-level.
    target: 'chrome120',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place (harmless, dropped); keep every other warning.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: {
    // `vite dev` against a running `parcours serve` (PARCOURS_API=http://127.0.0.1:PORT).
    proxy: { '/api': process.env.PARCOURS_API ?? 'http://127.0.0.1:4180' },
  },
});
