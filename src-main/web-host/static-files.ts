import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { contentTypeFor } from '../../src-shared/media-types.js';

export const BRIDGE_SCRIPT = '<script type="module" src="/bridge.js"></script>';

/** The bridge must define window.chambers before any renderer script runs: first in <head>. */
export function injectBridge(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return BRIDGE_SCRIPT + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + BRIDGE_SCRIPT + html.slice(at);
}

function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root + sep);
}

async function fileAt(path: string): Promise<{ path: string; size: number } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : null;
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(message);
}

/** Serves the renderer build; unknown routes without an extension get index.html (the SPA). */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  rootDir: string,
  pathname: string,
) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, 'Malformed path.');
  }
  const root = await realpath(rootDir);
  const target = resolve(root, `.${decoded}`);
  if (decoded.includes('\0') || !isInside(root, target)) return send(res, 403, 'Forbidden path.');

  const indexPath = resolve(root, 'index.html');
  let file = target === root ? null : await fileAt(target);
  // A symlink inside the build must not lead outside it.
  if (file && !isInside(root, await realpath(file.path))) return send(res, 403, 'Forbidden path.');
  if (!file && extname(decoded) === '') file = await fileAt(indexPath);
  if (!file) return send(res, 404, 'Not found.');

  const head = req.method === 'HEAD';
  if (file.path === indexPath) {
    const html = injectBridge(await readFile(indexPath, 'utf8'));
    res.writeHead(200, { 'content-type': contentTypeFor('index.html'), 'cache-control': 'no-store' });
    res.end(head ? undefined : html);
    return;
  }
  const immutable = decoded.startsWith('/assets/');
  res.writeHead(200, {
    'content-type': contentTypeFor(file.path),
    'content-length': file.size,
    // Vite names files under assets/ by content hash, so they never change.
    'cache-control': immutable ? 'private, max-age=31536000, immutable' : 'no-cache',
  });
  if (head) return void res.end();
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}
