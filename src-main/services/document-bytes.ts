/**
 * The HTTP answer for a document's bytes, shared by both hosts (the browser host's
 * `/documents/<id>` and Electron's `chambers-doc://`): one `Range` at most, private, never sniffed.
 * Pure: no I/O, so both hosts answer alike and the rules are tested once.
 */

export type ByteRange = { start: number; end: number };

/** What a `Range` header asks of a file of `size` bytes. */
export type RangeRequest =
  { kind: 'whole' } | { kind: 'range'; range: ByteRange } | { kind: 'unsatisfiable' };

const SINGLE = /^bytes[ \t]*=[ \t]*(\d*)[ \t]*-[ \t]*(\d*)[ \t]*$/i;
const MAX_DIGITS = 15; // beyond Number.MAX_SAFE_INTEGER is nobody's file

/**
 * Parses `bytes=a-b`, `bytes=a-` and `bytes=-n`. A header it cannot read, another unit, or several
 * ranges is answered with the whole file (RFC 9110 lets a server ignore Range); a well-formed range
 * outside the file is unsatisfiable (416).
 */
export function parseRange(header: string | null | undefined, size: number): RangeRequest {
  if (header === null || header === undefined || header.trim() === '') return { kind: 'whole' };
  const match = SINGLE.exec(header.trim());
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first.length > MAX_DIGITS || last.length > MAX_DIGITS) return { kind: 'whole' };
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    // A suffix: the last n bytes.
    const n = Number(last);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', range: { start: Math.max(size - n, 0), end: size - 1 } };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { kind: 'whole' }; // invalid: ignored
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'range', range: { start, end } };
}

export interface DocumentBytesInput {
  method: string;
  rangeHeader: string | null | undefined;
  bytes: Uint8Array;
  mediaType: string;
  /** The name offered for saving (the document's number and title); made safe here. */
  fileName: string;
}

export interface DocumentBytesAnswer {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** The bytes to send (for 416 the reason as text); null for HEAD. */
  body: Uint8Array | null;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/tiff': '.tif',
  'text/plain': '.txt',
};

// A media type as the register names it: type/subtype with optional parameters, nothing that
// could break the header.
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;

export function safeMediaType(mediaType: string): string {
  const bare = (mediaType.split(';')[0] ?? '').trim();
  return MEDIA_TYPE.test(bare) ? bare.toLowerCase() : 'application/octet-stream';
}

/**
 * `inline` with an ASCII fallback name (no quotes, slashes, controls) and the UTF-8 name in
 * `filename*`, so an Estonian title survives and no header injection is possible.
 */
export function contentDisposition(fileName: string, mediaType: string): string {
  const cleaned = fileName
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\\/:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  const extension = EXTENSIONS[safeMediaType(mediaType)] ?? '';
  const base = cleaned === '' ? 'document' : cleaned;
  const full = base.toLowerCase().endsWith(extension) ? base : `${base}${extension}`;
  const ascii = full
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/[%;]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(full)}`;
}

/** Status, headers and body of a GET or HEAD of a document's bytes. */
export function documentBytesAnswer(input: DocumentBytesInput): DocumentBytesAnswer {
  const size = input.bytes.byteLength;
  const common: Record<string, string> = {
    'accept-ranges': 'bytes',
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  };
  const request = parseRange(input.rangeHeader, size);
  const head = input.method.toUpperCase() === 'HEAD';
  if (request.kind === 'unsatisfiable') {
    const reason = new TextEncoder().encode(`The range asked for lies outside the document's ${size} bytes.`);
    return {
      status: 416,
      headers: {
        ...common,
        'content-range': `bytes */${size}`,
        'content-type': 'text/plain; charset=utf-8',
        'content-length': String(reason.byteLength),
      },
      body: head ? null : reason,
    };
  }
  const headers: Record<string, string> = {
    ...common,
    'content-type': safeMediaType(input.mediaType),
    'content-disposition': contentDisposition(input.fileName, input.mediaType),
  };
  if (request.kind === 'whole') {
    headers['content-length'] = String(size);
    return { status: 200, headers, body: head ? null : input.bytes };
  }
  const { start, end } = request.range;
  headers['content-length'] = String(end - start + 1);
  headers['content-range'] = `bytes ${start}-${end}/${size}`;
  return { status: 206, headers, body: head ? null : input.bytes.subarray(start, end + 1) };
}
