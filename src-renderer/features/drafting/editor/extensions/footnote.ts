import { Node, mergeAttributes } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state';

/**
 * A footnote (RichDoc `footnote`): an inline atom where its number goes, holding its own text. The
 * running number comes from the numbering plugin (`data-number`, shown by CSS as a superscript).
 * Clicking it, or Enter while it is selected, asks the owner to edit it (`onEdit`).
 */

export const FOOTNOTE_TEXT_MAX = 4_000;

export interface FootnoteEditRequest {
  /** Where the footnote is, or null for a new one at the selection. */
  pos: number | null;
  text: string;
}

export interface FootnoteOptions {
  onEdit: (request: FootnoteEditRequest) => void;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnote: {
      /** Puts a footnote with this text at the cursor (replacing a selection). */
      insertFootnote: (text: string) => ReturnType;
      /** Changes the text of the footnote at `pos`. */
      setFootnoteText: (pos: number, text: string) => ReturnType;
      /** Asks the owner to open the footnote window: for the selected footnote, or a new one. */
      requestFootnote: () => ReturnType;
    };
  }
}

const footnoteClickKey = new PluginKey('chambersFootnoteClick');

export const Footnote = Node.create<FootnoteOptions>({
  name: 'footnote',
  group: 'inline',
  inline: true,
  atom: true,
  // Before the core keymap: Enter on a selected footnote edits it.
  priority: 900,
  selectable: true,
  draggable: false,

  addOptions() {
    return { onEdit: () => undefined };
  },

  addAttributes() {
    return {
      text: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-text') ?? '',
        renderHTML: (attributes: { text?: unknown }) => {
          const text = typeof attributes.text === 'string' ? attributes.text : '';
          return { 'data-text': text, title: text };
        },
      },
    };
  },

  parseHTML() {
    return [{ tag: 'sup[data-footnote]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['sup', mergeAttributes(HTMLAttributes, { 'data-footnote': '', class: 'rte-fn' })];
  },

  renderText() {
    return '';
  },

  addCommands() {
    return {
      insertFootnote:
        (text: string) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { text: text.slice(0, FOOTNOTE_TEXT_MAX) } }),
      setFootnoteText:
        (pos: number, text: string) =>
        ({ tr, state, dispatch }) => {
          const node = state.doc.nodeAt(pos);
          if (node?.type !== this.type) return false;
          if (dispatch) tr.setNodeMarkup(pos, undefined, { text: text.slice(0, FOOTNOTE_TEXT_MAX) });
          return true;
        },
      requestFootnote:
        () =>
        ({ state }) => {
          const { selection } = state;
          if (selection instanceof NodeSelection && selection.node.type === this.type) {
            const text: unknown = selection.node.attrs.text;
            this.options.onEdit({ pos: selection.from, text: typeof text === 'string' ? text : '' });
          } else {
            this.options.onEdit({ pos: null, text: '' });
          }
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-f': () => this.editor.commands.requestFootnote(),
      Enter: () => {
        const { selection } = this.editor.state;
        if (!(selection instanceof NodeSelection) || selection.node.type !== this.type) return false;
        return this.editor.commands.requestFootnote();
      },
    };
  },

  addProseMirrorPlugins() {
    const type = this.type;
    const options = this.options;
    return [
      new Plugin({
        key: footnoteClickKey,
        props: {
          handleClickOn: (_view, _pos, node, nodePos) => {
            if (node.type !== type) return false;
            const text: unknown = node.attrs.text;
            options.onEdit({ pos: nodePos, text: typeof text === 'string' ? text : '' });
            return true;
          },
        },
      }),
    ];
  },
});

/** Every footnote's text in document order (its number is its place + 1). */
export function footnoteTexts(doc: PmNode): { pos: number; text: string }[] {
  const out: { pos: number; text: string }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'footnote') {
      const text: unknown = node.attrs.text;
      out.push({ pos, text: typeof text === 'string' ? text : '' });
    }
    return true;
  });
  return out;
}
