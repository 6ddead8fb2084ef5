import { Extension } from '@tiptap/core';
import { Fragment } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    moveBlock: {
      /** Moves the top-level block holding the selection one place up (-1) or down (+1). */
      moveBlock: (direction: -1 | 1) => ReturnType;
    };
  }
}

/**
 * Moves the top-level block around the cursor past its neighbour and keeps the cursor where it was
 * inside the block. Returns false at the top or bottom of the document.
 */
export function moveTopLevelBlock(state: EditorState, direction: -1 | 1, tr: Transaction): boolean {
  const { $from, $to } = state.selection;
  if ($from.depth < 1) return false;
  const index = $from.index(0);
  if ($to.index(0) !== index) return false;
  const other = index + direction;
  if (other < 0 || other >= state.doc.childCount) return false;
  const block = state.doc.child(index);
  const neighbour = state.doc.child(other);
  const blockStart = $from.before(1);
  const offsetFrom = state.selection.from - blockStart;
  const offsetTo = state.selection.to - blockStart;
  const rangeStart = direction === -1 ? blockStart - neighbour.nodeSize : blockStart;
  const rangeEnd =
    direction === -1 ? blockStart + block.nodeSize : blockStart + block.nodeSize + neighbour.nodeSize;
  const swapped = direction === -1 ? [block, neighbour] : [neighbour, block];
  tr.replaceWith(rangeStart, rangeEnd, Fragment.fromArray(swapped));
  const newStart = direction === -1 ? rangeStart : rangeStart + neighbour.nodeSize;
  tr.setSelection(
    TextSelection.between(tr.doc.resolve(newStart + offsetFrom), tr.doc.resolve(newStart + offsetTo)),
  );
  tr.scrollIntoView();
  return true;
}

/** Alt+↑ / Alt+↓ reorder the document's blocks (reasoning paragraphs above all). */
export const MoveBlock = Extension.create({
  name: 'moveBlock',

  addCommands() {
    return {
      moveBlock:
        (direction: -1 | 1) =>
        ({ state, tr, dispatch }) => {
          if (!dispatch) {
            const { $from, $to } = state.selection;
            const index = $from.index(0);
            const other = index + direction;
            return $from.depth >= 1 && $to.index(0) === index && other >= 0 && other < state.doc.childCount;
          }
          return moveTopLevelBlock(state, direction, tr);
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      'Alt-ArrowUp': () => this.editor.commands.moveBlock(-1),
      'Alt-ArrowDown': () => this.editor.commands.moveBlock(1),
    };
  },
});
