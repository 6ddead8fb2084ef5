// The real bridge.js in a real Chromium against the real web host: window.chambers end to end.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type ChambersApi } from '../../../src-shared/contract/index.js';
import { createEventBus } from '../../../src-main/services/events.js';
import { startWebHost, type WebHost } from '../../../src-main/web-host/server.js';
import { CHROMIUM_ARGS } from '../../../playwright.config.js';
import { noDocuments, testHandlers } from '../support/handlers.js';

/** The page's globals as these tests see them (this file compiles without DOM types). */
interface PageGlobals {
  chambers?: ChambersApi;
  bridgeWasFirst?: boolean;
  got: unknown[];
}
declare const window: PageGlobals;

const root = resolve(import.meta.dirname, '../../..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
if (!haveChromium)
  console.warn(`Skipping the bridge test: no Chromium at ${chromiumPath} (apt-get install chromium).`);

let dir: string;
let host: WebHost;
let browser: Browser;
const events = createEventBus();

beforeAll(async () => {
  if (!haveChromium) return;
  dir = mkdtempSync(join(tmpdir(), 'chambers-bridge-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      outDir: rendererDir,
      emptyOutDir: false,
      minify: false,
      lib: {
        entry: join(root, 'src-main/web-host/browser/bridge.ts'),
        formats: ['es'],
        fileName: () => 'bridge.js',
      },
    },
  });
  // The page's own script checks that the bridge ran first, as the renderer relies on.
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/app.js"></script></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'app.js'), 'window.bridgeWasFirst = typeof window.chambers === "object";');
  host = await startWebHost({
    services: {
      handlers: testHandlers({
        'cases:get': async ({ caseId }) => {
          throw new AppError('not_found', `Case ${caseId} is not in the local cache.`);
        },
      }),
      events,
      documents: noDocuments,
      close: async () => undefined,
    },
    rendererDir,
  });
  browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!haveChromium)('bridge.js in Chromium', () => {
  it('installs a frozen window.chambers before the app and calls through it', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(host.url);
    expect(new URL(page.url()).search).toBe('');
    await page.waitForFunction(() => 'bridgeWasFirst' in window);
    expect(await page.evaluate(() => window.bridgeWasFirst)).toBe(true);

    const results = await page.evaluate(async () => {
      const api = window.chambers!;
      return {
        info: await api.appInfo(),
        missing: await api.casesGet({ caseId: 'c-1' }),
        invalid: await api.casesGet({ caseId: '' }),
        frozen: Object.isFrozen(api),
        replaced: (() => {
          try {
            (window as { chambers?: unknown }).chambers = {};
          } catch {
            // strict-mode assignment to a read-only property
          }
          return window.chambers === api;
        })(),
      };
    });
    expect(results.info).toEqual({
      ok: true,
      value: {
        version: 'test',
        host: 'browser',
        registerUrl: 'http://127.0.0.1:1',
        cardModule: '/usr/lib/softhsm/libsofthsm2.so',
      },
    });
    expect(results.missing).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Case c-1 is not in the local cache.' },
    });
    expect(results.invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(results.frozen).toBe(true);
    expect(results.replaced).toBe(true);
    expect(failures).toEqual([]);
    await page.close();
  });

  it('delivers host events to subscribers over one EventSource', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.waitForFunction(() => window.chambers !== undefined);
    await page.evaluate(() => {
      const store = window;
      store.got = [];
      window.chambers!.on('cases:changed', (payload) => store.got.push(['a', payload]));
      window.chambers!.on('session:changed', (payload) => store.got.push(['b', payload]));
    });
    // The stream connects asynchronously; emit until the page has heard one.
    await expect
      .poll(async () => {
        events.emit('cases:changed', { caseIds: ['c-7'] });
        return page.evaluate(() => window.got.length);
      })
      .toBeGreaterThan(0);
    events.emit('session:changed', { signedIn: true });
    await expect.poll(() => page.evaluate(() => window.got)).toContainEqual(['b', { signedIn: true }]);
    const got = await page.evaluate(() => window.got);
    expect(got[0]).toEqual(['a', { caseIds: ['c-7'] }]);
    await page.close();
  });

  it('turns a host that has gone away into an unavailable Result', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.waitForFunction(() => window.chambers !== undefined);
    await host.close();
    const result = await page.evaluate(() => window.chambers!.appInfo());
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await page.close();
  });
});
