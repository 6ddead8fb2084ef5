// `npm start`: the register (PGlite in the user's data folder, demo court seeded on first start)
// and the app — Electron where its runtime starts, otherwise the browser host. Ctrl-C stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../src-main/services/index.js';
import { startWebHost } from '../src-main/web-host/server.js';
import { startRegister } from '../src-register/server.js';
import { ensureElectronBuilt, ensureRendererBuilt, openInBrowser, tryPorts } from './start-support.js';

const root = resolve(import.meta.dirname, '..');
const { values: flags } = parseArgs({
  options: {
    data: { type: 'string' },
    browser: { type: 'boolean', default: false },
    'no-open': { type: 'boolean', default: false },
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
const register = await tryPorts([4610, 0], (port) =>
  startRegister({
    db: `pglite:${join(dataDir, 'register')}`,
    blobDir: join(dataDir, 'register-blobs'),
    host: '127.0.0.1',
    port,
    // The ID card sign-in is not built yet; until then the demo runs with the development sign-in.
    devSignIn: true,
    production: false,
    seedDemo: true,
    logLevel: process.env.CHAMBERS_LOG_LEVEL ?? 'warn',
  }),
);
console.log(`Register: ${register.url}`);

const stops: Array<() => Promise<void>> = [() => register.close()];
let electron: ChildProcess | null = null;
const electronPath = flags.browser ? null : electronBinary();
if (electronPath) {
  await ensureRendererBuilt(root);
  ensureElectronBuilt(root);
  electron = spawn(electronPath, [join(root, 'dist/main/main.js'), `--register=${register.url}`], {
    stdio: 'inherit',
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
