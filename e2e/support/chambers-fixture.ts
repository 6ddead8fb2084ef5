// Each test gets its own register and desktop host with fresh data folders. The demo court is
// seeded once per worker into a template folder and copied, so a test starts in about a second.
// Sign-in is the real thing: SoftHSM2 test cards, an `openssl ocsp` responder and a private
// gnome-keyring, made once per worker.
import { test as base } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServices } from '../../src-main/services/index.js';
import { startWebHost } from '../../src-main/web-host/server.js';
import { type HostProcess, startHostProcess } from './host-process.js';
import { startRegister } from '../../src-register/server.js';
import { demoStaff } from '../../src-register/seed/demo-people.js';
import { type CardsManifest, createDemoCardsAsync } from '../../scripts/testcards/demo-cards.js';
import { startOcspResponderFor } from '../../scripts/testcards/pki.js';
import { startPrivateKeyring } from '../../scripts/testcards/private-keyring.js';

/** The demo users who have a card in the e2e reader. */
const CARD_HOLDERS = ['Helen Saar', 'Triin Lepik', 'Maarja Sepp', 'Piret Org'];

interface IdCards {
  manifest: CardsManifest;
  trustedCa: string;
  ocspUrl: string;
}

const root = resolve(import.meta.dirname, '../..');

/** The app with its desktop host in a child process that a test can kill and start again. */
export interface KillableApp {
  /** The current host's address (it changes with each start). */
  url(): string;
  registerUrl: string;
  stopRegister(): Promise<void>;
  startRegister(): Promise<void>;
  /** SIGKILLs the host and starts it again on the same data folder; resolves with the new address. */
  restartHost(): Promise<string>;
}

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
    devSignIn: false,
    production: false,
    seedDemo: true,
    demoExpertOpinion: true,
    logLevel: 'warn',
  });
  await register.close();
  return dir;
}

async function startIdCards(dir: string): Promise<{ cards: IdCards; stop(): Promise<void> }> {
  const keyring = await startPrivateKeyring(join(dir, 'keyring'));
  // The desktop services run in this worker process: they use this keychain and these tokens.
  Object.assign(process.env, keyring.env);
  const users = demoStaff().users.filter((user) => CARD_HOLDERS.includes(user.name));
  const manifest = await createDemoCardsAsync(join(dir, 'cards'), users);
  process.env.SOFTHSM2_CONF = manifest.softhsmConf;
  const responder = await startOcspResponderFor(manifest.ocsp);
  return {
    cards: { manifest, trustedCa: readFileSync(manifest.trustedCaPath, 'utf8'), ocspUrl: responder.url },
    async stop() {
      await responder.stop();
      await keyring.stop();
    },
  };
}

function registerOptions(dataDir: string, idCards: IdCards, port = 0) {
  return {
    db: `pglite:${join(dataDir, 'register')}`,
    blobDir: join(dataDir, 'blobs'),
    host: '127.0.0.1',
    port,
    devSignIn: false,
    production: false,
    seedDemo: true,
    demoExpertOpinion: true,
    auth: { trustedCaCertificates: [idCards.trustedCa], ocspUrl: idCards.ocspUrl },
    logLevel: 'warn' as const,
  };
}

export const test = base.extend<
  { app: ChambersApp; killableApp: KillableApp },
  { template: string; idCards: IdCards }
>({
  idCards: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'chambers-e2e-cards-'));
      const started = await startIdCards(dir);
      await use(started.cards);
      await started.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  template: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = await seededTemplate();
      await use(dir);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  app: async ({ template, idCards }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chambers-e2e-'));
    cpSync(template, dataDir, { recursive: true });
    const register = await startRegister(registerOptions(dataDir, idCards));
    const services = await createServices({
      registerUrl: register.url,
      dataDir: join(dataDir, 'desktop'),
      host: 'browser',
      version: 'e2e',
      cardModule: idCards.manifest.module,
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
  killableApp: async ({ template, idCards }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chambers-e2e-kill-'));
    cpSync(template, dataDir, { recursive: true });
    let register: Awaited<ReturnType<typeof startRegister>> | null = await startRegister(
      registerOptions(dataDir, idCards),
    );
    // The register comes back on the same port, where the desktop host looks for it.
    const registerUrl = register.url;
    const port = Number(new URL(registerUrl).port);
    const hostOptions = {
      registerUrl,
      dataDir: join(dataDir, 'desktop'),
      cardModule: idCards.manifest.module,
    };
    let host: HostProcess = await startHostProcess(hostOptions);
    await use({
      url: () => host.url,
      registerUrl,
      stopRegister: async () => {
        await register?.close();
        register = null;
      },
      startRegister: async () => {
        if (!register) register = await startRegister(registerOptions(dataDir, idCards, port));
      },
      restartHost: async () => {
        await host.kill();
        host = await startHostProcess(hostOptions);
        return host.url;
      },
    });
    await host.stop();
    await register?.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
