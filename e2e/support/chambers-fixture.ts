// Each test gets its own register and desktop host with fresh data folders. The demo court is
// seeded once per worker into a template folder and copied, so a test starts in about a second.
import { test as base } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServices } from '../../src-main/services/index.js';
import { startWebHost } from '../../src-main/web-host/server.js';
import { startRegister } from '../../src-register/server.js';

const root = resolve(import.meta.dirname, '../..');

export interface ChambersApp {
  /** The browser host's address, carrying this start's token. */
  url: string;
  registerUrl: string;
  dataDir: string;
  stopRegister(): Promise<void>;
}

async function seededTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'chambers-e2e-template-'));
  const register = await startRegister({
    db: `pglite:${join(dir, 'register')}`,
    blobDir: join(dir, 'blobs'),
    host: '127.0.0.1',
    port: 0,
    devSignIn: true,
    production: false,
    seedDemo: true,
  });
  await register.close();
  return dir;
}

export const test = base.extend<{ app: ChambersApp }, { template: string }>({
  template: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = await seededTemplate();
      await use(dir);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  app: async ({ template }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chambers-e2e-'));
    cpSync(template, dataDir, { recursive: true });
    const register = await startRegister({
      db: `pglite:${join(dataDir, 'register')}`,
      blobDir: join(dataDir, 'blobs'),
      host: '127.0.0.1',
      port: 0,
      devSignIn: true,
      production: false,
      seedDemo: true,
    });
    const services = await createServices({
      registerUrl: register.url,
      dataDir: join(dataDir, 'desktop'),
      host: 'browser',
      version: 'e2e',
    });
    const host = await startWebHost({ services, rendererDir: join(root, 'dist/renderer'), port: 0 });
    let registerStopped = false;
    await use({
      url: host.url,
      registerUrl: register.url,
      dataDir,
      stopRegister: async () => {
        registerStopped = true;
        await register.close();
      },
    });
    await host.close();
    await services.close();
    if (!registerStopped) await register.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
