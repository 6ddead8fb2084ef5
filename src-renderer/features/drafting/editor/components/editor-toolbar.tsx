import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { MouseEvent } from 'react';
import { useRovingFocus } from '../../../../hooks/use-roving-focus';
import type { CheckedKey } from '../../../../i18n/dictionary';
import { useT } from '../../../../i18n/use-t';

export interface EditorToolbarProps {
  editor: Editor;
  /** The id of the editable text the toolbar acts on (known before the editor view is mounted). */
  controls: string;
  /** Opens the citation window (the editor owns it). */
  onCitation(): void;
  /** Opens the footnote window for a new footnote or the selected one. */
  onFootnote(): void;
}

type LabelKey = CheckedKey<
  | 'draftingEditor.bold'
  | 'draftingEditor.italic'
  | 'draftingEditor.underline'
  | 'draftingEditor.heading2'
  | 'draftingEditor.heading3'
  | 'draftingEditor.paragraph'
  | 'draftingEditor.numbered'
  | 'draftingEditor.bulletList'
  | 'draftingEditor.orderedList'
  | 'draftingEditor.table'
  | 'draftingEditor.table.addRow'
  | 'draftingEditor.table.deleteRow'
  | 'draftingEditor.table.addColumn'
  | 'draftingEditor.table.deleteColumn'
  | 'draftingEditor.table.delete'
  | 'draftingEditor.footnote'
  | 'draftingEditor.citation'
  | 'draftingEditor.undo'
  | 'draftingEditor.redo'
>;
type ShortKey = CheckedKey<
  | 'draftingEditor.bold.short'
  | 'draftingEditor.italic.short'
  | 'draftingEditor.underline.short'
  | 'draftingEditor.heading2.short'
  | 'draftingEditor.heading3.short'
  | 'draftingEditor.paragraph.short'
  | 'draftingEditor.numbered.short'
  | 'draftingEditor.bulletList.short'
  | 'draftingEditor.orderedList.short'
  | 'draftingEditor.table.short'
  | 'draftingEditor.footnote.short'
  | 'draftingEditor.citation.short'
  | 'draftingEditor.undo.short'
  | 'draftingEditor.redo.short'
>;

interface Tool {
  id: string;
  label: LabelKey;
  /** The short visible text; the label is the accessible name. */
  short?: ShortKey;
  /** As aria-keyshortcuts writes it; shown in the title as Ctrl+…. */
  keys?: string;
  /** A toggle: aria-pressed reflects it. */
  pressed?: boolean;
  disabled?: boolean;
  run(): void;
  group: 'mark' | 'block' | 'insert' | 'table' | 'history';
  className?: string;
}

function shortcutText(keys: string): string {
  return keys
    .replace(/Control/g, 'Ctrl')
    .replace(/ArrowUp/g, '↑')
    .replace(/ArrowDown/g, '↓');
}

/**
 * The editor's toolbar: one tab stop, arrow keys (and Home/End) move between the buttons. Buttons
 * keep the editor's selection (no focus on mouse down) and return the focus to the text after use.
 */
export function EditorToolbar({ editor, controls, onCitation, onFootnote }: EditorToolbarProps) {
  const t = useT();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      editable: e.isEditable,
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      paragraph: e.isActive('paragraph') && !e.isActive('bulletList') && !e.isActive('orderedList'),
      numbered: e.isActive('numberedParagraph'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      table: e.isActive('table'),
      footnote: e.isActive('footnote'),
      citation: e.isActive('citation'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const off = !state.editable;

  const tools: Tool[] = [
    {
      id: 'bold',
      group: 'mark',
      label: 'draftingEditor.bold',
      short: 'draftingEditor.bold.short',
      keys: 'Control+B',
      pressed: state.bold,
      run: () => chain().toggleBold().run(),
      className: 'rte-tool--bold',
    },
    {
      id: 'italic',
      group: 'mark',
      label: 'draftingEditor.italic',
      short: 'draftingEditor.italic.short',
      keys: 'Control+I',
      pressed: state.italic,
      run: () => chain().toggleItalic().run(),
      className: 'rte-tool--italic',
    },
    {
      id: 'underline',
      group: 'mark',
      label: 'draftingEditor.underline',
      short: 'draftingEditor.underline.short',
      keys: 'Control+U',
      pressed: state.underline,
      run: () => chain().toggleUnderline().run(),
      className: 'rte-tool--underline',
    },
    {
      id: 'h2',
      group: 'block',
      label: 'draftingEditor.heading2',
      short: 'draftingEditor.heading2.short',
      keys: 'Control+Alt+2',
      pressed: state.h2,
      run: () => chain().setHeading({ level: 2 }).run(),
    },
    {
      id: 'h3',
      group: 'block',
      label: 'draftingEditor.heading3',
      short: 'draftingEditor.heading3.short',
      keys: 'Control+Alt+3',
      pressed: state.h3,
      run: () => chain().setHeading({ level: 3 }).run(),
    },
    {
      id: 'paragraph',
      group: 'block',
      label: 'draftingEditor.paragraph',
      short: 'draftingEditor.paragraph.short',
      keys: 'Control+Alt+0',
      pressed: state.paragraph,
      run: () => chain().setParagraph().run(),
    },
    {
      id: 'numbered',
      group: 'block',
      label: 'draftingEditor.numbered',
      short: 'draftingEditor.numbered.short',
      keys: 'Control+Alt+N',
      pressed: state.numbered,
      run: () => chain().toggleNumberedParagraph().run(),
    },
    {
      id: 'bulletList',
      group: 'block',
      label: 'draftingEditor.bulletList',
      short: 'draftingEditor.bulletList.short',
      keys: 'Control+Shift+8',
      pressed: state.bulletList,
      run: () => chain().toggleBulletList().run(),
    },
    {
      id: 'orderedList',
      group: 'block',
      label: 'draftingEditor.orderedList',
      short: 'draftingEditor.orderedList.short',
      keys: 'Control+Shift+7',
      pressed: state.orderedList,
      run: () => chain().toggleOrderedList().run(),
    },
    {
      id: 'table',
      group: 'insert',
      label: 'draftingEditor.table',
      short: 'draftingEditor.table.short',
      disabled: state.table,
      run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
    {
      id: 'footnote',
      group: 'insert',
      label: 'draftingEditor.footnote',
      short: 'draftingEditor.footnote.short',
      keys: 'Control+Alt+F',
      run: onFootnote,
    },
    {
      id: 'citation',
      group: 'insert',
      label: 'draftingEditor.citation',
      short: 'draftingEditor.citation.short',
      pressed: state.citation,
      run: onCitation,
    },
    ...(state.table
      ? ([
          {
            id: 'addRow',
            group: 'table',
            label: 'draftingEditor.table.addRow',
            run: () => chain().addRowAfter().run(),
          },
          {
            id: 'deleteRow',
            group: 'table',
            label: 'draftingEditor.table.deleteRow',
            run: () => chain().deleteRow().run(),
          },
          {
            id: 'addColumn',
            group: 'table',
            label: 'draftingEditor.table.addColumn',
            run: () => chain().addColumnAfter().run(),
          },
          {
            id: 'deleteColumn',
            group: 'table',
            label: 'draftingEditor.table.deleteColumn',
            run: () => chain().deleteColumn().run(),
          },
          {
            id: 'deleteTable',
            group: 'table',
            label: 'draftingEditor.table.delete',
            run: () => chain().deleteTable().run(),
          },
        ] satisfies Tool[])
      : []),
    {
      id: 'undo',
      group: 'history',
      label: 'draftingEditor.undo',
      short: 'draftingEditor.undo.short',
      keys: 'Control+Z',
      disabled: !state.canUndo,
      run: () => chain().undo().run(),
    },
    {
      id: 'redo',
      group: 'history',
      label: 'draftingEditor.redo',
      short: 'draftingEditor.redo.short',
      keys: 'Control+Shift+Z',
      disabled: !state.canRedo,
      run: () => chain().redo().run(),
    },
  ];
  // Enter and Space are the buttons' own; the arrows go round.
  const roving = useRovingFocus(tools.length, -1, undefined, { orientation: 'horizontal', wrap: true });

  // Keep the text's selection: the button does not take the focus on a mouse press.
  const keepSelection = (event: MouseEvent) => event.preventDefault();

  return (
    <div
      className="rte-toolbar"
      role="toolbar"
      aria-label={t('draftingEditor.toolbar')}
      aria-controls={controls}
      onKeyDown={roving.onKeyDown}
    >
      {tools.map((tool, index) => {
        const label = t(tool.label);
        const previous = tools[index - 1];
        return (
          <button
            key={tool.id}
            {...roving.itemProps(index)}
            type="button"
            className={[
              'rte-tool',
              tool.className,
              previous && previous.group !== tool.group ? 'rte-tool--group' : undefined,
              tool.short ? undefined : 'rte-tool--text',
            ]
              .filter(Boolean)
              .join(' ')}
            data-tool={tool.id}
            aria-label={label}
            aria-pressed={tool.pressed === undefined ? undefined : tool.pressed}
            aria-keyshortcuts={tool.keys}
            title={tool.keys ? `${label} (${shortcutText(tool.keys)})` : label}
            // aria-disabled, not disabled: the button stays reachable with the arrow keys.
            aria-disabled={off || tool.disabled ? true : undefined}
            onMouseDown={keepSelection}
            onClick={() => {
              if (!off && !tool.disabled) tool.run();
            }}
          >
            <span aria-hidden="true">{tool.short ? t(tool.short) : label}</span>
          </button>
        );
      })}
    </div>
  );
}
