import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { protocol } from 'electron';
import { contentTypeFor } from '../../src-shared/media-types.js';
import { DOCUMENT_SCHEME_PRIVILEGES } from './document-protocol.js';
import { APP_SCHEME, resolveAppUrl } from './security.js';

/**
 * Must run before `ready`, once (Electron keeps only the last call): makes `app://` a secure,
 * standard origin that can use fetch, and `chambers-doc://` the same plus streamed (Range) bodies.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    DOCUMENT_SCHEME_PRIVILEGES,
  ]);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function textResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** Serves the renderer build from `rendererDir` under `app://chambers/`, with our CSP on every answer. */
export function serveRenderer(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    let file = resolveAppUrl(rendererDir, request.url);
    if (file === null) return textResponse(404, 'Not found');
    // Client-side routes have no extension and no file: they get the app's page.
    if (!(await isFile(file)) && extname(file) === '') file = join(rendererDir, 'index.html');
    if (!(await isFile(file))) return textResponse(404, 'Not found');

    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': contentTypeFor(file),
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  });
}
