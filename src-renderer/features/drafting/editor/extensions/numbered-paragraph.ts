import { Node, mergeAttributes } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/**
 * A numbered reasoning paragraph (RichDoc `numberedParagraph`). Its number is its place among the
 * document's numbered paragraphs, counted from `numberStart`, so inserting, deleting or moving one
 * renumbers the rest at once. The number is put on the node as `data-number` by a decoration (never
 * stored in the document); CSS shows it as generated content, which screen readers read too.
 * Footnotes are numbered by the same plugin (`data-number` on each footnote atom).
 */

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    numberedParagraph: {
      /** Turns the current block into a numbered paragraph, or a numbered one back into a paragraph. */
      toggleNumberedParagraph: () => ReturnType;
      /** Sets the number the first numbered paragraph shows (earlier sections have their own). */
      setNumberStart: (start: number) => ReturnType;
    };
  }
}

export interface NumberedParagraphOptions {
  /** The number of the first numbered paragraph at mount; change it later with setNumberStart. */
  numberStart: number;
}

interface NumberingState {
  start: number;
  decorations: DecorationSet;
}

export const numberingKey = new PluginKey<NumberingState>('chambersNumbering');

function numberingDecorations(doc: PmNode, start: number): DecorationSet {
  const decorations: Decoration[] = [];
  let paragraph = start;
  let footnote = 1;
  doc.descendants((node, pos) => {
    if (node.type.name === 'numberedParagraph') {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-number': String(paragraph) }));
      paragraph += 1;
    } else if (node.type.name === 'footnote') {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-number': String(footnote) }));
      footnote += 1;
    }
    // Numbered paragraphs are top-level and footnotes inline: no need to look into inline content twice.
    return !node.isInline;
  });
  return DecorationSet.create(doc, decorations);
}

function safeStart(start: number): number {
  return Number.isInteger(start) && start >= 1 ? start : 1;
}

export const NumberedParagraph = Node.create<NumberedParagraphOptions>({
  name: 'numberedParagraph',
  group: 'block',
  content: 'inline*',
  defining: true,
  // Before the core keymap, so Enter at the end of a numbered paragraph keeps numbering.
  priority: 1000,

  addOptions() {
    return { numberStart: 1 };
  },

  parseHTML() {
    return [{ tag: 'p[data-numbered]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes, { 'data-numbered': '', class: 'rte-np' }), 0];
  },

  addCommands() {
    return {
      toggleNumberedParagraph:
        () =>
        ({ state, commands }) => {
          const { $from } = state.selection;
          if ($from.parent.type.name === this.name) return commands.setNode('paragraph');
          return commands.setNode(this.name);
        },
      setNumberStart:
        (start: number) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(numberingKey, safeStart(start));
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-n': () => this.editor.commands.toggleNumberedParagraph(),
      Enter: () => {
        const { state } = this.editor;
        const { selection } = state;
        const { $from, empty } = selection;
        if (!empty || $from.parent.type !== this.type) return false;
        // An empty numbered paragraph: Enter ends the numbering, as in a list.
        if ($from.parent.content.size === 0) return this.editor.commands.setNode('paragraph');
        if ($from.parentOffset !== $from.parent.content.size) return false;
        return this.editor.commands.command(({ tr, dispatch }) => {
          if (dispatch) {
            const at = $from.after();
            tr.insert(at, this.type.create());
            tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView();
          }
          return true;
        });
      },
    };
  },

  addProseMirrorPlugins() {
    const initial = safeStart(this.options.numberStart);
    return [
      new Plugin<NumberingState>({
        key: numberingKey,
        state: {
          init: (_, state) => ({ start: initial, decorations: numberingDecorations(state.doc, initial) }),
          apply: (tr, value, _old, state) => {
            const meta: unknown = tr.getMeta(numberingKey);
            const start = typeof meta === 'number' ? meta : value.start;
            if (!tr.docChanged && start === value.start) return value;
            return { start, decorations: numberingDecorations(state.doc, start) };
          },
        },
        props: {
          decorations: (state) => numberingKey.getState(state)?.decorations ?? null,
        },
      }),
    ];
  },
});
