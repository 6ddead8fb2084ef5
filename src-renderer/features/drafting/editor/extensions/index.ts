import type { AnyExtension } from '@tiptap/core';
import { ListItem, OrderedList } from '@tiptap/extension-list';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { Citation } from './citation';
import { Footnote, type FootnoteEditRequest } from './footnote';
import { MoveBlock } from './move-block';
import { NumberedParagraph } from './numbered-paragraph';

export { Citation, type CitationAttrs } from './citation';
export { Footnote, FOOTNOTE_TEXT_MAX, footnoteTexts, type FootnoteEditRequest } from './footnote';
export { MoveBlock, moveTopLevelBlock } from './move-block';
export { NumberedParagraph, numberingKey } from './numbered-paragraph';

export interface RichTextExtensionOptions {
  numberStart?: number;
  /** Called when a footnote is to be written or changed (toolbar, Ctrl+Alt+F, click, Enter). */
  onFootnoteEdit?: (request: FootnoteEditRequest) => void;
}

/** RichDoc allows only paragraphs and nested lists in a list item. */
const RichListItem = ListItem.extend({ content: 'paragraph (paragraph | bulletList | orderedList)*' });

/** RichDoc's ordered list has only `start` (no `type`). */
const RichOrderedList = OrderedList.extend({
  addAttributes() {
    return {
      start: {
        default: 1,
        parseHTML: (element: HTMLElement) => {
          const value = Number.parseInt(element.getAttribute('start') ?? '1', 10);
          return Number.isInteger(value) && value >= 1 ? value : 1;
        },
      },
    };
  },
});

/** RichDoc's table cells hold paragraphs only, with colspan / rowspan / colwidth (no `align`). */
const CELL_ATTRIBUTES = new Set(['colspan', 'rowspan', 'colwidth']);
function cellAttributes<T extends object>(parent: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(parent ?? {}).filter(([name]) => CELL_ATTRIBUTES.has(name)),
  ) as Partial<T>;
}
const RichTableCell = TableCell.extend({
  content: 'paragraph+',
  addAttributes() {
    return cellAttributes(this.parent?.());
  },
});
const RichTableHeader = TableHeader.extend({
  content: 'paragraph+',
  addAttributes() {
    return cellAttributes(this.parent?.());
  },
});

/**
 * The editor's schema, which is exactly RichDoc (src-shared/domain/rich-text.ts): paragraph,
 * heading 1–3, numberedParagraph, bullet/ordered lists, tables with a header row, text with bold /
 * italic / underline / citation, footnote atoms and hard breaks, plus undo/redo and Alt+↑/↓.
 */
export function richTextExtensions(options: RichTextExtensionOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      blockquote: false,
      codeBlock: false,
      code: false,
      horizontalRule: false,
      strike: false,
      link: false,
      trailingNode: false,
      heading: { levels: [1, 2, 3] },
      listItem: false,
      orderedList: false,
    }),
    RichListItem,
    RichOrderedList,
    Table.configure({ resizable: false, HTMLAttributes: { class: 'rte-table' } }),
    TableRow,
    RichTableHeader,
    RichTableCell,
    NumberedParagraph.configure({ numberStart: options.numberStart ?? 1 }),
    Footnote.configure({ onEdit: options.onFootnoteEdit ?? (() => undefined) }),
    Citation,
    MoveBlock,
  ];
}
