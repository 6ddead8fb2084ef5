import {
  DOCUMENT_MEDIA_TYPES,
  MAX_INLINE_DOCUMENT_BYTES,
} from '../../../../src-shared/register-api/registration';
import { readAsBase64 } from '../../../lib/read-file';

export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** A file read for sending: its bytes as base64, with what the form shows about it. */
export interface AttachedFile {
  name: string;
  size: number;
  mediaType: DocumentMediaType;
  content: string;
}

export type FileProblem =
  { kind: 'tooLarge'; size: number } | { kind: 'type'; type: string } | { kind: 'unreadable' };

// Some systems give no type for these (an ASiC-E container, say); the extension then decides.
const BY_EXTENSION: Readonly<Record<string, DocumentMediaType>> = {
  pdf: 'application/pdf',
  asice: 'application/vnd.etsi.asic-e+zip',
  sce: 'application/vnd.etsi.asic-e+zip',
  bdoc: 'application/vnd.etsi.asic-e+zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain',
};

const isDocumentMediaType = (type: string): type is DocumentMediaType =>
  (DOCUMENT_MEDIA_TYPES as readonly string[]).includes(type);

/** The register's media type of a file, or null when the register does not take such files. */
export function mediaTypeOf(file: { name: string; type: string }): DocumentMediaType | null {
  const type = file.type.split(';')[0]!.trim().toLowerCase();
  if (isDocumentMediaType(type)) return type;
  if (type !== '' && type !== 'application/octet-stream' && type !== 'application/zip') return null;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? null;
}

/** The file's name without its extension: a first guess at the document's title. */
export function titleFromFileName(name: string): string {
  return name
    .replace(/\.[^.]+$/, '')
    .replace(/[_]+/g, ' ')
    .trim();
}

/** Checks size and type before reading: an unsuitable file is refused without loading it. */
export async function readDocumentFile(
  file: File,
): Promise<{ ok: true; file: AttachedFile } | { ok: false; problem: FileProblem }> {
  const mediaType = mediaTypeOf(file);
  if (mediaType === null) return { ok: false, problem: { kind: 'type', type: file.type || file.name } };
  if (file.size > MAX_INLINE_DOCUMENT_BYTES)
    return { ok: false, problem: { kind: 'tooLarge', size: file.size } };
  try {
    const content = await readAsBase64(file);
    return { ok: true, file: { name: file.name, size: file.size, mediaType, content } };
  } catch {
    return { ok: false, problem: { kind: 'unreadable' } };
  }
}
