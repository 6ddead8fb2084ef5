import { defineConfig } from 'vitest/config';

// Two projects: the Node side (shared, desktop services, register, tooling) and the renderer in jsdom.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{shared,main,register,tooling}/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          globalSetup: ['test/support/global-keyring.ts'],
        },
      },
      {
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          // Vitest empties CSS imports, even `?raw`; the design-token contrast test reads this one.
          css: { include: [/src-renderer\/styles\/tokens\.css/] },
          testTimeout: 30_000,
        },
      },
    ],
  },
});
