import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IStylesOptions,
} from 'docx';
import type { CourtDocument } from './court-document.js';
import { DocxContext, TEXT_WIDTH_TWIPS, baseNumbering, linesRuns, richDocToDocx } from './rich-text-docx.js';

/**
 * The court's DOCX (issue 8 item 4, issue 9 minutes): A4, Times New Roman 12 pt at 1.15 line
 * spacing, margins 2.5 cm left and 2 cm elsewhere, the court's name in every page header,
 * "Lk X / Y" in the footer (Word's PAGE and NUMPAGES fields), the introduction as a borderless
 * two-column table, headings bold in capitals, the numbered paragraphs as one Word list.
 */

export const PAGE = {
  width: 11_906, // A4, twips
  height: 16_838,
  margin: { left: 1_418, right: 1_134, top: 1_134, bottom: 1_134, header: 567, footer: 567 },
} as const;
const FONT = 'Times New Roman';
const SIZE = 24; // half-points: 12 pt
const LINE = 276; // 240ths of a line: 1.15

export const COURT_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: SIZE, language: { value: 'et-EE' } },
      paragraph: { spacing: { line: LINE, after: 120 } },
    },
    title: {
      run: { font: FONT, size: 28, bold: true, allCaps: true, color: '000000' },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 } },
    },
    heading1: {
      run: { font: FONT, size: SIZE, bold: true, allCaps: true, color: '000000' },
      paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: FONT, size: SIZE, bold: true, italics: false, color: '000000' },
      paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
    },
    heading3: {
      run: { font: FONT, size: SIZE, bold: true, italics: true, color: '000000' },
      paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
    },
    heading4: {
      run: { font: FONT, size: SIZE, italics: true, color: '000000' },
      paragraph: { spacing: { before: 120, after: 120 }, keepNext: true },
    },
  },
  paragraphStyles: [
    {
      id: 'FootnoteText',
      name: 'footnote text',
      basedOn: 'Normal',
      run: { font: FONT, size: 20 },
      paragraph: { spacing: { line: 240, after: 0 } },
    },
  ],
};

function fieldsTable(fields: CourtDocument['fields']): Table {
  const labelWidth = 3_700;
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      children,
      width: { size: width, type: WidthType.DXA },
      margins: { left: 0, right: 113, top: 0, bottom: 40 },
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: [labelWidth, TEXT_WIDTH_TWIPS - labelWidth],
    borders: TableBorders.NONE,
    rows: fields.map(
      (field) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([new Paragraph({ children: linesRuns(field.label), spacing: { after: 60 } })], labelWidth),
            cell(
              [new Paragraph({ children: linesRuns(field.value), spacing: { after: 60 } })],
              TEXT_WIDTH_TWIPS - labelWidth,
            ),
          ],
        }),
    ),
  });
}

function header(courtName: string): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 4 } },
        children: [new TextRun({ text: courtName, size: 20 })],
      }),
    ],
  });
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ size: 20, children: ['Lk ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/** The document's body: title, introduction, sections, signature. */
function body(doc: CourtDocument, ctx: DocxContext): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: linesRuns(doc.title) }),
  ];
  if (doc.subtitle)
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: linesRuns(doc.subtitle) }));
  if (doc.fields.length > 0) {
    out.push(new Paragraph({ children: [], spacing: { after: 0 } }));
    out.push(fieldsTable(doc.fields));
  }
  for (const section of doc.sections) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: linesRuns(section.heading) }));
    out.push(...richDocToDocx(section.content, ctx));
  }
  (doc.signature ?? []).forEach((line, i) => {
    out.push(
      new Paragraph({
        children: [new TextRun(line)],
        keepNext: true,
        keepLines: true,
        spacing: { before: i === 0 ? 480 : 0, after: 0 },
      }),
    );
  });
  return out;
}

/** The document as a .docx file's bytes. */
export async function renderCourtDocx(doc: CourtDocument): Promise<Uint8Array> {
  const ctx = new DocxContext();
  const children = body(doc, ctx);
  const document = new Document({
    title: `${doc.title} ${doc.caseNumber}`,
    subject: doc.caseNumber,
    creator: doc.properties?.author ?? doc.courtName,
    description: doc.properties?.description,
    styles: COURT_STYLES,
    numbering: { config: [...baseNumbering(), ...ctx.extraNumbering] },
    footnotes: ctx.footnotes,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: PAGE.margin,
          },
        },
        headers: { default: header(doc.courtName) },
        footers: { default: footer() },
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
