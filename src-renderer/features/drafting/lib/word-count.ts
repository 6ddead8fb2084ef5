import { wordCount, type RichDoc } from '../../../../src-shared/domain/rich-text';

const counted = new WeakMap<RichDoc, number>();

/**
 * The words of a document, counted once per document object: a change makes a new RichDoc (the
 * editor's JSON, a restored version), so the editor's count and the draft's total share the work
 * and an unchanged section is never counted again.
 */
export function wordsOf(doc: RichDoc): number {
  let words = counted.get(doc);
  if (words === undefined) {
    words = wordCount(doc);
    counted.set(doc, words);
  }
  return words;
}
