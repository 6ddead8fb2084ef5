import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, describeIssues } from '../../../src-shared/contract/result.js';
import {
  BlobParams,
  BlobUploadQuery,
  BlobUploadResponse,
  DocumentParams,
} from '../../../src-shared/register-api/index.js';
import type { BlobStore } from '../../blobs/blob-store.js';
import type { Db } from '../../db/index.js';
import { readDocumentContent } from '../../domain/documents.js';
import { readBlob, uploadBlob } from '../../domain/sync-blobs.js';
import { answerRange } from '../../domain/sync-byte-ranges.js';
import type { RouteHost } from '../route.js';

/** The largest file one upload may carry. */
export const MAX_BLOB_BYTES = 64 * 1024 * 1024;

// `2-25-14/1` becomes `2-25-14_1.pdf`: a slash cannot stand in a file name.
const fileName = (number: string, mediaType: string) =>
  number.replace(/\//g, '_') + (mediaType === 'application/pdf' ? '.pdf' : '');

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('invalid_input', `${where}: ${describeIssues(result.error)}`);
  return result.data;
}

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

/** Sends file bytes honouring a single `Range` (206 / 416); see `answerRange` for the rest. */
function sendBytes(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { bytes: Uint8Array; mediaType: string; sha256: string; headers?: Record<string, string> },
): FastifyReply {
  const etag = `"${file.sha256}"`;
  const size = file.bytes.byteLength;
  reply.header('Accept-Ranges', 'bytes').header('ETag', etag);
  for (const [name, value] of Object.entries(file.headers ?? {})) reply.header(name, value);
  const range = answerRange(header(request, 'range'), size, etag, header(request, 'if-range'));
  if (range.kind === 'unsatisfiable')
    return reply.code(416).header('Content-Range', `bytes */${size}`).header('Content-Length', '0').send();
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  if (range.kind === 'partial') reply.code(206).header('Content-Range', `bytes ${start}-${end}/${size}`);
  const body = Buffer.from(file.bytes.buffer, file.bytes.byteOffset + start, Math.max(0, end - start + 1));
  return reply.type(file.mediaType).header('Content-Length', String(body.byteLength)).send(body);
}

export function addDocumentRoutes(
  host: RouteHost,
  deps: { db: Db; blobs: BlobStore; maxBlobBytes?: number },
): void {
  const { app, openapi } = host;
  openapi.add({
    method: 'GET',
    path: '/api/v1/documents/:documentId/content',
    summary: "A document's file, if the user may see its case; one byte range may be asked (206)",
    auth: true,
    params: DocumentParams,
    response: { binary: 'application/pdf' },
  });
  app.get('/api/v1/documents/:documentId/content', async (request, reply) => {
    const session = await host.authenticate(request);
    const params = parse(DocumentParams, request.params, 'path');
    const content = await readDocumentContent(deps.db, deps.blobs, session.user, params.documentId);
    return sendBytes(request, reply, {
      ...content,
      headers: { 'Content-Disposition': `inline; filename="${fileName(content.number, content.mediaType)}"` },
    });
  });

  openapi.add({
    method: 'GET',
    path: '/api/v1/blobs/:sha256',
    summary: 'A file by its SHA-256, if the user may see a case with a document of it; byte ranges as above',
    auth: true,
    params: BlobParams,
    response: { binary: 'application/octet-stream' },
  });
  app.get('/api/v1/blobs/:sha256', async (request, reply) => {
    const session = await host.authenticate(request);
    const params = parse(BlobParams, request.params, 'path');
    const blob = await readBlob(deps.db, deps.blobs, session.user, params.sha256);
    return sendBytes(request, reply, { ...blob, sha256: params.sha256 });
  });

  openapi.add({
    method: 'PUT',
    path: '/api/v1/blobs/:sha256',
    summary: `Uploads a file (the raw bytes, any content type, at most ${MAX_BLOB_BYTES} bytes) for a case the user may add documents to; the bytes must hash to the address`,
    auth: true,
    params: BlobParams,
    query: BlobUploadQuery,
    response: BlobUploadResponse,
  });
  const maxBytes = deps.maxBlobBytes ?? MAX_BLOB_BYTES;
  // Only this route takes raw bytes; everywhere else the register accepts JSON alone.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) =>
      done(null, body),
    );
    scope.put('/api/v1/blobs/:sha256', { bodyLimit: maxBytes }, async (request, reply) => {
      const session = await host.authenticate(request);
      const params = parse(BlobParams, request.params, 'path');
      const query = parse(BlobUploadQuery, request.query, 'query');
      if (!(request.body instanceof Buffer))
        throw new AppError(
          'invalid_input',
          'body: send the file bytes (Content-Type: application/octet-stream)',
        );
      const bytes = new Uint8Array(request.body.buffer, request.body.byteOffset, request.body.byteLength);
      const answer = await uploadBlob(deps.db, deps.blobs, session.user, { ...query, ...params, bytes });
      return reply
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(BlobUploadResponse.parse(answer)));
    });
  });
}
