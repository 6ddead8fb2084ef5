import { z } from 'zod';

/**
 * The one document model of the procedural documents Chambers writes (issue 8 decisions, issue 9
 * minutes): a strict subset of ProseMirror's JSON, so the renderer's TipTap editor saves it as is,
 * the host validates it at the boundary, and one DOCX writer turns it into a court-ready file.
 *
 * Blocks: paragraph, heading (1–3), numberedParagraph (a reasoning paragraph: numbered by the
 * writer and the editor, never by the author, so reordering renumbers), bulletList / orderedList of
 * listItem, table of tableRow of tableCell / tableHeader. Inline: text (marks bold, italic,
 * underline, citation), footnote (an atom holding its own text), hardBreak.
 * Unknown keys are stripped; unknown node or mark types are refused with the path that has them.
 */

export const RICH_TEXT_MAX_TEXT = 200_000;

/** A citation of a legal provision ("VÕS § 208 lg 1"), of an earlier decision by case number, or by ECLI. */
export const CitationKind = z.enum(['provision', 'case', 'ecli']);
export type CitationKind = z.infer<typeof CitationKind>;

export const Mark = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('underline') }),
  z.object({
    type: z.literal('citation'),
    attrs: z.object({ kind: CitationKind, ref: z.string().trim().min(1).max(200) }),
  }),
]);
export type Mark = z.infer<typeof Mark>;

export const TextNode = z.object({
  type: z.literal('text'),
  text: z.string().min(1).max(RICH_TEXT_MAX_TEXT),
  marks: z.array(Mark).max(8).optional(),
});
export type TextNode = z.infer<typeof TextNode>;

/** A footnote: an inline atom where its number goes; its text is kept on the node. */
export const FootnoteNode = z.object({
  type: z.literal('footnote'),
  attrs: z.object({ text: z.string().max(4_000) }),
});
export type FootnoteNode = z.infer<typeof FootnoteNode>;

export const HardBreakNode = z.object({ type: z.literal('hardBreak') });

export const InlineNode = z.discriminatedUnion('type', [TextNode, FootnoteNode, HardBreakNode]);
export type InlineNode = z.infer<typeof InlineNode>;

const inlineContent = z.array(InlineNode).max(20_000).optional();

export const ParagraphNode = z.object({ type: z.literal('paragraph'), content: inlineContent });
export type ParagraphNode = z.infer<typeof ParagraphNode>;

export const HeadingNode = z.object({
  type: z.literal('heading'),
  attrs: z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }),
  content: inlineContent,
});
export type HeadingNode = z.infer<typeof HeadingNode>;

/** A numbered paragraph of the reasoning; its number is its place among the document's numbered paragraphs. */
export const NumberedParagraphNode = z.object({
  type: z.literal('numberedParagraph'),
  content: inlineContent,
});
export type NumberedParagraphNode = z.infer<typeof NumberedParagraphNode>;

export interface ListItemNode {
  type: 'listItem';
  content: (ParagraphNode | BulletListNode | OrderedListNode)[];
}
export interface BulletListNode {
  type: 'bulletList';
  content: ListItemNode[];
}
export interface OrderedListNode {
  type: 'orderedList';
  attrs?: { start?: number | undefined } | undefined;
  content: ListItemNode[];
}

export const ListItemNode: z.ZodType<ListItemNode> = z.lazy(() =>
  z.object({
    type: z.literal('listItem'),
    content: z
      .array(z.union([ParagraphNode, BulletListNode, OrderedListNode]))
      .min(1)
      .max(200),
  }),
);
export const BulletListNode: z.ZodType<BulletListNode> = z.lazy(() =>
  z.object({ type: z.literal('bulletList'), content: z.array(ListItemNode).min(1).max(2_000) }),
);
export const OrderedListNode: z.ZodType<OrderedListNode> = z.lazy(() =>
  z.object({
    type: z.literal('orderedList'),
    attrs: z.object({ start: z.number().int().min(1).max(100_000).optional() }).optional(),
    content: z.array(ListItemNode).min(1).max(2_000),
  }),
);

export const TableCellNode = z.object({
  type: z.enum(['tableCell', 'tableHeader']),
  attrs: z
    .object({
      colspan: z.number().int().min(1).max(50).optional(),
      rowspan: z.number().int().min(1).max(500).optional(),
      colwidth: z.array(z.number().int().min(1).max(5_000)).nullable().optional(),
    })
    .optional(),
  content: z.array(ParagraphNode).min(1).max(200),
});
export type TableCellNode = z.infer<typeof TableCellNode>;

export const TableRowNode = z.object({
  type: z.literal('tableRow'),
  content: z.array(TableCellNode).min(1).max(50),
});
export type TableRowNode = z.infer<typeof TableRowNode>;

export const TableNode = z.object({
  type: z.literal('table'),
  content: z.array(TableRowNode).min(1).max(2_000),
});
export type TableNode = z.infer<typeof TableNode>;

export const BlockNode = z.union([
  ParagraphNode,
  HeadingNode,
  NumberedParagraphNode,
  BulletListNode,
  OrderedListNode,
  TableNode,
]);
export type BlockNode = z.infer<typeof BlockNode>;

export const RichDoc = z.object({ type: z.literal('doc'), content: z.array(BlockNode).max(50_000) });
export type RichDoc = z.infer<typeof RichDoc>;

export const EMPTY_DOC: RichDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

/** A document of plain paragraphs, one per line of `text` (blank lines dropped). */
export function docFromText(text: string): RichDoc {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return EMPTY_DOC;
  return {
    type: 'doc',
    content: lines.map((l) => ({ type: 'paragraph', content: [{ type: 'text', text: l }] })),
  };
}

/** The plain text of inline content: footnotes become nothing, hard breaks a space. */
export function inlineText(content: readonly InlineNode[] | undefined): string {
  return (content ?? [])
    .map((n) => (n.type === 'text' ? n.text : n.type === 'hardBreak' ? ' ' : ''))
    .join('');
}

function blockTexts(block: BlockNode, out: string[]): void {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'numberedParagraph':
      out.push(inlineText(block.content));
      for (const n of block.content ?? []) if (n.type === 'footnote') out.push(n.attrs.text);
      return;
    case 'bulletList':
    case 'orderedList':
      for (const item of block.content) for (const b of item.content) blockTexts(b, out);
      return;
    case 'table':
      for (const row of block.content)
        for (const cell of row.content) for (const p of cell.content) blockTexts(p, out);
      return;
  }
}

/** Every text of the document (paragraphs, cells, footnotes), one string per block. */
export function docTexts(doc: RichDoc): string[] {
  const out: string[] = [];
  for (const block of doc.content) blockTexts(block, out);
  return out;
}

/** Words as a word processor counts them: runs of letters or digits, footnotes included. */
/** Whether the document has any text (a section left empty is only blank paragraphs). */
export const hasText = (doc: RichDoc): boolean => docTexts(doc).some((text) => text.trim() !== '');

export function wordCount(doc: RichDoc): number {
  let n = 0;
  for (const text of docTexts(doc)) n += text.match(/[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return n;
}
