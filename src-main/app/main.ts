// The Electron host's entry: it only wires the hardened shell to the shared services.
import { join } from 'node:path';
import { app, type BrowserWindow, dialog } from 'electron';
import { createInvoker } from '../ipc/handler-registry.js';
import { createServices, type Services } from '../services/index.js';
import { savedSettingsForStart } from '../services/settings.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { serveDocuments } from './document-protocol.js';
import { type HostConfig, readHostConfig } from './host-config.js';
import { forwardEvent, registerIpcHandlers } from './ipc-main.js';
import { contentSecurityPolicy } from './security.js';
import { createMainWindow, guardWebContents } from './window.js';

// The bundle sits in dist/main; the renderer build beside it in dist/renderer (also inside the asar).
const here = import.meta.dirname;
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, 'preload.cjs');

function failToStart(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Chambers cannot start: ${message}`);
  dialog.showErrorBox('Chambers cannot start', message);
  app.exit(1);
}

function readConfigOrExit(): HostConfig {
  try {
    const first = readHostConfig(process.argv, process.env);
    // The data folder is known only now; what the Settings screen saved there fills what flags leave open.
    const dataDir = first.userDataDir ?? app.getPath('userData');
    return readHostConfig(process.argv, process.env, savedSettingsForStart(dataDir));
  } catch (error) {
    failToStart(error);
    // app.exit() ends the process; this keeps Node from running on should it return.
    process.exit(1);
  }
}

const config = readConfigOrExit();
if (config.userDataDir) app.setPath('userData', config.userDataDir);

app.enableSandbox();
registerAppScheme();
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

const windows = new Set<BrowserWindow>();
const windowIds = new Set<number>();
let services: Services | null = null;
let stopIpc: () => void = () => {};
let stopEvents: () => void = () => {};

function openWindow(): BrowserWindow {
  const window = createMainWindow({ preloadPath });
  const id = window.id;
  windows.add(window);
  windowIds.add(id);
  window.on('closed', () => {
    windows.delete(window);
    windowIds.delete(id);
  });
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  serveRenderer(rendererDir, contentSecurityPolicy(config.registerUrl));
  services = await createServices({
    registerUrl: config.registerUrl,
    dataDir: app.getPath('userData'),
    host: 'electron',
    version: app.getVersion(),
    ...(config.cardModule ? { cardModule: config.cardModule } : {}),
  });
  serveDocuments(services.documents);
  stopIpc = registerIpcHandlers(createInvoker(services.handlers), windowIds);
  stopEvents = services.events.subscribeAll((event, payload) => forwardEvent(windows, event, payload));
  openWindow();
}

async function shutdown(): Promise<void> {
  stopEvents();
  stopIpc();
  await services?.close();
}

if (!app.requestSingleInstanceLock()) {
  // The local cache belongs to one process; a second start just brings the first one forward.
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = windows;
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (services && windows.size === 0) openWindow();
  });
  let quitting = false;
  app.on('will-quit', (event) => {
    // Services close asynchronously (the database, the sync loop); exit only once they have.
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    shutdown().then(
      () => app.exit(0),
      (error: unknown) => {
        console.error('Chambers did not close cleanly', error);
        app.exit(1);
      },
    );
  });
  start().catch(failToStart);
}
