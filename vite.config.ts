// The renderer build: dist/renderer/index.html with hashed assets, plus the browser host's
// bridge as a fixed dist/renderer/bridge.js that the host's index.html injection can name.
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

const root = import.meta.dirname;
export const RENDERER_DIR = resolve(root, 'src-renderer');
export const OUT_DIR = resolve(root, 'dist/renderer');
export const BRIDGE_ENTRY = resolve(root, 'src-main/web-host/browser/bridge.ts');

/** Exported with the bridge entry as a parameter so the build can be checked without the real bridge. */
export function rendererConfig(bridgeEntry: string = BRIDGE_ENTRY, outDir: string = OUT_DIR): UserConfig {
  return {
    root: RENDERER_DIR,
    // Relative asset URLs work under app:// in Electron and under / in the browser host.
    base: './',
    publicDir: false,
    plugins: [react()],
    // pdf.js's worker is an ES module (it is started as one and reads import.meta.url).
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: true,
      target: 'chrome130',
      // No data: URIs (the CSP allows none for scripts and styles) and no inline preload polyfill.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      rolldownOptions: {
        input: { index: resolve(RENDERER_DIR, 'index.html'), bridge: bridgeEntry },
        output: {
          entryFileNames: (chunk) => (chunk.name === 'bridge' ? 'bridge.js' : 'assets/[name]-[hash].js'),
        },
      },
    },
  };
}

export default defineConfig(rendererConfig());
