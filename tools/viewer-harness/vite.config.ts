// The viewer harness: our PdfViewer alone on a page (index.html) and pdf.js's own viewer
// (reference.html, the benchmark's peer); panels.html = the host-connected DocumentViewer with its
// panels over the fake host (e2e/viewer-panels.spec.ts). PDFs are served from VIEWER_FIXTURES (default
// /tmp/viewer-fixtures) at /fixtures/<name>, with Range.
//   npx vite --config tools/viewer-harness/vite.config.ts --port 5180
//   open http://localhost:5180/?file=/fixtures/scan-500.pdf&page=400&zoom=fit-width
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { fixturesMiddleware } from './fixtures-middleware.ts';

const here = import.meta.dirname;
const repo = resolve(here, '../..');
export const FIXTURES_DIR = process.env.VIEWER_FIXTURES ?? '/tmp/viewer-fixtures';

function fixtures(dir: string): Plugin {
  return {
    name: 'viewer-harness-fixtures',
    configureServer(server) {
      server.middlewares.use(fixturesMiddleware(dir));
    },
    configurePreviewServer(server) {
      server.middlewares.use(fixturesMiddleware(dir));
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  worker: { format: 'es' },
  plugins: [react(), fixtures(FIXTURES_DIR)],
  server: { fs: { allow: [repo] } },
  build: {
    outDir: process.env.VIEWER_HARNESS_OUT ?? resolve(repo, 'dist/viewer-harness'),
    emptyOutDir: true,
    target: 'chrome130',
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: {
        index: resolve(here, 'index.html'),
        reference: resolve(here, 'reference.html'),
        panels: resolve(here, 'panels.html'),
        jpeg: resolve(here, 'jpeg.html'),
      },
    },
  },
});
