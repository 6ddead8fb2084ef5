import { describe, expect, it } from 'vitest';
import {
  contentDisposition,
  documentBytesAnswer,
  parseRange,
  safeMediaType,
} from '../../../src-main/services/document-bytes.js';

const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
const answer = (rangeHeader: string | null, method = 'GET') =>
  documentBytesAnswer({ method, rangeHeader, bytes, mediaType: 'application/pdf', fileName: 'T-1/1 Hagi' });

describe('parseRange', () => {
  it('reads a-b, a-, -n, and clamps the end to the file', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'range', range: { start: 0, end: 99 } });
    expect(parseRange('bytes=900-', 1000)).toEqual({ kind: 'range', range: { start: 900, end: 999 } });
    expect(parseRange('bytes=-100', 1000)).toEqual({ kind: 'range', range: { start: 900, end: 999 } });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ kind: 'range', range: { start: 0, end: 999 } });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ kind: 'range', range: { start: 990, end: 999 } });
    expect(parseRange(' BYTES = 5 - 9 ', 1000)).toEqual({ kind: 'range', range: { start: 5, end: 9 } });
  });

  it('answers the whole file for no header, several ranges, other units, and nonsense', () => {
    for (const header of [
      null,
      undefined,
      '',
      'bytes=0-1,5-9',
      'items=0-5',
      'bytes=abc',
      'bytes=-',
      'bytes=9-3',
      `bytes=0-${'9'.repeat(30)}`,
    ])
      expect(parseRange(header, 1000)).toEqual({ kind: 'whole' });
  });

  it('calls a range outside the file, or an empty suffix, unsatisfiable', () => {
    expect(parseRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=5000-6000', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});

describe('documentBytesAnswer', () => {
  it('answers 200 with the whole file and the private, non-sniffed headers', () => {
    const a = answer(null);
    expect(a.status).toBe(200);
    expect(Buffer.from(a.body!).equals(Buffer.from(bytes))).toBe(true);
    expect(a.headers).toMatchObject({
      'accept-ranges': 'bytes',
      'content-length': '1000',
      'content-type': 'application/pdf',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
    expect(a.headers['content-disposition']).toMatch(/^inline; /);
    expect(a.headers['content-range']).toBeUndefined();
  });

  it('answers 206 with the slice and its content-range', () => {
    const a = answer('bytes=0-99');
    expect(a.status).toBe(206);
    expect(a.headers['content-range']).toBe('bytes 0-99/1000');
    expect(a.headers['content-length']).toBe('100');
    expect(Buffer.from(a.body!).equals(Buffer.from(bytes.subarray(0, 100)))).toBe(true);
    const tail = answer('bytes=-10');
    expect(tail.headers['content-range']).toBe('bytes 990-999/1000');
    expect([...tail.body!]).toEqual([...bytes.subarray(990)]);
  });

  it('answers 416 with bytes */size and a reason', () => {
    const a = answer('bytes=2000-');
    expect(a.status).toBe(416);
    expect(a.headers['content-range']).toBe('bytes */1000');
    expect(new TextDecoder().decode(a.body!)).toMatch(/outside the document's 1000 bytes/);
  });

  it('HEAD has the headers of GET and no body', () => {
    const get = answer('bytes=10-19');
    const head = answer('bytes=10-19', 'HEAD');
    expect(head.status).toBe(206);
    expect(head.headers).toEqual(get.headers);
    expect(head.body).toBeNull();
    expect(answer(null, 'HEAD').headers['content-length']).toBe('1000');
  });
});

describe('safe headers', () => {
  it('keeps a plain media type and refuses anything that could break the header', () => {
    expect(safeMediaType('application/PDF; charset=x')).toBe('application/pdf');
    expect(safeMediaType('text/html\r\nset-cookie: a=b')).toBe('application/octet-stream');
    expect(safeMediaType('')).toBe('application/octet-stream');
  });

  it('names the file inline with an ASCII fallback and the UTF-8 name, nothing injectable', () => {
    const value = contentDisposition('T-24-1/1 Ekspertiisiakt "ülevaade"\r\nx: y', 'application/pdf');
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).toMatch(/^inline; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''/);
    const ascii = /filename="([^"]*)"/.exec(value)![1]!;
    expect(ascii).not.toMatch(/[/\\"]/);
    expect(ascii).toContain('ulevaade');
    expect(decodeURIComponent(value.split("UTF-8''")[1]!)).toContain('ülevaade');
    expect(contentDisposition('', 'application/pdf')).toContain('filename="document.pdf"');
    expect(contentDisposition('a.pdf', 'application/pdf')).toContain('filename="a.pdf"');
  });
});
