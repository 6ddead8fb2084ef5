import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useEditorState } from '@tiptap/react';
import { useEffect, useState } from 'react';
import type { RichDoc } from '../../../../../src-shared/domain/rich-text';
import { useI18n } from '../../../../i18n/use-t';
import { wordsOf } from '../../lib/word-count';
import { footnoteTexts } from '../extensions/footnote';

const WORD_COUNT_DELAY_MS = 400;

/** The word count under the editor, counted at most every 400 ms while typing; read out politely. */
export function WordCount({ editor }: { editor: Editor }) {
  const { plural } = useI18n();
  const [count, setCount] = useState(() => (editor.isDestroyed ? 0 : countWords(editor)));

  useEffect(() => {
    if (editor.isDestroyed) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Every change of the text, typed or set from outside (setContent without an update event).
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged || timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        if (!editor.isDestroyed) setCount(countWords(editor));
      }, WORD_COUNT_DELAY_MS);
    };
    editor.on('transaction', onTransaction);
    setCount(countWords(editor));
    return () => {
      editor.off('transaction', onTransaction);
      if (timer !== null) clearTimeout(timer);
    };
  }, [editor]);

  return (
    <p className="rte-words" aria-live="polite" data-testid="word-count" data-count={count}>
      {plural('draftingEditor.words', count)}
    </p>
  );
}

const docs = new WeakMap<ProseMirrorNode, RichDoc>();

/**
 * The editor's document as RichDoc, made once per change: ProseMirror makes a new document node
 * for every change, so one keystroke costs one getJSON however many read it (the change sent out,
 * the word count). The schema is exactly RichDoc (pinned by drafting-editor-extensions.test.ts),
 * so the JSON is not parsed again.
 */
export function currentDoc(editor: Editor): RichDoc {
  const node = editor.state.doc;
  let doc = docs.get(node);
  if (!doc) {
    doc = editor.getJSON() as RichDoc;
    docs.set(node, doc);
  }
  return doc;
}

const countWords = (editor: Editor) => wordsOf(currentDoc(editor));

export interface FootnoteListProps {
  editor: Editor;
  onEdit(pos: number, text: string): void;
}

/** The footnotes under the text, numbered as in the text; each can be opened for editing. */
export function FootnoteList({ editor, onEdit }: FootnoteListProps) {
  const { t } = useI18n();
  const notes = useEditorState({ editor, selector: ({ editor: e }) => footnoteTexts(e.state.doc) });
  if (notes.length === 0) return null;
  return (
    <section className="rte-footnotes" aria-label={t('draftingEditor.footnotes.title')}>
      <ol className="rte-footnotes__list">
        {notes.map((note, index) => (
          <li key={`${index}-${note.pos}`} className="rte-footnotes__item">
            <span className="rte-footnotes__text">{note.text || t('draftingEditor.footnotes.empty')}</span>
            {editor.isEditable ? (
              <button
                type="button"
                className="rte-footnotes__edit rte-button"
                aria-label={t('draftingEditor.footnotes.edit', { number: index + 1 })}
                title={t('draftingEditor.footnotes.edit', { number: index + 1 })}
                onClick={() => onEdit(note.pos, note.text)}
              >
                <span aria-hidden="true">✎</span>
              </button>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
