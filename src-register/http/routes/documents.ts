import { DocumentParams } from '../../../src-shared/register-api/index.js';
import type { BlobStore } from '../../blobs/blob-store.js';
import type { Db } from '../../db/index.js';
import { readDocumentContent } from '../../domain/documents.js';
import { addRoute, type RouteHost } from '../route.js';

// `2-25-14/1` becomes `2-25-14_1.pdf`: a slash cannot stand in a file name.
const fileName = (number: string, mediaType: string) =>
  number.replace(/\//g, '_') + (mediaType === 'application/pdf' ? '.pdf' : '');

export function addDocumentRoutes(host: RouteHost, deps: { db: Db; blobs: BlobStore }): void {
  addRoute(host, {
    method: 'GET',
    path: '/api/v1/documents/:documentId/content',
    summary: "A document's file, if the user may see its case",
    auth: true,
    params: DocumentParams,
    response: { binary: 'application/pdf' },
    handler: async ({ params, session }) => {
      const content = await readDocumentContent(deps.db, deps.blobs, session.user, params.documentId);
      return {
        bytes: content.bytes,
        mediaType: content.mediaType,
        headers: {
          ETag: `"${content.sha256}"`,
          'Content-Disposition': `inline; filename="${fileName(content.number, content.mediaType)}"`,
        },
      };
    },
  });
}
