// LibreOffice for the document tests: files converted in one headless `soffice` run with a profile
// of its own (so it neither waits for nor disturbs a LibreOffice the developer has open), and a PDF
// read back as text with poppler's pdftotext and pdfinfo.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ConvertOptions {
  /** Where the converted files go; default: a new temporary folder (the caller removes it). */
  outDir?: string;
  /** How long the one soffice run may take (default 170 s). */
  timeoutMs?: number;
}

/**
 * Converts `files` in one soffice run to `to` (an extension, optionally with a filter:
 * `'pdf'`, `'docx:MS Word 2007 XML'`); resolves with the paths of the converted files, in order.
 * Inputs with the same base name would overwrite each other's output.
 */
export async function convertWithLibreOffice(
  files: readonly string[],
  to: string,
  opts: ConvertOptions = {},
): Promise<string[]> {
  const outDir = opts.outDir ?? (await mkdtemp(join(tmpdir(), 'chambers-soffice-')));
  const profile = await mkdtemp(join(tmpdir(), 'chambers-lo-profile-'));
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        outDir,
        ...files,
      ],
      { timeout: opts.timeoutMs ?? 170_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const extension = to.split(':')[0]!;
  return files.map((file) => {
    const out = join(outDir, `${basename(file, extname(file))}.${extension}`);
    if (!existsSync(out)) throw new Error(`LibreOffice did not convert ${file} to ${extension}`);
    return out;
  });
}

export interface PdfText {
  /** pdftotext's output: pages end with a form feed ("\f"). */
  text: string;
  /** The page count, as pdfinfo tells it. */
  pages: number;
}

export interface PdfTextOptions extends ConvertOptions {
  /** pdftotext `-layout`: keeps the columns and indents as printed (default true). */
  layout?: boolean;
}

/**
 * Each of `files` (DOCX, HTML, …) printed to PDF by LibreOffice in one run, then read back as text.
 * The PDFs are kept in `outDir` when one is given, else removed.
 */
export async function toPdfText(files: readonly string[], opts: PdfTextOptions = {}): Promise<PdfText[]> {
  const outDir = opts.outDir ?? (await mkdtemp(join(tmpdir(), 'chambers-pdf-')));
  try {
    const pdfs = await convertWithLibreOffice(files, 'pdf', { ...opts, outDir });
    const layout = opts.layout ?? true;
    return await Promise.all(
      pdfs.map(async (pdf) => {
        const { stdout: info } = await run('pdfinfo', [pdf]);
        const { stdout: text } = await run('pdftotext', [...(layout ? ['-layout'] : []), pdf, '-'], {
          maxBuffer: 64 * 1024 * 1024,
        });
        return { text, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]) };
      }),
    );
  } finally {
    if (!opts.outDir) await rm(outDir, { recursive: true, force: true });
  }
}
