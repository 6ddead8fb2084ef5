import { Mark, getMarkRange, mergeAttributes } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { CitationKind } from '../../../../../src-shared/domain/rich-text';

/**
 * A citation (RichDoc mark `citation`, attrs {kind, ref}): the marked text cites a legal provision,
 * an earlier decision by case number, or one by ECLI. Shown as a styled span whose tooltip is the
 * reference. The window that makes one is the editor's (CitationDialog); the commands are here.
 */

export interface CitationAttrs {
  kind: CitationKind;
  ref: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    citation: {
      /**
       * Makes `text` (the selection's text is replaced) a citation; with the cursor in a citation,
       * replaces that whole citation.
       */
      setCitation: (attrs: CitationAttrs, text: string) => ReturnType;
      /** Removes the citation around the cursor, keeping its text. */
      unsetCitation: () => ReturnType;
    };
  }
}

function kindOf(value: string | null): CitationKind {
  const parsed = CitationKind.safeParse(value);
  return parsed.success ? parsed.data : 'provision';
}

export const Citation = Mark.create({
  name: 'citation',
  inclusive: false,
  excludes: 'citation',

  addAttributes() {
    return {
      kind: {
        default: 'provision',
        parseHTML: (element) => kindOf(element.getAttribute('data-kind')),
        renderHTML: (attributes: { kind?: unknown }) => ({ 'data-kind': String(attributes.kind) }),
      },
      ref: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-ref') ?? '',
        renderHTML: (attributes: { ref?: unknown }) => {
          const ref = String(attributes.ref ?? '');
          return { 'data-ref': ref, title: ref };
        },
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-citation]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-citation': '', class: 'rte-cite' }), 0];
  },

  addCommands() {
    return {
      setCitation:
        (attrs: CitationAttrs, text: string) =>
        ({ state, tr, dispatch }) => {
          const shown = text.trim() === '' ? attrs.ref : text;
          const type = state.schema.marks[this.name];
          if (!type || shown === '') return false;
          const { $from } = state.selection;
          const around = getMarkRange($from, type);
          const from = around ? around.from : state.selection.from;
          const to = around ? around.to : state.selection.to;
          if (dispatch) {
            const others = state.doc
              .resolve(from)
              .marks()
              .filter((m) => m.type !== type);
            tr.replaceWith(from, to, state.schema.text(shown, [...others, type.create(attrs)]));
            tr.setSelection(TextSelection.create(tr.doc, from + shown.length));
            tr.setStoredMarks(others);
          }
          return true;
        },
      unsetCitation:
        () =>
        ({ chain }) =>
          chain().extendMarkRange(this.name).unsetMark(this.name).run(),
    };
  },
});
