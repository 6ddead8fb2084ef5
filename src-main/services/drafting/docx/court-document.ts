import { DOCX_MEDIA_TYPE, type ExportedFile } from '../../../../src-shared/contract/index.js';
import type { RichDoc } from '../../../../src-shared/domain/rich-text.js';

/**
 * A procedural document as the DOCX writer prints it: a decision (issue 8) or hearing minutes
 * (issue 9). The writer knows nothing of templates or cases; the caller fills this in.
 */
export interface CourtDocument {
  /** In the page header of every page, e.g. "Harju Maakohus". */
  courtName: string;
  /** Printed big and centred, e.g. "KOHTUOTSUS" or "KOHTUISTUNGI PROTOKOLL". */
  title: string;
  /** A line under the title, e.g. "Eesti Vabariigi nimel"; none when missing. */
  subtitle?: string;
  caseNumber: string;
  /** The introduction: a borderless two-column table; a value's "\n" starts a new line. */
  fields: { label: string; value: string }[];
  /** Headings are printed bold in capitals; numbered paragraphs count on across sections. */
  sections: { heading: string; content: RichDoc }[];
  /** Lines at the end, e.g. ["Kohtunik", "Mari Maasikas", "(allkirjastatud digitaalselt)"]. */
  signature?: string[];
  /** Kept in the file's properties (File > Info in Word). */
  properties?: { author?: string; description?: string };
}

const TRANSLITERATION: Readonly<Record<string, string>> = {
  õ: 'o',
  ä: 'a',
  ö: 'o',
  ü: 'u',
  š: 's',
  ž: 'z',
};

function safePart(text: string, maxLength: number): string {
  return text
    .toLocaleLowerCase('et')
    .replace(/[õäöüšž]/g, (c) => TRANSLITERATION[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, maxLength)
    .replace(/-$/, '');
}

/**
 * The file name of an exported decision: the case number and the title in safe ASCII characters,
 * e.g. `2-25-7_kohtuotsus.docx` or `1-24-33_kohtumaarus.docx`.
 */
export function decisionFileName(caseNumber: string, title: string): string {
  const number = safePart(caseNumber, 40) || 'asi';
  const name = safePart(title, 60) || 'dokument';
  return `${number}_${name}.docx`;
}

/** A rendered DOCX as the renderer saves it: name, media type, size and the bytes in base64. */
export function docxExport(fileName: string, bytes: Uint8Array): ExportedFile {
  const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return { fileName, mediaType: DOCX_MEDIA_TYPE, size: bytes.byteLength, base64 };
}
