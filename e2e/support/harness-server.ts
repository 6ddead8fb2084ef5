// The harness pages of tools/<name>/ served by their own Vite dev server (no build), for the specs
// that test one component in real Chromium, and the guard those specs put on each page.
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createServer } from 'vite';

const repo = resolve(import.meta.dirname, '../..');

export interface Harness {
  /** The server's address, with a trailing slash: `${origin}panels.html`. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Starts the dev server of tools/<name>/vite.config.ts on a free port of 127.0.0.1. `env` is set
 * while Vite loads that config (which may read it) and restored after.
 */
export async function startHarness(
  name: 'editor-harness' | 'viewer-harness',
  env: Record<string, string> = {},
): Promise<Harness> {
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    const server = await createServer({
      configFile: join(repo, `tools/${name}/vite.config.ts`),
      // Its own pre-bundle cache: other dev servers of the repo may run at the same time.
      cacheDir: join(repo, `node_modules/.vite-${name}-e2e`),
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    await server.listen();
    const { port } = server.httpServer!.address() as AddressInfo;
    return { origin: `http://127.0.0.1:${port}/`, close: () => server.close() };
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/**
 * Collects what should fail a test: uncaught page errors (and, with `consoleErrors`, console errors
 * too) and JavaScript dialogs (alert, confirm…), which are dismissed.
 */
export function guard(page: Page, { consoleErrors = false } = {}): { errors: string[]; dialogs: string[] } {
  const seen = { errors: [] as string[], dialogs: [] as string[] };
  page.on('pageerror', (error) => seen.errors.push(error.message));
  if (consoleErrors)
    page.on('console', (message) => {
      if (message.type() === 'error') seen.errors.push(message.text());
    });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return seen;
}
