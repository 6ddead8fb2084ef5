import type { DecisionTemplate, DraftSection } from '../../../src-shared/contract/index.js';
import {
  type BlockNode,
  EMPTY_DOC,
  type InlineNode,
  type RichDoc,
  docFromText,
  inlineText,
} from '../../../src-shared/domain/rich-text.js';
import { fillTemplateText } from './templates.js';

/** A new draft's sections: the template's, each starting with its `initial` text (appeal route filled in). */
export function initialSections(template: DecisionTemplate): DraftSection[] {
  return template.sections.map((s) => ({
    id: s.id,
    heading: s.heading,
    role: s.role,
    required: s.required,
    ...(s.hint !== undefined ? { hint: s.hint } : {}),
    content: s.initial
      ? asRole(docFromText(s.initial.map((t) => fillTemplateText(t, template.appeal)).join('\n')), s.role)
      : EMPTY_DOC,
  }));
}

const normalise = (text: string) =>
  text
    .toLocaleLowerCase('et')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[\s:.]+$/, '')
    .trim();

/** The text of a heading, or of a paragraph that is only a heading line, that names a section. */
function headingText(block: BlockNode): string | null {
  if (block.type === 'heading' || block.type === 'paragraph') return normalise(inlineText(block.content));
  return null;
}

const LEADING_NUMBER = /^\s*\d{1,4}[.)]\s+/;

/** A paragraph of the reasoning becomes a numbered paragraph; a typed-in number is dropped. */
function numbered(content: InlineNode[] | undefined): BlockNode {
  const first = content?.[0];
  if (first?.type === 'text' && LEADING_NUMBER.test(first.text)) {
    const text = first.text.replace(LEADING_NUMBER, '');
    const rest = content!.slice(1);
    return { type: 'numberedParagraph', content: text ? [{ ...first, text }, ...rest] : rest };
  }
  return content ? { type: 'numberedParagraph', content } : { type: 'numberedParagraph' };
}

/**
 * The reasoning is written in numbered paragraphs: its plain paragraphs, and an ordered list of
 * one-paragraph items (Word's numbered paragraphs as mammoth reads them), become numbered paragraphs.
 */
export function asRole(doc: RichDoc, role: DraftSection['role']): RichDoc {
  if (role !== 'reasoning') return doc;
  const content: BlockNode[] = [];
  for (const block of doc.content) {
    if (block.type === 'paragraph') content.push(numbered(block.content));
    else if (block.type === 'orderedList') {
      const paragraphs = block.content.map((item) => item.content[0]);
      const simple =
        block.content.every((item) => item.content.length === 1) &&
        paragraphs.every((p) => p?.type === 'paragraph');
      if (simple) for (const p of paragraphs) if (p?.type === 'paragraph') content.push(numbered(p.content));
      if (!simple) content.push(block);
    } else content.push(block);
  }
  return { type: 'doc', content };
}

export interface SplitResult {
  sections: DraftSection[];
  /** How the text was placed, for the user. */
  message: string;
}

/**
 * Places an imported document into the template's sections: where the document has headings (or
 * heading lines) that match the template's section headings, case-insensitively, each part goes
 * to its section; text before the first match, or the whole text when nothing matches, goes to
 * the reasoning (or the last section when the template has none).
 */
export function splitIntoSections(template: DecisionTemplate, doc: RichDoc): SplitResult {
  const sections = initialSections(template);
  const byHeading = new Map(sections.map((s, i) => [normalise(s.heading), i]));
  const reasoning = sections.findIndex((s) => s.role === 'reasoning');
  const fallback = reasoning >= 0 ? reasoning : sections.length - 1;
  const parts = new Map<number, BlockNode[]>();
  const seen = new Set<number>();
  let current = fallback;
  for (const block of doc.content) {
    const text = headingText(block);
    const index = text ? byHeading.get(text) : undefined;
    if (index !== undefined && !seen.has(index)) {
      current = index;
      seen.add(index);
      continue;
    }
    const list = parts.get(current);
    if (list) list.push(block);
    else parts.set(current, [block]);
  }
  // An imported decision brings its own texts: a section it has nothing for starts empty.
  const filled = sections.map((section, index) => {
    const blocks = parts.get(index) ?? [];
    const content: RichDoc = blocks.length > 0 ? { type: 'doc', content: blocks } : EMPTY_DOC;
    return { ...section, content: asRole(content, section.role) };
  });
  const matched = [...seen].sort((a, b) => a - b).map((i) => sections[i]!.heading);
  const into = sections[fallback]!.heading;
  const message =
    matched.length === 0
      ? `The document has no headings matching the template's sections; all of its text was put into "${into}".`
      : `The document was split by its headings into ${matched.map((h) => `"${h}"`).join(', ')}` +
        (parts.has(fallback) && !seen.has(fallback) ? `; the text before them was put into "${into}".` : '.');
  return { sections: filled, message };
}
