// Bundles the Electron host: the main process as one ESM file and the sandboxed preload as one
// CommonJS file that requires nothing but `electron`. Run with `vite build -c vite.electron.config.ts`.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Native add-ons and packages that load files at run time stay in node_modules, where
// electron-builder puts them (rebuilt for Electron on a machine that has its runtime).
const MAIN_EXTERNALS = [
  'electron',
  'better-sqlite3-multiple-ciphers',
  'pg',
  'pg-native',
  '@napi-rs/canvas',
  '@napi-rs/keyring',
  'pkcs11js',
  'pdfjs-dist',
];
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

function isMainExternal(id: string): boolean {
  if (NODE_BUILTINS.has(id) || id.startsWith('node:')) return true;
  return MAIN_EXTERNALS.some((name) => id === name || id.startsWith(`${name}/`));
}

const common = { target: 'node22', minify: false, sourcemap: true, reportCompressedSize: false } as const;

export default defineConfig({
  // Nothing from the renderer's public folder belongs in the host bundle.
  publicDir: false,
  environments: {
    main: {
      consumer: 'server',
      resolve: { noExternal: true },
      build: {
        ...common,
        outDir: 'dist/main',
        emptyOutDir: true,
        rolldownOptions: {
          input: { main: 'src-main/app/main.ts' },
          external: isMainExternal,
          output: { format: 'es', entryFileNames: '[name].js' },
        },
      },
    },
    preload: {
      consumer: 'client',
      build: {
        ...common,
        outDir: 'dist/main',
        emptyOutDir: false,
        rolldownOptions: {
          input: { preload: 'src-main/app/preload.ts' },
          external: ['electron'],
          output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
        },
      },
    },
  },
  builder: {
    async buildApp(builder) {
      // In order: the main build empties dist/main, then the preload is written beside it.
      await builder.build(builder.environments.main!);
      await builder.build(builder.environments.preload!);
    },
  },
});
