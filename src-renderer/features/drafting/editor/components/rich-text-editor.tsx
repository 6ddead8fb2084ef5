import type { Editor } from '@tiptap/core';
import { getMarkRange } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { RichDoc, type CitationKind } from '../../../../../src-shared/domain/rich-text';
import { useT } from '../../../../i18n/use-t';
import {
  footnoteTexts,
  richTextExtensions,
  type CitationAttrs,
  type FootnoteEditRequest,
} from '../extensions';
import { guessCitationKind } from '../lib/citation';
import { sameJson } from '../lib/same-json';
import { CitationDialog } from './citation-dialog';
import { EditorToolbar } from './editor-toolbar';
import { currentDoc, FootnoteList, WordCount } from './editor-extras';
import { FootnoteDialog } from './footnote-dialog';
import '../editor.css';

export interface RichTextEditorProps {
  /** The document; taken at mount and whenever a new object comes from outside. */
  value: RichDoc;
  /** Every change of the document, as RichDoc. */
  onChange(doc: RichDoc): void;
  /** The accessible name of the text area, e.g. "Põhjendus". */
  label: string;
  /** The number of this section's first numbered paragraph (earlier sections have their own). */
  numberStart?: number;
  /** A line of help under the label (also the text area's description). */
  hint?: string;
  readOnly?: boolean;
  /** The id of the text area (for a label elsewhere, or aria-controls). */
  id?: string;
}

type DialogState =
  | { kind: 'footnote'; pos: number | null; text: string; number: number | null }
  | { kind: 'citation'; initial: CitationAttrs | null; text: string; guess: CitationKind };

/** The text area's attributes: a labelled multi-line textbox. */
function contentAttributes(id: string, label: string, hintId: string | null, readOnly: boolean) {
  return {
    id,
    class: 'rte-content',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    ...(hintId ? { 'aria-describedby': hintId } : {}),
    ...(readOnly ? { 'aria-readonly': 'true' } : {}),
    spellcheck: 'true',
  };
}

/**
 * The decision editor: a TipTap editor whose JSON is exactly RichDoc, with its toolbar, the
 * footnotes listed under the text, and a word count. Numbered paragraphs are numbered from
 * `numberStart`; Alt+↑ / Alt+↓ move a block; Ctrl+Alt+N numbers a paragraph; Ctrl+Alt+F adds a
 * footnote. Controlled only at mount and when `value` changes identity from outside.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  const { value, onChange, label, numberStart = 1, hint, readOnly = false } = props;
  const t = useT();
  const ownId = useId();
  const id = props.id ?? `rte-${ownId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const hintId = `${id}-hint`;
  const [dialog, setDialog] = useState<DialogState | null>(null);
  /** The last document this editor has shown or sent: an equal `value` is our own echo. */
  const known = useRef<RichDoc>(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const footnoteRequest = useRef<(request: FootnoteEditRequest) => void>(() => undefined);

  const extensions = useMemo(
    () =>
      richTextExtensions({
        numberStart,
        onFootnoteEdit: (request) => footnoteRequest.current(request),
      }),
    // The start is applied later by setNumberStart; the schema is built once.
    [],
  );

  const editor = useEditor({
    extensions,
    content: value,
    editable: !readOnly,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: contentAttributes(id, label, hint || !readOnly ? hintId : null, readOnly),
    },
    onUpdate: ({ editor: e }) => {
      const doc = currentDoc(e);
      // Development checks every change against RichDoc; a build trusts the schema (tested).
      if (import.meta.env.DEV && !isRichDoc(doc)) return;
      known.current = doc;
      onChangeRef.current(doc);
    },
  });

  // A new document from outside (another draft, a restored version): replace, without echoing it.
  // An editor hidden by a Suspense fallback is destroyed by useEditor and made again when shown; an
  // effect run in between sees the destroyed one, and runs again with the new one.
  useEffect(() => {
    if (editor.isDestroyed || value === known.current) return;
    known.current = value;
    // The same text in a new object (e.g. read back from the store) must not move the cursor.
    if (sameJson(value, currentDoc(editor))) return;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    if (!editor.isDestroyed) editor.commands.setNumberStart(numberStart);
  }, [editor, numberStart]);

  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.setEditable(!readOnly, false);
    editor.setOptions({
      editorProps: {
        ...editor.options.editorProps,
        attributes: contentAttributes(id, label, hint || !readOnly ? hintId : null, readOnly),
      },
    });
  }, [editor, readOnly, label, hint, hintId, id]);

  footnoteRequest.current = (request) => {
    if (!editor.isEditable) return;
    const number =
      request.pos === null
        ? null
        : footnoteTexts(editor.state.doc).findIndex((n) => n.pos === request.pos) + 1;
    setDialog({ kind: 'footnote', pos: request.pos, text: request.text, number: number || null });
  };

  const close = () => {
    setDialog(null);
    editor.commands.focus();
  };

  const openCitation = () => {
    if (!editor.isEditable) return;
    const { state } = editor;
    const type = state.schema.marks.citation;
    const { $from, from, to } = state.selection;
    const range = type ? getMarkRange($from, type) : undefined;
    const mark = type ? $from.marks().find((m) => m.type === type) : undefined;
    if (range && mark) {
      const attrs = mark.attrs as CitationAttrs;
      const text = state.doc.textBetween(range.from, range.to);
      setDialog({ kind: 'citation', initial: { kind: attrs.kind, ref: attrs.ref }, text, guess: attrs.kind });
      return;
    }
    const selected = state.doc.textBetween(from, to, ' ');
    setDialog({ kind: 'citation', initial: null, text: selected, guess: guessCitationKind(selected) });
  };

  return (
    <div className={readOnly ? 'rte rte--read-only' : 'rte'} data-testid="rich-text-editor">
      {readOnly ? null : (
        <EditorToolbar
          editor={editor}
          controls={id}
          onCitation={openCitation}
          onFootnote={() => editor.commands.requestFootnote()}
        />
      )}
      {hint || !readOnly ? (
        <p className="rte-hint" id={hintId}>
          {hint} {readOnly ? null : t('draftingEditor.moveHint')}
        </p>
      ) : null}
      {dialog?.kind === 'footnote' ? (
        <FootnoteDialog
          number={dialog.number}
          initialText={dialog.text}
          onCancel={close}
          onSave={(text) => {
            if (dialog.pos === null) editor.chain().focus().insertFootnote(text).run();
            else editor.chain().focus().setFootnoteText(dialog.pos, text).run();
            setDialog(null);
          }}
          onDelete={
            dialog.pos === null
              ? undefined
              : () => {
                  const pos = dialog.pos ?? 0;
                  editor
                    .chain()
                    .focus()
                    .deleteRange({ from: pos, to: pos + 1 })
                    .run();
                  setDialog(null);
                }
          }
        />
      ) : null}
      {dialog?.kind === 'citation' ? (
        <CitationDialog
          initial={dialog.initial}
          initialText={dialog.text}
          initialKind={dialog.guess}
          onCancel={close}
          onSave={(attrs, text) => {
            editor.chain().focus().setCitation(attrs, text).run();
            setDialog(null);
          }}
          onRemove={
            dialog.initial
              ? () => {
                  editor.chain().focus().unsetCitation().run();
                  setDialog(null);
                }
              : undefined
          }
        />
      ) : null}
      <div className="rte-page">
        <EditorContent editor={editor} />
        <FootnoteList editor={editor} onEdit={(pos, text) => footnoteRequest.current({ pos, text })} />
      </div>
      <WordCount editor={editor} />
    </div>
  );
}

/** Development only: a document outside RichDoc is a bug; keep the last good one rather than send it. */
function isRichDoc(doc: RichDoc): boolean {
  const parsed = RichDoc.safeParse(doc);
  if (!parsed.success)
    console.error('The editor produced a document outside RichDoc', parsed.error.issues[0]);
  return parsed.success;
}

/** The editor instance's document as RichDoc (for tests and the harness). */
export function editorDoc(editor: Editor): RichDoc {
  return RichDoc.parse(editor.getJSON());
}
