import { protocol } from 'electron';
import { AppError, DOCUMENT_SCHEME } from '../../src-shared/contract/index.js';
import { documentBytesAnswer } from '../services/document-bytes.js';
import type { DocumentsService, ReadDocument } from '../services/documents.js';
import { APP_ORIGIN, documentIdOfUrl } from './security.js';

// The page (app://chambers) reads these cross-origin: only it may, and pdf.js must see the range headers.
const CORS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': APP_ORIGIN,
  'access-control-expose-headers': 'accept-ranges, content-range, content-length, etag',
  vary: 'origin',
};

/** The privileges of `chambers-doc://`: registered with `app://` in one call before `ready`. */
export const DOCUMENT_SCHEME_PRIVILEGES = {
  scheme: DOCUMENT_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
} as const;

const STATUS: Partial<Record<string, number>> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
};

function textResponse(status: number, body: string, head = false): Response {
  return new Response(head ? null : body, {
    status,
    headers: { ...CORS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * Answers `chambers-doc://document/<documentId>` (GET and HEAD, with Range) from the local encrypted
 * store through `documents.read`; the renderer must `documents:open` a document first.
 */
export function serveDocuments(documents: Pick<DocumentsService, 'read'>): void {
  protocol.handle(DOCUMENT_SCHEME, async (request) => {
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) return textResponse(405, 'Documents are only read here.');
    const documentId = documentIdOfUrl(request.url);
    if (documentId === null) return textResponse(404, 'No such document.', head);
    let read: ReadDocument;
    try {
      read = await documents.read(documentId);
    } catch (error) {
      if (error instanceof AppError) return textResponse(STATUS[error.code] ?? 409, error.message, head);
      console.error(`The document ${documentId} could not be read`, error);
      return textResponse(409, 'This document cannot be read on this computer now: open it again.', head);
    }
    const ifRange = request.headers.get('if-range');
    const answer = documentBytesAnswer({
      method: request.method,
      rangeHeader:
        ifRange === null || ifRange === `"${read.info.sha256}"` ? request.headers.get('range') : null,
      bytes: read.bytes,
      mediaType: read.info.mediaType,
      fileName: `${read.info.number} ${read.info.title}`,
    });
    return new Response(answer.body, {
      status: answer.status,
      headers: { ...answer.headers, ...CORS, etag: `"${read.info.sha256}"` },
    });
  });
}
