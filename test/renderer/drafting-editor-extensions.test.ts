// The decision editor's schema without React: TipTap in jsdom with our extensions. Its JSON must be
// exactly RichDoc after every feature is used; numbering follows moves; footnotes and citations.
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RichDoc, wordCount } from '../../src-shared/domain/rich-text';
import { countNumbered } from '../../src-renderer/features/drafting/editor/lib/count-numbered';
import { citationProblem, guessCitationKind } from '../../src-renderer/features/drafting/editor/lib/citation';
import {
  footnoteTexts,
  richTextExtensions,
  type FootnoteEditRequest,
} from '../../src-renderer/features/drafting/editor/extensions';

let editors: Editor[] = [];
afterEach(() => {
  for (const e of editors) e.destroy();
  editors = [];
});

function makeEditor(
  content: RichDoc,
  numberStart = 1,
  onFootnoteEdit?: (request: FootnoteEditRequest) => void,
): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const extensions = richTextExtensions({ numberStart, ...(onFootnoteEdit ? { onFootnoteEdit } : {}) });
  const editor = new Editor({ element, extensions, content });
  editors.push(editor);
  return editor;
}

const np = (text: string) => ({
  type: 'numberedParagraph' as const,
  content: [{ type: 'text' as const, text }],
});
const p = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });

/** The numbers shown (data-number from the numbering plugin) and texts of the numbered paragraphs. */
function shown(editor: Editor): { number: string | undefined; text: string }[] {
  return [...editor.view.dom.querySelectorAll<HTMLElement>('p[data-numbered]')].map((el) => ({
    number: el.dataset.number,
    text: el.textContent ?? '',
  }));
}

/** Puts the cursor at the end of the text `text`. */
function cursorAfter(editor: Editor, text: string): void {
  let at = -1;
  editor.state.doc.descendants((node, pos) => {
    if (node.isText && node.text?.includes(text)) at = pos + node.text.indexOf(text) + text.length;
    return at < 0;
  });
  expect(at, text).toBeGreaterThan(0);
  editor.commands.setTextSelection(at);
}

describe('the editor schema is RichDoc', () => {
  it('gives JSON that RichDoc parses unchanged after every feature is used', () => {
    const editor = makeEditor({ type: 'doc', content: [p('Pealkiri')] });
    cursorAfter(editor, 'Pealkiri');
    editor.chain().setHeading({ level: 2 }).run();
    editor.chain().focus('end').enter().insertContent('Hageja nõue').run();
    editor.commands.toggleNumberedParagraph();
    editor.chain().selectTextblockStart().run();
    cursorAfter(editor, 'Hageja');
    editor
      .chain()
      .setTextSelection({ from: editor.state.selection.from - 6, to: editor.state.selection.from })
      .toggleBold()
      .toggleItalic()
      .toggleUnderline()
      .run();
    cursorAfter(editor, 'nõue');
    editor.chain().insertFootnote('Toimiku lk 12.').setHardBreak().insertContent('teine rida').run();
    editor.chain().enter().insertContent('Kohus leiab').run();
    editor.chain().setCitation({ kind: 'provision', ref: 'VÕS § 208 lg 1' }, '').run();
    editor
      .chain()
      .setCitation({ kind: 'ecli', ref: 'ECLI:EE:RK:2024:2.24.1234.5678' }, 'Riigikohtu otsus')
      .run();
    editor.chain().enter().setParagraph().toggleBulletList().insertContent('esimene').run();
    editor.chain().enter().insertContent('teine').sinkListItem('listItem').toggleOrderedList().run();
    editor
      .chain()
      .focus('end')
      .insertTable({ rows: 3, cols: 3, withHeaderRow: true })
      .insertContent('lahter')
      .run();
    editor.commands.addRowAfter();
    editor.commands.addColumnAfter();
    editor.commands.deleteColumn();

    const json = editor.getJSON();
    const parsed = RichDoc.safeParse(json);
    expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
    // Exactly RichDoc: nothing was stripped (no extra attrs such as the list's `type`).
    expect(parsed.data).toEqual(json);
    const types = new Set<string>();
    const walk = (n: { type?: string; content?: unknown[]; marks?: { type: string }[] }) => {
      if (n.type) types.add(n.type);
      for (const m of n.marks ?? []) types.add(`mark:${m.type}`);
      for (const c of n.content ?? []) walk(c as typeof n);
    };
    walk(json);
    for (const t of [
      'heading',
      'numberedParagraph',
      'footnote',
      'hardBreak',
      'bulletList',
      'orderedList',
      'listItem',
      'table',
      'tableRow',
      'tableHeader',
      'tableCell',
      'mark:bold',
      'mark:italic',
      'mark:underline',
      'mark:citation',
    ])
      expect(types, t).toContain(t);
    expect(wordCount(parsed.data!)).toBeGreaterThan(8);
  });

  it('loads every RichDoc node back as it was', () => {
    const doc: RichDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'KOHTUOTSUS' }] },
        {
          type: 'numberedParagraph',
          content: [
            { type: 'text', text: 'Vt ' },
            {
              type: 'text',
              text: '2-24-1234',
              marks: [{ type: 'citation', attrs: { kind: 'case', ref: '2-24-1234' } }],
            },
            { type: 'footnote', attrs: { text: 'Märkus' } },
            { type: 'hardBreak' },
            { type: 'text', text: 'lõpp', marks: [{ type: 'bold' }, { type: 'underline' }] },
          ],
        },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p('a')] }] },
        { type: 'paragraph' },
      ],
    };
    const editor = makeEditor(doc);
    expect(editor.getJSON()).toEqual(doc);
  });

  it('refuses blocks RichDoc does not have inside lists and cells', () => {
    const editor = makeEditor({ type: 'doc', content: [p('x')] });
    const schema = editor.schema;
    expect(schema.nodes.listItem!.contentMatch.matchType(schema.nodes.paragraph!)).toBeTruthy();
    const afterPara = schema.nodes.listItem!.contentMatch.matchType(schema.nodes.paragraph!)!;
    expect(afterPara.matchType(schema.nodes.heading!)).toBeNull();
    expect(afterPara.matchType(schema.nodes.table!)).toBeNull();
    expect(schema.nodes.tableCell!.contentMatch.matchType(schema.nodes.heading!)).toBeNull();
    for (const absent of ['blockquote', 'codeBlock', 'horizontalRule'])
      expect(schema.nodes[absent]).toBeUndefined();
    for (const absent of ['code', 'strike', 'link']) expect(schema.marks[absent]).toBeUndefined();
  });
});

describe('numbered paragraphs', () => {
  const three: RichDoc = {
    type: 'doc',
    content: [p('Sissejuhatus'), np('Esimene'), np('Teine'), np('Kolmas')],
  };

  it('renumbers at once when the third is moved to the top (Alt+↑ twice)', () => {
    const editor = makeEditor(three);
    expect(shown(editor).map((s) => s.number)).toEqual(['1', '2', '3']);
    cursorAfter(editor, 'Kolm');
    expect(editor.commands.moveBlock(-1)).toBe(true);
    expect(editor.commands.moveBlock(-1)).toBe(true);
    expect(shown(editor)).toEqual([
      { number: '1', text: 'Kolmas' },
      { number: '2', text: 'Esimene' },
      { number: '3', text: 'Teine' },
    ]);
    // The cursor moved with the paragraph.
    expect(editor.state.selection.$from.parent.textContent).toBe('Kolmas');
    // Any block moves: past the plain paragraph, and not beyond the top.
    expect(editor.commands.moveBlock(-1)).toBe(true);
    expect(editor.state.doc.firstChild?.textContent).toBe('Kolmas');
    expect(editor.commands.moveBlock(-1)).toBe(false);
    expect(editor.commands.moveBlock(1)).toBe(true);
    expect(editor.state.doc.child(1).textContent).toBe('Kolmas');
  });

  it('starts at numberStart and follows a new start', () => {
    const editor = makeEditor(three, 5);
    expect(shown(editor).map((s) => s.number)).toEqual(['5', '6', '7']);
    editor.commands.setNumberStart(12);
    expect(shown(editor).map((s) => s.number)).toEqual(['12', '13', '14']);
    cursorAfter(editor, 'Teine');
    editor.commands.toggleNumberedParagraph();
    expect(shown(editor).map((s) => s.text)).toEqual(['Esimene', 'Kolmas']);
    expect(shown(editor).map((s) => s.number)).toEqual(['12', '13']);
    editor.commands.toggleNumberedParagraph();
    expect(shown(editor).map((s) => s.number)).toEqual(['12', '13', '14']);
  });

  it('makes a new numbered paragraph on Enter at the end, and ends numbering on an empty one', () => {
    const editor = makeEditor(three);
    cursorAfter(editor, 'Teine');
    const enter = () =>
      editor.view.someProp('handleKeyDown', (f) =>
        f(editor.view, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
      );
    enter();
    editor.commands.insertContent('Uus');
    expect(shown(editor).map((s) => `${s.number} ${s.text}`)).toEqual([
      '1 Esimene',
      '2 Teine',
      '3 Uus',
      '4 Kolmas',
    ]);
    enter();
    enter();
    expect(editor.state.selection.$from.parent.type.name).toBe('paragraph');
    expect(countNumbered(RichDoc.parse(editor.getJSON()))).toBe(4);
  });

  it('counts the numbered paragraphs of a document', () => {
    expect(countNumbered(three)).toBe(3);
    expect(countNumbered({ type: 'doc', content: [p('a')] })).toBe(0);
  });
});

describe('footnotes and citations', () => {
  it('numbers footnotes in document order and keeps their text', () => {
    const editor = makeEditor({ type: 'doc', content: [p('Üks'), p('Kaks')] });
    cursorAfter(editor, 'Kaks');
    editor.commands.insertFootnote('Teine märkus');
    cursorAfter(editor, 'Üks');
    editor.commands.insertFootnote('Esimene märkus');
    const sups = [...editor.view.dom.querySelectorAll<HTMLElement>('sup[data-footnote]')];
    expect(sups.map((s) => [s.dataset.number, s.title])).toEqual([
      ['1', 'Esimene märkus'],
      ['2', 'Teine märkus'],
    ]);
    const notes = footnoteTexts(editor.state.doc);
    expect(notes.map((n) => n.text)).toEqual(['Esimene märkus', 'Teine märkus']);
    editor.commands.setFootnoteText(notes[1]!.pos, 'Muudetud');
    expect(footnoteTexts(editor.state.doc).map((n) => n.text)).toEqual(['Esimene märkus', 'Muudetud']);
    expect(editor.commands.setFootnoteText(0, 'x')).toBe(false);
  });

  it('asks for the footnote window on Ctrl+Alt+F, and on Enter or a click on a footnote', () => {
    const onEdit = vi.fn<(request: FootnoteEditRequest) => void>();
    const editor = makeEditor(
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Üks' },
              { type: 'footnote', attrs: { text: 'Märkus' } },
            ],
          },
        ],
      },
      1,
      onEdit,
    );
    const key = (init: KeyboardEventInit) =>
      editor.view.someProp('handleKeyDown', (f) => f(editor.view, new KeyboardEvent('keydown', init)));
    editor.commands.setTextSelection(2);
    key({ key: 'f', code: 'KeyF', ctrlKey: true, altKey: true });
    expect(onEdit).toHaveBeenLastCalledWith({ pos: null, text: '' });
    editor.commands.setNodeSelection(4);
    key({ key: 'Enter' });
    expect(onEdit).toHaveBeenLastCalledWith({ pos: 4, text: 'Märkus' });
    expect(editor.state.doc.childCount).toBe(1);
    onEdit.mockClear();
    editor.view.someProp('handleClickOn', (f) =>
      f(editor.view, 5, editor.state.doc.nodeAt(4)!, 4, new MouseEvent('click'), true),
    );
    expect(onEdit).toHaveBeenCalledWith({ pos: 4, text: 'Märkus' });
  });

  it('checks a reference by its kind', () => {
    expect(citationProblem('case', '2-24-1234')).toBeNull();
    expect(citationProblem('case', '2-24-1234/7')).toBeNull();
    expect(citationProblem('case', '9-24-1234')).toBe('case');
    expect(citationProblem('case', '2-24-0123')).toBe('case');
    expect(citationProblem('ecli', 'ECLI:EE:RK:2024:2.24.1234.5678')).toBeNull();
    expect(citationProblem('ecli', 'ECLI:FI:KKO:2024:12')).toBe('ecli');
    expect(citationProblem('ecli', 'ECLI:EE:RK:24:1')).toBe('ecli');
    expect(citationProblem('provision', 'VÕS § 208 lg 1')).toBeNull();
    expect(citationProblem('provision', 'TsMS § 436 lg 1 p 2')).toBeNull();
    expect(citationProblem('provision', '  võlaõigusseadus  §  101 ')).toBeNull();
    expect(citationProblem('provision', 'vaata eespool')).toBe('provision');
    expect(citationProblem('provision', '   ')).toBe('empty');
    expect(citationProblem('case', `2-24-${'1'.repeat(300)}`)).toBe('tooLong');
    expect(guessCitationKind('ecli:ee:rk:2024:1')).toBe('ecli');
    expect(guessCitationKind('2-24-1')).toBe('case');
    expect(guessCitationKind('VÕS § 1')).toBe('provision');
  });

  it('replaces the whole citation when one is edited', () => {
    const editor = makeEditor({ type: 'doc', content: [p('Vt ')] });
    editor.commands.focus('end');
    editor.commands.setCitation({ kind: 'case', ref: '2-24-1' }, 'asi 2-24-1');
    editor.commands.insertContent(' ja edasi');
    cursorAfter(editor, 'asi 2-');
    editor.commands.setCitation({ kind: 'case', ref: '3-23-77' }, '');
    expect(RichDoc.parse(editor.getJSON()).content[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Vt ' },
        {
          type: 'text',
          text: '3-23-77',
          marks: [{ type: 'citation', attrs: { kind: 'case', ref: '3-23-77' } }],
        },
        { type: 'text', text: ' ja edasi' },
      ],
    });
    const span = editor.view.dom.querySelector<HTMLElement>('span[data-citation]');
    expect(span?.title).toBe('3-23-77');
    expect(span?.dataset.kind).toBe('case');
  });
});
