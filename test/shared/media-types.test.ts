import { describe, expect, it } from 'vitest';
import { contentTypeFor } from '../../src-shared/media-types.js';

describe('contentTypeFor', () => {
  it.each([
    ['/r/index.html', 'text/html; charset=utf-8'],
    ['/r/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['/r/assets/pdf.worker.MJS', 'text/javascript; charset=utf-8'],
    ['/r/assets/index.css', 'text/css; charset=utf-8'],
    ['/r/logo.svg', 'image/svg+xml'],
    ['/r/fonts/inter.woff2', 'font/woff2'],
    ['/r/pdfium.wasm', 'application/wasm'],
  ])('%s is %s', (path, type) => expect(contentTypeFor(path)).toBe(type));

  it('falls back to an opaque type, which nosniff keeps from being run', () => {
    expect(contentTypeFor('/r/unknown.xyz')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/LICENSE')).toBe('application/octet-stream');
  });
});
