import type { RichDoc } from '../../../../../src-shared/domain/rich-text';

/** How many numbered paragraphs the document has: the next section starts after them. */
export function countNumbered(doc: RichDoc): number {
  let n = 0;
  for (const block of doc.content) if (block.type === 'numberedParagraph') n += 1;
  return n;
}
