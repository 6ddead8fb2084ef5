// The security decisions of the Electron host as pure functions, so they are tested under plain
// Node: this file must never import `electron` at runtime.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { DOCUMENT_SCHEME } from '../../src-shared/contract/viewer.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'chambers';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** Where the page reads document bytes (`chambers-doc://document/<id>`). */
export const DOCUMENT_HOST = 'document';
export const DOCUMENT_ORIGIN = `${DOCUMENT_SCHEME}://${DOCUMENT_HOST}`;

/** The Content-Security-Policy of every page we serve; the register is the only other origin. */
export function contentSecurityPolicy(registerUrl: string): string {
  const registerOrigin = new URL(registerUrl).origin;
  if (registerOrigin === 'null') throw new Error(`The register address has no origin: ${registerUrl}`);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ${DOCUMENT_ORIGIN} ${registerOrigin}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

// Node's URL gives non-special schemes an opaque origin ('null'), so the parts are compared instead.
function isOurOrigin(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

function hasControlCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Navigation (and redirects) may only stay inside the app's own origin. */
export function isAllowedNavigation(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && isOurOrigin(parsed);
}

/** What may be handed to the OS to open: https pages and mail addresses, never with credentials. */
export function isSafeExternalUrl(url: string): boolean {
  // The URL parser silently drops tabs, newlines and outer spaces; a link carrying them is not honest.
  if (url.length > 2048 || /\s/.test(url) || hasControlCharacter(url)) return false;
  const parsed = parse(url);
  if (!parsed || parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === 'https:') return parsed.hostname !== '';
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0 && !parsed.pathname.startsWith('/');
  return false;
}

// `..` in any spelling: plain, percent-encoded, mixed, followed by a slash, backslash or the end.
const DOT_DOT_SEGMENT = /(^|[/\\]|%2f|%5c)(\.|%2e){2}($|[/\\?#]|%2f|%5c)/i;

/**
 * Maps an `app://chambers/…` request to a file inside `rendererDir`, or null when the request
 * is for another host or tries to leave the folder in any way.
 */
export function resolveAppUrl(rendererDir: string, requestUrl: string): string | null {
  const schemeEnd = requestUrl.indexOf('://');
  if (schemeEnd < 0 || DOT_DOT_SEGMENT.test(requestUrl.slice(schemeEnd + 3))) return null;
  const parsed = parse(requestUrl);
  if (!parsed || !isOurOrigin(parsed)) return null;

  // An encoded separator is never needed by our files and only serves to confuse path checks.
  if (/%2f|%5c/i.test(parsed.pathname)) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // A `%` left after one decoding is double encoding; a backslash or a control character is never a web path.
  if (/[%\\]/.test(path) || hasControlCharacter(path)) return null;
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  if (path === '/' || path === '') path = '/index.html';

  const root = resolve(rendererDir);
  const file = resolve(root, `.${path}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}

const DOCUMENT_ID = /^[A-Za-z0-9._~-]{1,64}$/;

/** The document id of a `chambers-doc://document/<id>` request, or null when it names none. */
export function documentIdOfUrl(requestUrl: string): string | null {
  const parsed = parse(requestUrl);
  if (
    !parsed ||
    parsed.protocol !== `${DOCUMENT_SCHEME}:` ||
    parsed.hostname !== DOCUMENT_HOST ||
    parsed.port !== '' ||
    parsed.username !== '' ||
    parsed.password !== '' ||
    parsed.search !== ''
  )
    return null;
  let id: string;
  try {
    id = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  } catch {
    return null;
  }
  return DOCUMENT_ID.test(id) ? id : null;
}

export interface SenderInfo {
  frameUrl: string | null;
  isMainFrame: boolean;
  /** The id of the BrowserWindow that owns the sending webContents, or null when none does. */
  windowId: number | null;
}

/** IPC is answered only for our page, in its main frame, in one of our windows. */
export function isTrustedSender(sender: SenderInfo, ourWindowIds: ReadonlySet<number>): boolean {
  if (!sender.isMainFrame || sender.windowId === null || !ourWindowIds.has(sender.windowId)) return false;
  return sender.frameUrl !== null && isAllowedNavigation(sender.frameUrl);
}
