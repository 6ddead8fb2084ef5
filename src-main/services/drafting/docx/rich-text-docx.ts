import {
  AlignmentType,
  BorderStyle,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type NumberingDefinition,
  type ParagraphChild,
} from 'docx';
import type {
  BlockNode,
  BulletListNode,
  InlineNode,
  OrderedListNode,
  RichDoc,
  TableNode,
} from '../../../../src-shared/domain/rich-text.js';

/**
 * RichDoc → docx paragraphs and tables. Numbered paragraphs share one Word numbering instance across
 * the whole document (the reasoning continues 1, 2, 3 … from section to section); each bullet or
 * ordered list is an instance of its own; footnotes become real Word footnotes.
 */

export const NUMBERING = {
  reasoning: 'court-reasoning',
  bullet: 'court-bullet',
  ordered: 'court-ordered',
} as const;
/** The numbered paragraphs of a whole document are one list. */
const REASONING_INSTANCE = 1;
/** The width the text may take on an A4 page with the court's margins, in twips. */
export const TEXT_WIDTH_TWIPS = 11_906 - 1_418 - 1_134;

const LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
const listIndent = (level: number) => ({ left: 720 + 360 * level, hanging: 360 });
const BULLETS = ['•', '◦', '▪'] as const;
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;

function orderedDefinition(reference: string, start: number): NumberingDefinition {
  return {
    reference,
    levels: LEVELS.map((level) => ({
      level,
      format: ORDERED_FORMATS[level % 3]!,
      text: `%${level + 1})`,
      start: level === 0 ? start : 1,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: listIndent(level) } },
    })),
  };
}

/** The numbering every court document has; lists starting past 1 add their own. */
export function baseNumbering(): NumberingDefinition[] {
  return [
    {
      reference: NUMBERING.reasoning,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 567, hanging: 567 } } },
        },
      ],
    },
    {
      reference: NUMBERING.bullet,
      levels: LEVELS.map((level) => ({
        level,
        format: LevelFormat.BULLET,
        text: BULLETS[level % 3]!,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: listIndent(level) } },
      })),
    },
    orderedDefinition(NUMBERING.ordered, 1),
  ];
}

/** What converting collects for the document around it. */
export class DocxContext {
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  readonly extraNumbering: NumberingDefinition[] = [];
  private nextFootnote = 1;
  private nextInstance = REASONING_INSTANCE + 1;

  footnote(text: string): number {
    const id = this.nextFootnote++;
    this.footnotes[String(id)] = { children: [new Paragraph({ children: [new TextRun(text)] })] };
    return id;
  }

  listInstance(): number {
    return this.nextInstance++;
  }

  orderedReference(start: number): string {
    if (start <= 1) return NUMBERING.ordered;
    const reference = `${NUMBERING.ordered}-from-${start}`;
    if (!this.extraNumbering.some((d) => d.reference === reference))
      this.extraNumbering.push(orderedDefinition(reference, start));
    return reference;
  }
}

interface RunStyle {
  bold?: boolean;
}

export function inlineRuns(
  content: readonly InlineNode[] | undefined,
  ctx: DocxContext,
  base: RunStyle = {},
): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const node of content ?? []) {
    switch (node.type) {
      case 'text': {
        const marks = new Set((node.marks ?? []).map((m) => m.type));
        runs.push(
          new TextRun({
            text: node.text,
            bold: base.bold || marks.has('bold') || undefined,
            italics: marks.has('italic') || undefined,
            underline: marks.has('underline') ? {} : undefined,
          }),
        );
        break;
      }
      case 'hardBreak':
        runs.push(new TextRun({ break: 1 }));
        break;
      case 'footnote':
        runs.push(new FootnoteReferenceRun(ctx.footnote(node.attrs.text)));
        break;
    }
  }
  return runs;
}

/** A value with "\n" line breaks as runs. */
export function linesRuns(text: string, base: RunStyle = {}): TextRun[] {
  return text
    .split('\n')
    .map((line, i) => new TextRun({ text: line, bold: base.bold, break: i > 0 ? 1 : undefined }));
}

const HEADINGS = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

function list(
  node: BulletListNode | OrderedListNode,
  level: number,
  ctx: DocxContext,
  out: Paragraph[],
): void {
  const reference =
    node.type === 'bulletList' ? NUMBERING.bullet : ctx.orderedReference(node.attrs?.start ?? 1);
  const instance = ctx.listInstance();
  const depth = Math.min(level, 8);
  for (const item of node.content) {
    let first = true;
    for (const child of item.content) {
      if (child.type === 'paragraph') {
        out.push(
          new Paragraph({
            children: inlineRuns(child.content, ctx),
            alignment: AlignmentType.LEFT,
            ...(first
              ? { numbering: { reference, level: depth, instance } }
              : { indent: { left: listIndent(depth).left } }),
          }),
        );
        first = false;
      } else {
        list(child, level + 1, ctx, out);
      }
    }
  }
}

/** The grid columns of a table whose cells may span rows and columns. */
function gridColumns(node: TableNode): number {
  const taken: number[] = []; // rows still covered by a cell above, per column
  let columns = 0;
  for (const row of node.content) {
    let col = 0;
    for (const cell of row.content) {
      while ((taken[col] ?? 0) > 0) col++;
      const span = cell.attrs?.colspan ?? 1;
      for (let c = col; c < col + span; c++) taken[c] = cell.attrs?.rowspan ?? 1;
      col += span;
    }
    columns = Math.max(columns, col, taken.length);
    for (let c = 0; c < taken.length; c++) taken[c] = Math.max(0, (taken[c] ?? 0) - 1);
  }
  return Math.max(1, columns);
}

function columnWidths(node: TableNode, columns: number): number[] {
  const first = node.content[0]?.content ?? [];
  const widths = first.flatMap((cell) => cell.attrs?.colwidth ?? []);
  const known = widths.length === columns && widths.every((w) => w > 0);
  const weights = known ? widths : Array.from({ length: columns }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((w / total) * TEXT_WIDTH_TWIPS));
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function table(node: TableNode, ctx: DocxContext): Table {
  const columns = gridColumns(node);
  const rows = node.content.map((row) => {
    const header = row.content.every((cell) => cell.type === 'tableHeader');
    return new TableRow({
      tableHeader: header || undefined,
      cantSplit: true,
      children: row.content.map((cell) => {
        const isHeader = cell.type === 'tableHeader';
        return new TableCell({
          columnSpan: cell.attrs?.colspan,
          rowSpan: cell.attrs?.rowspan,
          shading: isHeader ? { fill: 'E8E8E8' } : undefined,
          margins: { left: 85, right: 85, top: 28, bottom: 28 },
          children: cell.content.map(
            (p) =>
              new Paragraph({
                children: inlineRuns(p.content, ctx, { bold: isHeader }),
                alignment: AlignmentType.LEFT,
                spacing: { after: 0 },
              }),
          ),
        });
      }),
    });
  });
  return new Table({
    rows,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: columnWidths(node, columns),
    borders: {
      top: CELL_BORDER,
      bottom: CELL_BORDER,
      left: CELL_BORDER,
      right: CELL_BORDER,
      insideHorizontal: CELL_BORDER,
      insideVertical: CELL_BORDER,
    },
  });
}

function block(node: BlockNode, ctx: DocxContext, out: (Paragraph | Table)[]): void {
  switch (node.type) {
    case 'paragraph':
      out.push(
        new Paragraph({ children: inlineRuns(node.content, ctx), alignment: AlignmentType.JUSTIFIED }),
      );
      return;
    case 'heading':
      out.push(
        new Paragraph({ children: inlineRuns(node.content, ctx), heading: HEADINGS[node.attrs.level - 1] }),
      );
      return;
    case 'numberedParagraph':
      out.push(
        new Paragraph({
          children: inlineRuns(node.content, ctx),
          alignment: AlignmentType.JUSTIFIED,
          numbering: { reference: NUMBERING.reasoning, level: 0, instance: REASONING_INSTANCE },
        }),
      );
      return;
    case 'bulletList':
    case 'orderedList': {
      const paragraphs: Paragraph[] = [];
      list(node, 0, ctx, paragraphs);
      out.push(...paragraphs);
      return;
    }
    case 'table':
      out.push(table(node, ctx));
      // Word joins two tables in a row into one: a paragraph keeps them apart.
      out.push(new Paragraph({ children: [], spacing: { after: 0 } }));
      return;
  }
}

/** The blocks of a document, in order. */
export function richDocToDocx(doc: RichDoc, ctx: DocxContext): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const node of doc.content) block(node, ctx, out);
  return out;
}
