// `npm run host`: the desktop services behind the browser host, for any Chromium on this machine.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../services/index.js';
import { DEFAULT_REGISTER_URL } from '../app/host-config.js';
import { savedSettingsForStart } from '../services/settings.js';
import { startWebHost } from './server.js';

const USAGE =
  'Usage: npm run host -- [--register URL] [--data DIR] [--port N] [--renderer DIR]  (card module: CHAMBERS_PKCS11_MODULE)';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function readFlags() {
  try {
    return parseArgs({
      options: {
        register: { type: 'string' },
        data: { type: 'string', default: './.data/desktop' },
        port: { type: 'string', default: '0' },
        renderer: { type: 'string', default: 'dist/renderer' },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}

const flags = readFlags();
const dataDir = resolve(flags.data);
// Settings saved from the Settings screen; a flag or the environment wins over them.
const saved = savedSettingsForStart(dataDir);
const registerUrl = flags.register ?? saved?.registerUrl ?? DEFAULT_REGISTER_URL;
const cardModule = process.env.CHAMBERS_PKCS11_MODULE ?? saved?.cardModule;
const port = Number(flags.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a port number, not "${flags.port}".`);
if (!URL.canParse(registerUrl) || !/^https?:$/.test(new URL(registerUrl).protocol)) {
  fail(`--register must be an http(s) URL, not "${registerUrl}".`);
}

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
const services = await createServices({
  registerUrl,
  dataDir,
  host: 'browser',
  version,
  // The PKCS#11 module of the ID-card reader; OpenSC's default when unset.
  ...(cardModule ? { cardModule } : {}),
});
const host = await startWebHost({ services, rendererDir: resolve(flags.renderer), port });
console.log(`Chambers is running at ${host.url}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await host.close();
  await services.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
