import type { ViewerLoadError } from './viewer-types';

/** More pages than any court file has; a document claiming more is refused rather than laid out. */
export const MAX_PAGES = 100_000;

function field(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null && key in error
    ? (error as Record<string, unknown>)[key]
    : undefined;
}

/**
 * pdf.js's errors as the viewer's kinds. The worker's exceptions arrive re-created by name on this
 * side, so the name is what is compared (not `instanceof`).
 */
export function toLoadError(error: unknown): ViewerLoadError {
  const name = field(error, 'name');
  const message = field(error, 'message');
  const detail = typeof message === 'string' && message ? message : String(error);
  switch (name) {
    case 'InvalidPDFException':
    case 'FormatError':
      return { kind: 'invalid', detail };
    case 'PasswordException':
      return { kind: 'password', detail };
    case 'MissingPDFException':
      return { kind: 'missing', detail };
    case 'ResponseException': {
      const status = field(error, 'status');
      const missing = field(error, 'missing') === true || status === 404;
      return { kind: missing ? 'missing' : 'network', detail };
    }
    case 'UnexpectedResponseException':
      return { kind: field(error, 'status') === 404 ? 'missing' : 'network', detail };
    default:
      break;
  }
  if (error instanceof TypeError && /fetch|network/i.test(detail)) return { kind: 'network', detail };
  if (/network|failed to fetch|load failed/i.test(detail)) return { kind: 'network', detail };
  return { kind: 'unknown', detail };
}

export function tooLargeError(numPages: number): ViewerLoadError {
  return { kind: 'too-large', detail: `numPages ${numPages} > ${MAX_PAGES}` };
}
