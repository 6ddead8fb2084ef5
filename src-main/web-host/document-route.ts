import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, DOCUMENT_PATH_PREFIX } from '../../src-shared/contract/index.js';
import { documentBytesAnswer } from '../services/document-bytes.js';
import type { DocumentsService, ReadDocument } from '../services/documents.js';

// The contract's document ids: 1..64 characters; ours are UUIDs, so nothing but these is honest.
const DOCUMENT_ID = /^[A-Za-z0-9._~-]{1,64}$/;

/** The document id of a `/documents/<id>` path, or null when it names none. */
export function documentIdOf(pathname: string): string | null {
  if (!pathname.startsWith(DOCUMENT_PATH_PREFIX)) return null;
  let id: string;
  try {
    id = decodeURIComponent(pathname.slice(DOCUMENT_PATH_PREFIX.length));
  } catch {
    return null;
  }
  return DOCUMENT_ID.test(id) ? id : null;
}

function sendText(res: ServerResponse, status: number, message: string, head = false): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(head ? undefined : message);
}

const STATUS: Partial<Record<string, number>> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
};

/**
 * GET or HEAD `/documents/<documentId>` (the caller's cookie already checked): the bytes from the
 * local store with `Range`, as `document-bytes.ts` answers. Every failure is a 4xx with a reason.
 */
export async function serveDocument(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  documents: Pick<DocumentsService, 'read'>,
): Promise<void> {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    res.setHeader('allow', 'GET, HEAD');
    return sendText(res, 405, 'Documents are only read here (GET or HEAD).');
  }
  const documentId = documentIdOf(pathname);
  if (documentId === null) return sendText(res, 404, 'No such document.', head);
  let read: ReadDocument;
  try {
    read = await documents.read(documentId);
  } catch (error) {
    if (error instanceof AppError) {
      return sendText(res, STATUS[error.code] ?? 409, error.message, head);
    }
    console.error(`The document ${documentId} could not be read`, error);
    return sendText(res, 409, 'This document cannot be read on this computer now: open it again.', head);
  }
  const rangeHeader = req.headers.range;
  // If-Range naming another version asks for the whole file (ours is content-addressed: the SHA-256).
  const ifRange = req.headers['if-range'];
  const honoured = ifRange === undefined || ifRange === `"${read.info.sha256}"` ? rangeHeader : undefined;
  const answer = documentBytesAnswer({
    method: req.method ?? 'GET',
    rangeHeader: honoured,
    bytes: read.bytes,
    mediaType: read.info.mediaType,
    fileName: `${read.info.number} ${read.info.title}`,
  });
  res.writeHead(answer.status, { ...answer.headers, etag: `"${read.info.sha256}"` });
  res.end(answer.body ?? undefined);
}
