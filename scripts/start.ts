// `npm start`: the register (PGlite in the user's data folder, demo court seeded on first start)
// and the app — Electron where its runtime starts, otherwise the browser host. Ctrl-C stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../src-main/services/index.js';
import { startWebHost } from '../src-main/web-host/server.js';
import { startRegister } from '../src-register/server.js';
import { describeDemoCards, ensureKeychain, startDemoIdCards } from './start-id-card.js';
import { ensureElectronBuilt, ensureRendererBuilt, openInBrowser, tryPorts } from './start-support.js';

const root = resolve(import.meta.dirname, '..');
const { values: flags } = parseArgs({
  options: {
    data: { type: 'string' },
    browser: { type: 'boolean', default: false },
    'no-open': { type: 'boolean', default: false },
    // A real ID card through OpenSC (or another PKCS#11 module) instead of the demo's test cards.
    'card-module': { type: 'string' },
    'trust-ca': { type: 'string', multiple: true },
  },
});
const dataDir = resolve(
  flags.data ??
    process.env.CHAMBERS_DATA ??
    join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'chambers'),
);
const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

console.log(`Chambers ${version} — data folder ${dataDir}`);
const stops: Array<() => Promise<void>> = [];
const stopKeychain = await ensureKeychain();
if (stopKeychain) stops.push(stopKeychain);

const realCard = flags['card-module'] ?? process.env.CHAMBERS_PKCS11_MODULE;
let cardModule: string;
let auth: { trustedCaCertificates: string[]; ocspUrl?: string };
if (realCard) {
  // A real card: the register trusts the issuing CAs given (e.g. ESTEID2018, ESTEID2025) and asks
  // the OCSP responder named in each certificate.
  const files = flags['trust-ca'] ?? [];
  if (!files.length) {
    console.error('A real card needs the issuing CA certificates: --trust-ca esteid2018.pem --trust-ca …');
    process.exit(2);
  }
  cardModule = realCard;
  auth = { trustedCaCertificates: files.map((file) => readFileSync(file, 'utf8')) };
} else {
  const cards = await startDemoIdCards(join(dataDir, 'testcards'));
  stops.push(() => cards.stop());
  cardModule = cards.manifest.module;
  auth = cards.auth;
  console.log(describeDemoCards(cards.manifest));
}

const register = await tryPorts([4610, 0], (port) =>
  startRegister({
    db: `pglite:${join(dataDir, 'register')}`,
    blobDir: join(dataDir, 'register-blobs'),
    host: '127.0.0.1',
    port,
    devSignIn: false,
    production: false,
    seedDemo: true,
    demoExpertOpinion: true,
    auth,
    logLevel: process.env.CHAMBERS_LOG_LEVEL ?? 'warn',
  }),
);
console.log(`Register: ${register.url}`);
stops.unshift(() => register.close());

let electron: ChildProcess | null = null;
const electronPath = flags.browser ? null : electronBinary();
if (electronPath) {
  await ensureRendererBuilt(root);
  ensureElectronBuilt(root);
  electron = spawn(electronPath, [join(root, 'dist/main/main.js'), `--register=${register.url}`], {
    stdio: 'inherit',
    env: { ...process.env, CHAMBERS_PKCS11_MODULE: cardModule },
  });
  electron.on('exit', () => void shutdown());
} else {
  console.log('No Electron runtime on this machine; using the browser host.');
  await ensureRendererBuilt(root);
  const services = await createServices({
    registerUrl: register.url,
    dataDir: join(dataDir, 'desktop'),
    host: 'browser',
    version,
    cardModule,
  });
  const host = await tryPorts([4620, 0], (port) =>
    startWebHost({ services, rendererDir: join(root, 'dist/renderer'), port }),
  );
  stops.unshift(
    () => host.close(),
    () => services.close(),
  );
  console.log(
    `\nChambers is running at ${host.url}\n(open that address once; it carries this start's access token)\n`,
  );
  if (!flags['no-open']) openInBrowser(host.url);
}
console.log('Press Ctrl-C to stop.');

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  electron?.kill();
  for (const stop of stops) await stop().catch((e: unknown) => console.error(e));
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
