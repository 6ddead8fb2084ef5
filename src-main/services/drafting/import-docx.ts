import mammoth from 'mammoth';
import { AppError, DRAFT_IMPORT_MAX_BYTES } from '../../../src-shared/contract/index.js';
import {
  type BlockNode,
  EMPTY_DOC,
  type InlineNode,
  type ListItemNode,
  type Mark,
  type ParagraphNode,
  RichDoc,
  type TableCellNode,
  type TableRowNode,
} from '../../../src-shared/domain/rich-text.js';
import { type HtmlElement, type HtmlNode, parseHtml } from './drafts-html.js';

/**
 * A Word file brought in as a draft (issue 8): mammoth turns the DOCX into simple HTML, which is
 * read back into the one document model — headings (h1→1, h2→2, h3 and below→3), paragraphs,
 * nested lists, tables, bold/italic/underline, hard breaks and footnotes (mammoth's references and
 * its closing list of footnotes become footnote atoms again). Images and other things the model
 * has no place for are left out and named in `messages`.
 */

export interface ImportedDocx {
  doc: RichDoc;
  /** What was left out or changed, for the user (in English, like mammoth's own). */
  messages: string[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Refuses what is clearly not a Word file before mammoth reads it. */
export function checkDocxBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new AppError('invalid_input', 'The file is empty.', { reason: 'empty_file' });
  if (bytes.length > DRAFT_IMPORT_MAX_BYTES)
    throw new AppError(
      'invalid_input',
      `The file is larger than ${DRAFT_IMPORT_MAX_BYTES / 1024 / 1024} MB, the most a draft can be imported from.`,
      { reason: 'file_too_large' },
    );
  if (bytes.length < 4 || ZIP_MAGIC.some((b, i) => bytes[i] !== b))
    throw new AppError('invalid_input', 'The file is not a Word document (.docx).', { reason: 'not_docx' });
}

export async function importDocx(bytes: Uint8Array): Promise<ImportedDocx> {
  checkDocxBytes(bytes);
  let html: string;
  const messages: string[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: ['u => u'], ignoreEmptyParagraphs: true },
    );
    html = result.value;
    for (const m of result.messages) if (m.type === 'error') messages.push(m.message);
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `The file is not a Word document (.docx) that can be read: ${(error as Error).message}`,
      { reason: 'not_docx' },
    );
  }
  const doc = htmlToRichDoc(html, messages);
  return { doc, messages };
}

interface Context {
  footnotes: Map<string, string>;
  messages: Set<string>;
}

/** mammoth's HTML as a RichDoc; what it drops is added to `messages`. */
export function htmlToRichDoc(html: string, messages: string[] = []): RichDoc {
  const root = parseHtml(html);
  const ctx: Context = { footnotes: new Map(), messages: new Set() };
  const body = takeFootnotes(root, ctx);
  const content = blocks(body, ctx);
  for (const m of ctx.messages) messages.push(m);
  const parsed = RichDoc.safeParse({ type: 'doc', content });
  if (!parsed.success)
    throw new AppError(
      'invalid_input',
      `The document cannot be taken in: ${parsed.error.issues[0]?.message}`,
      {
        reason: 'not_importable',
      },
    );
  return parsed.data.content.length === 0 ? EMPTY_DOC : parsed.data;
}

const FOOTNOTE_ID = /^(?:footnote|endnote)-(\d+)$/;
const FOOTNOTE_REF = /^#((?:footnote|endnote)-\d+)$/;
const BACK_LINK = /^#(?:footnote|endnote)-ref-\d+$/;

const isElement = (n: HtmlNode): n is HtmlElement => n.kind === 'element';

/** mammoth's closing lists of footnotes (and endnotes): their texts by id, the rest of the body. */
function takeFootnotes(nodes: readonly HtmlNode[], ctx: Context): HtmlNode[] {
  return nodes.filter((n) => {
    if (!isElement(n) || n.tag !== 'ol') return true;
    const items = n.children.filter(isElement);
    if (items.length === 0 || !items.every((li) => li.tag === 'li' && FOOTNOTE_ID.test(li.attrs.id ?? '')))
      return true;
    for (const li of items) ctx.footnotes.set(li.attrs.id!, footnoteText(li.children).trim());
    return false;
  });
}

/** The plain text of a footnote, without mammoth's link back to the reference ("↑"). */
function footnoteText(nodes: readonly HtmlNode[]): string {
  const parts: string[] = [];
  for (const n of nodes) {
    if (n.kind === 'text') parts.push(n.text);
    else if (n.tag === 'a' && BACK_LINK.test(n.attrs.href ?? '')) continue;
    else if (n.tag === 'br') parts.push(' ');
    else {
      const inner = footnoteText(n.children);
      parts.push(BLOCK_TAGS.has(n.tag) && parts.length > 0 ? ` ${inner}` : inner);
    }
  }
  return parts.join('').replace(/\s+/g, ' ');
}

const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'td',
  'th',
]);
const TRANSPARENT_BLOCKS = new Set(['thead', 'tbody', 'tfoot', 'div', 'blockquote']);

/** Block content: loose inline runs become paragraphs. */
function blocks(nodes: readonly HtmlNode[], ctx: Context): BlockNode[] {
  const out: BlockNode[] = [];
  let loose: HtmlNode[] = [];
  const flush = () => {
    const p = paragraph(loose, ctx);
    if (p.content) out.push(p);
    loose = [];
  };
  for (const n of nodes) {
    if (!isElement(n) || !(BLOCK_TAGS.has(n.tag) || TRANSPARENT_BLOCKS.has(n.tag))) {
      loose.push(n);
      continue;
    }
    flush();
    out.push(...block(n, ctx));
  }
  flush();
  return out;
}

function block(el: HtmlElement, ctx: Context): BlockNode[] {
  switch (el.tag) {
    case 'p': {
      const p = paragraph(el.children, ctx);
      return p.content ? [p] : [];
    }
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6': {
      const level = Math.min(Number(el.tag[1]), 3) as 1 | 2 | 3;
      const content = inline(el.children, ctx, []);
      return content.length > 0 ? [{ type: 'heading', attrs: { level }, content }] : [];
    }
    case 'ul':
    case 'ol':
      return list(el, ctx);
    case 'table':
      return table(el, ctx);
    case 'li':
    case 'tr':
    case 'td':
    case 'th':
      // Out of place (a cell outside a table): its text is kept as paragraphs.
      return blocks(el.children, ctx);
    default:
      return blocks(el.children, ctx);
  }
}

function paragraph(nodes: readonly HtmlNode[], ctx: Context): ParagraphNode {
  const content = trimBreaks(inline(nodes, ctx, []));
  const blank = content.every((n) => n.type === 'hardBreak' || (n.type === 'text' && n.text.trim() === ''));
  return blank ? { type: 'paragraph' } : { type: 'paragraph', content };
}

function list(el: HtmlElement, ctx: Context): BlockNode[] {
  const items: ListItemNode[] = [];
  for (const child of el.children) {
    if (isElement(child) && child.tag === 'li') {
      const content = blocks(child.children, ctx).flatMap(listItemBlock);
      items.push({ type: 'listItem', content: content.length > 0 ? content : [{ type: 'paragraph' }] });
    } else if (isElement(child) && (child.tag === 'ul' || child.tag === 'ol') && items.length > 0) {
      // A nested list outside an item belongs to the item before it.
      items.at(-1)!.content.push(...(list(child, ctx) as ListItemNode['content']));
    } else if (child.kind === 'text' && child.text.trim() === '') continue;
    else items.push({ type: 'listItem', content: [paragraph([child], ctx)] });
  }
  if (items.length === 0) return [];
  if (el.tag === 'ul') return [{ type: 'bulletList', content: items }];
  const start = Number(el.attrs.start);
  return [
    {
      type: 'orderedList',
      ...(Number.isInteger(start) && start > 1 && start <= 100_000 ? { attrs: { start } } : {}),
      content: items,
    },
  ];
}

/** What a list item can hold: paragraphs and lists; a heading or table inside becomes paragraphs. */
function listItemBlock(b: BlockNode): ListItemNode['content'] {
  if (b.type === 'paragraph' || b.type === 'bulletList' || b.type === 'orderedList') return [b];
  return flatParagraphs(b);
}

function flatParagraphs(b: BlockNode): ParagraphNode[] {
  switch (b.type) {
    case 'paragraph':
      return [b];
    case 'heading':
    case 'numberedParagraph':
      return [b.content ? { type: 'paragraph', content: b.content } : { type: 'paragraph' }];
    case 'bulletList':
    case 'orderedList':
      return b.content.flatMap((item) => item.content.flatMap(flatParagraphs));
    case 'table':
      return b.content.flatMap((row) => row.content.flatMap((cell) => cell.content));
  }
}

function table(el: HtmlElement, ctx: Context): BlockNode[] {
  const rows: TableRowNode[] = [];
  const visit = (nodes: readonly HtmlNode[]) => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.tag === 'tr') {
        const cells = n.children.filter(isElement).filter((c) => c.tag === 'td' || c.tag === 'th');
        if (cells.length > 0) rows.push({ type: 'tableRow', content: cells.map((c) => cell(c, ctx)) });
      } else if (TRANSPARENT_BLOCKS.has(n.tag)) visit(n.children);
    }
  };
  visit(el.children);
  return rows.length > 0 ? [{ type: 'table', content: rows }] : [];
}

function cell(el: HtmlElement, ctx: Context): TableCellNode {
  const content = blocks(el.children, ctx).flatMap(flatParagraphs);
  const span = (name: string, max: number) => {
    const n = Number(el.attrs[name]);
    return Number.isInteger(n) && n > 1 && n <= max ? n : undefined;
  };
  const colspan = span('colspan', 50);
  const rowspan = span('rowspan', 500);
  const attrs = {
    ...(colspan !== undefined ? { colspan } : {}),
    ...(rowspan !== undefined ? { rowspan } : {}),
  };
  return {
    type: el.tag === 'th' ? 'tableHeader' : 'tableCell',
    ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
    content: content.length > 0 ? content : [{ type: 'paragraph' }],
  };
}

type SimpleMark = 'bold' | 'italic' | 'underline';
const MARK_OF: Readonly<Record<string, SimpleMark>> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
};
const MARK_ORDER: readonly SimpleMark[] = ['bold', 'italic', 'underline'];

/** Inline content with the marks of the elements around it; adjacent runs of the same marks are joined. */
function inline(nodes: readonly HtmlNode[], ctx: Context, marks: readonly SimpleMark[]): InlineNode[] {
  const out: InlineNode[] = [];
  const push = (node: InlineNode) => {
    const last = out.at(-1);
    if (node.type === 'text' && last?.type === 'text' && sameMarks(last.marks, node.marks))
      out[out.length - 1] = { ...last, text: last.text + node.text };
    else out.push(node);
  };
  for (const n of nodes) {
    if (n.kind === 'text') {
      const text = n.text.replace(/[\r\n\t]+/g, ' ');
      if (text === '') continue;
      const sorted = MARK_ORDER.filter((m) => marks.includes(m));
      push(
        sorted.length > 0
          ? { type: 'text', text, marks: sorted.map((type) => ({ type })) }
          : { type: 'text', text },
      );
      continue;
    }
    const ref = footnoteRef(n);
    if (ref !== null) {
      const text = ctx.footnotes.get(ref);
      if (text === undefined) ctx.messages.add('A footnote reference without its footnote was left out.');
      else push({ type: 'footnote', attrs: { text: text.slice(0, 4_000) } });
      continue;
    }
    if (n.tag === 'br') push({ type: 'hardBreak' });
    else if (n.tag === 'img') ctx.messages.add('Images were left out: a draft holds text only.');
    else if (BLOCK_TAGS.has(n.tag) || TRANSPARENT_BLOCKS.has(n.tag)) {
      // A block inside a paragraph (mammoth makes none): its text continues the line.
      if (out.length > 0) push({ type: 'hardBreak' });
      for (const child of inline(n.children, ctx, marks)) push(child);
    } else {
      const mark = MARK_OF[n.tag];
      for (const child of inline(n.children, ctx, mark ? [...marks, mark] : marks)) push(child);
    }
  }
  return out;
}

/** The footnote id a `<sup><a href="#footnote-1">` (or the bare link) refers to, or null. */
function footnoteRef(el: HtmlElement): string | null {
  if (el.tag === 'a') return FOOTNOTE_REF.exec(el.attrs.href ?? '')?.[1] ?? null;
  if (el.tag !== 'sup') return null;
  const links = el.children.filter((c) => !(c.kind === 'text' && c.text.trim() === ''));
  return links.length === 1 && isElement(links[0]!) ? footnoteRef(links[0]) : null;
}

function sameMarks(a: readonly Mark[] | undefined, b: readonly Mark[] | undefined): boolean {
  const x = (a ?? []).map((m) => m.type).join();
  const y = (b ?? []).map((m) => m.type).join();
  return x === y;
}

/** Hard breaks at the ends of a paragraph carry nothing. */
function trimBreaks(content: InlineNode[]): InlineNode[] {
  let start = 0;
  let end = content.length;
  while (start < end && content[start]!.type === 'hardBreak') start++;
  while (end > start && content[end - 1]!.type === 'hardBreak') end--;
  return content.slice(start, end);
}
