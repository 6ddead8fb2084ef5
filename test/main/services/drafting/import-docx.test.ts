import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToRichDoc, importDocx } from '../../../../src-main/services/drafting/import-docx.js';
import { parseHtml } from '../../../../src-main/services/drafting/drafts-html.js';
import { AppError } from '../../../../src-shared/contract/index.js';
import { RichDoc, docTexts } from '../../../../src-shared/domain/rich-text.js';
import { convertWithLibreOffice } from '../../../support/libreoffice.js';
import { appError } from '../../support/app-error.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-import-docx-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A judgment as a judge might write it in Word, made with the docx library. */
async function wordDraft(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'points',
          levels: [
            { level: 0, format: 'decimal', text: '%1.' },
            { level: 1, format: 'lowerLetter', text: '%2)' },
          ],
        },
      ],
    },
    footnotes: { 1: { children: [new Paragraph('RKTKo 2-19-1234, p 12 & <vt>.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'KOHTU PÕHJENDUSED', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Tõendite hindamine', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Alapealkiri', heading: HeadingLevel.HEADING_4 }),
          new Paragraph({
            children: [
              new TextRun({ text: 'Kostja ', bold: true }),
              new TextRun({ text: 'ei vaidlustanud', italics: true }),
              new TextRun({ text: ' nõuet', underline: {} }),
              new TextRun(' tähtaegselt.'),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Paragraph({ text: 'esimene', bullet: { level: 0 } }),
          new Paragraph({ text: 'alam', bullet: { level: 1 } }),
          new Paragraph({ text: 'teine', bullet: { level: 0 } }),
          new Paragraph({ text: 'punkt üks', numbering: { reference: 'points', level: 0 } }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Nõue')] }),
                  new TableCell({ children: [new Paragraph('Summa')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Põhivõlg')] }),
                  new TableCell({ children: [new Paragraph('1 200,00 €')] }),
                ],
              }),
            ],
          }),
          new Paragraph('Viimane lõik.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A zip with one stored file: a valid archive that is no Word document. */
function plainZip(name: string, content: string): Uint8Array {
  const data = Buffer.from(content);
  const file = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(file.length, 28);
  const localSize = local.length + file.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(localSize, 16);
  return new Uint8Array(Buffer.concat([local, file, data, central, file, end]));
}

const refusal = (bytes: Uint8Array) => appError(importDocx(bytes));

describe('importDocx', () => {
  it('keeps headings, paragraphs, marks, nested lists, a table and the footnote of a docx-library file', async () => {
    const { doc, messages } = await importDocx(await wordDraft());
    expect(RichDoc.safeParse(doc).success).toBe(true);
    expect(messages).toEqual([]);
    const [h1, h2, h4, para, bullets, ordered, table, last] = doc.content;
    expect(h1).toEqual({
      type: 'heading',
      attrs: { level: 1 },
      content: [{ type: 'text', text: 'KOHTU PÕHJENDUSED' }],
    });
    expect(h2).toMatchObject({ type: 'heading', attrs: { level: 2 } });
    expect(h4).toMatchObject({ type: 'heading', attrs: { level: 3 } });
    expect(para).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Kostja ', marks: [{ type: 'bold' }] },
        { type: 'text', text: 'ei vaidlustanud', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' nõuet', marks: [{ type: 'underline' }] },
        { type: 'text', text: ' tähtaegselt.' },
        { type: 'footnote', attrs: { text: 'RKTKo 2-19-1234, p 12 & <vt>.' } },
      ],
    });
    expect(bullets).toEqual({
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'esimene' }] },
            {
              type: 'bulletList',
              content: [
                {
                  type: 'listItem',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'alam' }] }],
                },
              ],
            },
          ],
        },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'teine' }] }] },
      ],
    });
    expect(ordered).toMatchObject({ type: 'orderedList' });
    expect(table).toMatchObject({ type: 'table' });
    if (table?.type !== 'table') throw new Error('no table');
    expect(
      table.content.map((r) => r.content.map((c) => docTexts({ type: 'doc', content: c.content }).join())),
    ).toEqual([
      ['Nõue', 'Summa'],
      ['Põhivõlg', '1 200,00 €'],
    ]);
    expect(last).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Viimane lõik.' }] });
    // The footnotes' own list is gone from the body.
    expect(doc.content).toHaveLength(8);
  });

  it('reads a file LibreOffice wrote (from HTML): headings, list, table, bold and italic', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body>
      <h1>RESOLUTSIOON</h1><p>Hagi <b>rahuldada</b> <i>osaliselt</i>.</p>
      <ol><li>esimene<ol><li>alapunkt</li></ol></li><li>teine</li></ol>
      <table border="1"><tr><th>Pool</th><th>Kood</th></tr><tr><td>Mari Maasikas</td><td>48001010000</td></tr></table>
      <h2>PÕHJENDUSED</h2><p>Põhjendus &amp; järeldus.</p></body></html>`;
    writeFileSync(join(dir, 'draft.html'), html);
    const [docx] = await convertWithLibreOffice([join(dir, 'draft.html')], 'docx:MS Word 2007 XML', {
      outDir: dir,
      timeoutMs: 120_000,
    });
    const { doc } = await importDocx(new Uint8Array(readFileSync(docx!)));
    expect(RichDoc.safeParse(doc).success).toBe(true);
    const kinds = doc.content.map((b) => b.type);
    expect(kinds).toContain('heading');
    expect(kinds).toContain('table');
    expect(kinds.some((k) => k === 'orderedList' || k === 'bulletList')).toBe(true);
    const texts = docTexts(doc).join('\n');
    for (const t of [
      'RESOLUTSIOON',
      'rahuldada',
      'alapunkt',
      'Mari Maasikas',
      '48001010000',
      'Põhjendus & järeldus.',
    ])
      expect(texts).toContain(t);
    const paragraph = doc.content.find(
      (b) => b.type === 'paragraph' && b.content?.some((n) => n.type === 'text' && n.text === 'rahuldada'),
    );
    expect(paragraph).toBeDefined();
    if (paragraph?.type !== 'paragraph') throw new Error('no paragraph');
    expect(paragraph.content?.find((n) => n.type === 'text' && n.text === 'rahuldada')).toMatchObject({
      marks: [{ type: 'bold' }],
    });
  }, 150_000);

  it('refuses an empty file, random bytes and a zip that is not a Word file, with a reason', async () => {
    expect((await refusal(new Uint8Array())).reason).toBe('empty_file');
    expect((await refusal(new Uint8Array(randomBytes(4096)))).reason).toBe('not_docx');
    const zip = await refusal(plainZip('notes.txt', 'not a document'));
    expect(zip.code).toBe('invalid_input');
    expect(zip.reason).toBe('not_docx');
    const truncated = (await wordDraft()).slice(0, 300);
    expect((await refusal(truncated)).code).toBe('invalid_input');
  });
});

describe('the HTML reader', () => {
  it('decodes character references and reads attributes, void and self-closing tags', () => {
    const nodes = parseHtml(
      `<p class='a' data-x=1>A &amp; B &#8364; &#x20AC; &sect;<br />C<img src="x.png"></p>`,
    );
    expect(nodes).toEqual([
      {
        kind: 'element',
        tag: 'p',
        attrs: { class: 'a', 'data-x': '1' },
        children: [
          { kind: 'text', text: 'A & B € € §' },
          { kind: 'element', tag: 'br', attrs: {}, children: [] },
          { kind: 'text', text: 'C' },
          { kind: 'element', tag: 'img', attrs: { src: 'x.png' }, children: [] },
        ],
      },
    ]);
  });

  it('refuses a broken tag and says what was left out', () => {
    expect(() => parseHtml('<p class="a>text')).toThrow(AppError);
    const messages: string[] = [];
    const doc = htmlToRichDoc(
      '<p>Tekst<img src="data:x"/></p><p><sup><a href="#footnote-9">[9]</a></sup></p>',
      messages,
    );
    expect(doc).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tekst' }] }],
    });
    expect(messages).toEqual([
      'Images were left out: a draft holds text only.',
      'A footnote reference without its footnote was left out.',
    ]);
  });
});
