import { BrowserWindow, type Session, type WebContents } from 'electron';
import { openExternalSafely } from './external-links.js';
import { APP_ENTRY_URL, isAllowedNavigation, isSafeExternalUrl } from './security.js';

export interface MainWindowOptions {
  /** Absolute path of the bundled, CommonJS preload. */
  preloadPath: string;
  title?: string;
}

const hardenedSessions = new WeakSet<Session>();
const guardedContents = new WeakSet<WebContents>();

/** Nothing is granted: the renderer needs no camera, notifications, geolocation or clipboard reads. */
export function denyAllPermissions(session: Session): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Navigation guards for any webContents, including ones we did not create ourselves
 * (wired to `web-contents-created`): stay on our origin, open no windows, attach no webviews.
 */
export function guardWebContents(contents: WebContents): void {
  // Our windows pass through here twice: from the factory and from `web-contents-created`.
  if (guardedContents.has(contents)) return;
  guardedContents.add(contents);
  const denyForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => denyForeign(event, event.url));
  contents.on('will-frame-navigate', (event) => denyForeign(event, event.url));
  contents.on('will-redirect', (event) => denyForeign(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A link with target=_blank to a safe site opens in the user's browser, never in a window of ours.
    if (isSafeExternalUrl(url)) void openExternalSafely(url);
    return { action: 'deny' };
  });
}

/** The one window factory: every window of Chambers is created here, with the same hardening. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: options.title ?? 'Chambers',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  denyAllPermissions(window.webContents.session);
  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
