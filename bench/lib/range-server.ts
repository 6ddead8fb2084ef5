// A static file server for benchmarks that load pages in Chromium: a built site, plus PDFs under
// /pdf/ answered with Range (206) as a document host does, uncached; counts the PDF bytes it sends.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

export interface FileServer {
  server: Server;
  origin: string;
  /** Bytes of PDF sent so far. */
  pdfBytes(): number;
}

export async function serve(distDir: string, pdfDir: string): Promise<FileServer> {
  let pdfBytes = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const isPdf = url.pathname.startsWith('/pdf/');
      const base = isPdf ? pdfDir : distDir;
      const rel = normalize(decodeURIComponent(isPdf ? url.pathname.slice(5) : url.pathname)).replace(
        /^[/\\]+/,
        '',
      );
      const path = join(base, rel || 'index.html');
      const info = path.startsWith(base) ? await stat(path).catch(() => null) : null;
      if (!info?.isFile()) return res.writeHead(404).end('not found');
      const headers: Record<string, string | number> = {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Accept-Ranges': 'bytes',
        'Cache-Control': 'no-store',
      };
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      let start = 0;
      let end = info.size - 1;
      if (range && (range[1] || range[2])) {
        start = range[1] ? Number(range[1]) : Math.max(0, info.size - Number(range[2]));
        end = range[1] && range[2] ? Math.min(end, Number(range[2])) : end;
        if (start > end) {
          return res.writeHead(416, { 'Content-Range': `bytes */${info.size}` }).end();
        }
        headers['Content-Range'] = `bytes ${start}-${end}/${info.size}`;
      }
      headers['Content-Length'] = end - start + 1;
      res.writeHead(range && headers['Content-Range'] ? 206 : 200, headers);
      if (req.method === 'HEAD') return res.end();
      const stream = createReadStream(path, { start, end });
      if (isPdf) stream.on('data', (chunk) => (pdfBytes += chunk.length));
      // pdf.js aborts the first full GET once it knows ranges work; that is not an error here.
      res.on('close', () => stream.destroy());
      stream.pipe(res);
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}`, pdfBytes: () => pdfBytes };
}
