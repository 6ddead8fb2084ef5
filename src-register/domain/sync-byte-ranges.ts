/** What a `Range` header asks of a representation of `size` bytes (RFC 9110 §14). */
export type RangeAnswer =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const SPEC = /^(\d*)-(\d*)$/;

/**
 * One byte range is served as a 206. Several ranges are answered with the whole file (200), which
 * RFC 9110 allows, instead of multipart/byteranges: our clients resume downloads and read PDF pages,
 * one range at a time. A header we cannot read (another unit, a malformed spec) is ignored, as the
 * RFC says, and so is one whose `If-Range` validator no longer matches.
 */
export function answerRange(
  header: string | undefined,
  size: number,
  etag: string,
  ifRange?: string,
): RangeAnswer {
  if (!header) return { kind: 'full' };
  if (ifRange !== undefined && ifRange.trim() !== etag) return { kind: 'full' };
  const match = /^bytes\s*=\s*(.+)$/i.exec(header.trim());
  if (!match) return { kind: 'full' };
  const specs = match[1]!.split(',').map((s) => s.trim());
  if (specs.length !== 1) return { kind: 'full' };
  const parts = SPEC.exec(specs[0]!);
  if (!parts) return { kind: 'full' };
  const [, first = '', last = ''] = parts;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'partial', start, end };
}
