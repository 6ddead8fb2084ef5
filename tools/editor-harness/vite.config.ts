// The editor harness: RichTextEditor alone on a page (e2e/editor-harness.spec.ts).
//   npx vite --config tools/editor-harness/vite.config.ts --port 5181
//   open http://localhost:5181/?lang=en&theme=dark&start=4
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;
const repo = resolve(here, '../..');

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  plugins: [react()],
  server: { fs: { allow: [repo] } },
  build: {
    outDir: process.env.EDITOR_HARNESS_OUT ?? resolve(repo, 'dist/editor-harness'),
    emptyOutDir: true,
    target: 'chrome130',
  },
});
