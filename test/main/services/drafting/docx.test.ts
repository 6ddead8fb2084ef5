import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionFileName } from '../../../../src-main/services/drafting/docx/court-document.js';
import { renderCourtDocx } from '../../../../src-main/services/drafting/docx/render-docx.js';
import { BUILT_IN_TEMPLATES } from '../../../../src-main/services/drafting/templates.js';
import { toPdfText } from '../../../support/libreoffice.js';
import { courtDocumentFor, FOOTNOTE_TEXT, snapshotFor } from './drafting-fixtures.js';

const run = promisify(execFile);

/** Text as pdftotext lays it out: runs of spaces (and no-break spaces) made one, per page. */
const norm = (s: string) => s.replace(/[\u00a0 ]+/g, ' ');

interface Rendered {
  templateId: string;
  docx: string;
  pages: string[];
  pageCount: number;
  caseNumber: string;
  partyNames: string[];
}

let dir: string;
const rendered: Rendered[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chambers-docx-'));
  const docxFiles: string[] = [];
  for (const template of BUILT_IN_TEMPLATES) {
    const snapshot = snapshotFor(template.procedureType);
    const bytes = await renderCourtDocx(courtDocumentFor(template, snapshot));
    const docx = join(dir, `${template.id}.docx`);
    await writeFile(docx, bytes);
    docxFiles.push(docx);
    rendered.push({
      templateId: template.id,
      docx,
      pages: [],
      pageCount: 0,
      caseNumber: snapshot.number,
      partyNames: snapshot.parties.map((p) => p.name),
    });
  }
  // One LibreOffice run converts the files one after another, with a profile of its own.
  const pdfs = await toPdfText(docxFiles, { outDir: dir, timeoutMs: 170_000 });
  rendered.forEach((r, i) => {
    const { text, pages } = pdfs[i]!;
    r.pageCount = pages;
    r.pages = text.split('\f').slice(0, pages).map(norm);
  });
}, 180_000);

afterAll(async () => {
  if (dir && !process.env.KEEP_DOCX_TEST) await rm(dir, { recursive: true, force: true });
});

describe('renderCourtDocx through LibreOffice', () => {
  it('exports every built-in template', () => {
    expect(rendered.map((r) => r.templateId)).toEqual(BUILT_IN_TEMPLATES.map((t) => t.id));
    expect(rendered.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(BUILT_IN_TEMPLATES.map((t) => t.id))('%s', (templateId) => {
    const r = () => rendered.find((x) => x.templateId === templateId)!;
    const template = BUILT_IN_TEMPLATES.find((t) => t.id === templateId)!;

    it('has the case number, the parties, the title and the appeal route', () => {
      const all = r().pages.join('\n');
      expect(all).toContain(r().caseNumber);
      // Words of a name may wrap in the value column: compare with the lines joined.
      const flat = all.replace(/\s+/g, ' ');
      for (const name of r().partyNames) expect(flat).toContain(name);
      expect(all).toContain(template.title);
      expect(norm(all.replace(/\s+/g, ' '))).toContain(norm(template.appeal.route));
    });

    it('numbers the paragraphs with Word numbering, on across sections', () => {
      const all = r().pages.join('\n');
      const descriptive = template.sections.filter((s) => s.role === 'descriptive').length;
      const expected = descriptive * 2 + 3;
      const numbers = [...all.matchAll(/^\s*(\d+)\.\s+(?:Kirjeldav|Esimene|Teine|Kolmas)/gm)].map((m) =>
        Number(m[1]),
      );
      expect(numbers).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
      // The author's text never had the numbers: they are the list's.
      expect(all).toMatch(new RegExp(`^\\s*${descriptive * 2 + 1}\\.\\s+Esimene põhjendus`, 'm'));
    });

    it('prints the court in the header and "Lk X / N" in the footer of every page', () => {
      const { pages, pageCount } = r();
      expect(pageCount).toBeGreaterThanOrEqual(2);
      pages.forEach((page, i) => {
        const lines = page.split('\n').filter((l) => l.trim() !== '');
        expect(lines[0]?.trim()).toBe('Harju Maakohus');
        expect(lines.at(-1)?.trim()).toBe(`Lk ${i + 1} / ${pageCount}`);
      });
    });

    it('puts the footnote at the bottom of its page', () => {
      const page = r().pages.find((p) => p.includes(FOOTNOTE_TEXT.slice(0, 40)));
      expect(page).toBeDefined();
      const lines = page!.split('\n').filter((l) => l.trim() !== '');
      const at = lines.findIndex((l) => l.includes(FOOTNOTE_TEXT.slice(0, 40)));
      // Below it only the rest of its own text and the footer.
      const after = lines.slice(at + 1).map((l) => l.trim());
      expect(after.at(-1)).toMatch(/^Lk \d+ \/ \d+$/);
      expect(after.length).toBeLessThanOrEqual(2);
      // The body text of the page comes before it.
      expect(at).toBeGreaterThan(3);
    });

    it('prints tables and lists', () => {
      const all = r().pages.join('\n');
      expect(all).toMatch(/Põhivõlg\s+10 000,00/);
      expect(all).toMatch(/•\s+Täpploendi esimene punkt/);
      expect(all).toMatch(/1\)\s+Järjestatud esimene/);
      expect(all).toMatch(/2\)\s+Järjestatud teine/);
    });

    it('writes numbering.xml and footnotes.xml into the package', async () => {
      const { stdout: numbering } = await run('unzip', ['-p', r().docx, 'word/numbering.xml']);
      expect(numbering).toContain('w:val="decimal"');
      expect(numbering).toContain('w:val="%1."');
      const { stdout: footnotes } = await run('unzip', ['-p', r().docx, 'word/footnotes.xml']);
      expect(footnotes).toContain(FOOTNOTE_TEXT);
      const { stdout: document } = await run('unzip', ['-p', r().docx, 'word/document.xml']);
      expect(document).toContain('<w:footnoteReference');
      expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    });
  });
});

describe('decisionFileName', () => {
  it('builds a safe name from the case number and the title', () => {
    expect(decisionFileName('2-25-7', 'KOHTUOTSUS')).toBe('2-25-7_kohtuotsus.docx');
    expect(decisionFileName('2-25-7', 'KOHTUMÄÄRUS')).toBe('2-25-7_kohtumaarus.docx');
    expect(decisionFileName('../../etc/passwd', 'Õ/Ü: täht?')).toBe('etc-passwd_o-u-taht.docx');
    expect(decisionFileName('', '')).toBe('asi_dokument.docx');
  });
});

describe('renderCourtDocx', () => {
  it('makes a zip package even for an empty document', async () => {
    const bytes = await renderCourtDocx({
      courtName: 'Tartu Maakohus',
      title: 'KOHTUMÄÄRUS',
      caseNumber: '2-25-1',
      fields: [],
      sections: [{ heading: 'RESOLUTSIOON', content: { type: 'doc', content: [{ type: 'paragraph' }] } }],
    });
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    const file = join(dir, 'empty.docx');
    await writeFile(file, bytes);
    const { stdout } = await run('unzip', ['-p', file, 'word/document.xml']);
    expect(stdout).toContain('KOHTUMÄÄRUS');
  });
});
