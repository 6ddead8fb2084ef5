// The decision editor component in jsdom: controlled value, toolbar (labels, aria-pressed, roving
// focus), the footnote and citation windows, the footnote list, the word count, and axe.
import type { Editor } from '@tiptap/core';
import axe from 'axe-core';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RichDoc } from '../../src-shared/domain/rich-text';
import { RichTextEditor } from '../../src-renderer/features/drafting/editor';
import { I18nProvider } from '../../src-renderer/i18n/i18n-provider';
import { resetWindow } from './support/render-app';

// In English: the labels below are the English dictionary's.
beforeEach(() => window.localStorage.setItem('chambers.language', 'en'));
afterEach(resetWindow);

// jsdom lays nothing out; ProseMirror asks for rectangles when it scrolls the cursor into view.
beforeAll(() => {
  const rects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getClientRects = rects;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
  document.elementFromPoint = () => null;
});

const p = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
const np = (text: string) => ({
  type: 'numberedParagraph' as const,
  content: [{ type: 'text' as const, text }],
});
const DOC: RichDoc = {
  type: 'doc',
  content: [
    p('Kohus leiab, et hagi tuleb rahuldada.'),
    np('Esimene'),
    { type: 'numberedParagraph', content: [{ type: 'text', text: 'Teine', marks: [{ type: 'italic' }] }] },
  ],
};

function editorOf(): Editor {
  const dom = screen.getByRole('textbox', { name: 'Reasoning' });
  return (dom as unknown as { editor: Editor }).editor;
}

function Controlled({ initial, onChange }: { initial: RichDoc; onChange: (doc: RichDoc) => void }) {
  const [doc, setDoc] = useState(initial);
  return (
    <>
      <button type="button" onClick={() => setDoc({ type: 'doc', content: [p('Uus dokument')] })}>
        replace
      </button>
      <button type="button" onClick={() => setDoc(structuredClone(doc))}>
        reload
      </button>
      <RichTextEditor
        value={doc}
        onChange={(next) => {
          setDoc(next);
          onChange(next);
        }}
        label="Reasoning"
        hint="The court's reasons."
        numberStart={4}
      />
    </>
  );
}

function renderEditor(initial: RichDoc = DOC) {
  const onChange = vi.fn<(doc: RichDoc) => void>();
  const view = render(
    <I18nProvider>
      <main>
        <Controlled initial={initial} onChange={onChange} />
      </main>
    </I18nProvider>,
  );
  return { onChange, ...view };
}

describe('RichTextEditor', () => {
  it('is a labelled multi-line textbox numbered from numberStart, and axe finds nothing', async () => {
    renderEditor();
    const box = screen.getByRole('textbox', { name: 'Reasoning' });
    expect(box.getAttribute('aria-multiline')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toContain(
      "The court's reasons.",
    );
    expect([...box.querySelectorAll<HTMLElement>('p[data-numbered]')].map((e) => e.dataset.number)).toEqual([
      '4',
      '5',
    ]);
    const toolbar = screen.getByRole('toolbar', { name: 'Text formatting' });
    for (const name of [
      'Bold',
      'Italic',
      'Underline',
      'Heading',
      'Numbered paragraph',
      'Footnote',
      'Citation',
      'Undo',
    ])
      expect(within(toolbar).getByRole('button', { name })).toBeTruthy();
    expect(within(toolbar).getByRole('button', { name: 'Bold' }).title).toBe('Bold (Ctrl+B)');
    expect(screen.getByTestId('word-count').textContent).toBe('8 words');
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });

  it('sends every change as RichDoc, and takes a new document only when one comes from outside', async () => {
    const { onChange } = renderEditor();
    const editor = editorOf();
    act(() => {
      editor.chain().focus('end').insertContent(' Lisatud.').run();
    });
    expect(onChange).toHaveBeenCalledTimes(1);
    const sent = onChange.mock.calls[0]![0];
    expect(RichDoc.parse(sent)).toEqual(sent);
    expect(sent.content[2]).toEqual(RichDoc.parse(editor.getJSON()).content[2]);
    expect(editor.getText()).toContain('Teine Lisatud.');
    // The echo of our own change did not reset the editor (the cursor stays at the end).
    const at = editor.state.selection.from;
    act(() => {
      editor.commands.insertContent('!');
    });
    expect(editor.state.selection.from).toBe(at + 1);
    await waitFor(() => expect(screen.getByTestId('word-count').textContent).toBe('9 words'));
    // The same text in a new object (read back from the store) leaves the cursor alone.
    act(() => {
      editor.commands.setTextSelection(5);
    });
    fireEvent.click(screen.getByRole('button', { name: 'reload' }));
    expect(editor.state.selection.from).toBe(5);
    // A new document from outside replaces the text without an onChange.
    const calls = onChange.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'replace' }));
    expect(editor.getText()).toBe('Uus dokument');
    expect(onChange).toHaveBeenCalledTimes(calls);
    await waitFor(() => expect(screen.getByTestId('word-count').textContent).toBe('2 words'));
  });

  it('marks toggles with aria-pressed and moves between buttons with the arrow keys', () => {
    renderEditor();
    const editor = editorOf();
    const bold = screen.getByRole('button', { name: 'Bold' });
    expect(bold.getAttribute('aria-pressed')).toBe('false');
    expect(bold.tabIndex).toBe(0);
    act(() => {
      editor.commands.setTextSelection({ from: 2, to: 6 });
    });
    fireEvent.click(bold);
    expect(bold.getAttribute('aria-pressed')).toBe('true');
    expect(editor.getJSON().content?.[0]?.content?.[1]?.marks).toEqual([{ type: 'bold' }]);
    act(() => bold.focus());
    fireEvent.keyDown(bold, { key: 'ArrowRight' });
    const italic = screen.getByRole('button', { name: 'Italic' });
    expect(document.activeElement).toBe(italic);
    expect(italic.tabIndex).toBe(0);
    expect(bold.tabIndex).toBe(-1);
    fireEvent.keyDown(italic, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Redo' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(bold);
    // Numbered paragraph is pressed inside one; the table tools appear only in a table.
    act(() => {
      editor.commands.focus('end');
    });
    expect(screen.getByRole('button', { name: 'Numbered paragraph' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.queryByRole('button', { name: 'Add row' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Insert table (3 × 3, with header row)' }));
    expect(screen.getByRole('button', { name: 'Add row' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add row' }));
    expect(editor.view.dom.querySelectorAll('tr')).toHaveLength(4);
    expect(editor.view.dom.querySelectorAll('th')).toHaveLength(3);
  });

  it('writes a footnote in its window, lists it under the text and edits it from there', () => {
    const { onChange } = renderEditor();
    const editor = editorOf();
    act(() => {
      editor.commands.focus('end');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Footnote' }));
    const dialog = screen.getByRole('dialog', { name: 'New footnote' });
    const text = within(dialog).getByLabelText('Footnote text');
    expect(document.activeElement).toBe(text);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Write the footnote text.');
    fireEvent.change(text, { target: { value: 'Toimiku lk 12.' } });
    fireEvent.keyDown(text, { key: 'Enter', ctrlKey: true });
    expect(screen.queryByRole('dialog')).toBeNull();
    const sup = editor.view.dom.querySelector<HTMLElement>('sup[data-footnote]');
    expect(sup?.dataset.number).toBe('1');
    const last = onChange.mock.calls.at(-1)![0];
    expect(JSON.stringify(last)).toContain('{"type":"footnote","attrs":{"text":"Toimiku lk 12."}}');
    const list = screen.getByRole('region', { name: 'Footnotes' });
    expect(within(list).getByRole('listitem').textContent).toContain('Toimiku lk 12.');
    fireEvent.click(within(list).getByRole('button', { name: 'Edit footnote 1' }));
    const edit = screen.getByRole('dialog', { name: 'Footnote 1' });
    fireEvent.change(within(edit).getByLabelText('Footnote text'), { target: { value: 'Toimiku lk 13.' } });
    fireEvent.keyDown(edit, { key: 'Escape' });
    expect(sup?.getAttribute('data-text')).toBe('Toimiku lk 12.');
    fireEvent.click(within(list).getByRole('button', { name: 'Edit footnote 1' }));
    const again = screen.getByRole('dialog', { name: 'Footnote 1' });
    fireEvent.change(within(again).getByLabelText('Footnote text'), { target: { value: 'Toimiku lk 13.' } });
    fireEvent.click(within(again).getByRole('button', { name: 'Save' }));
    expect(editor.view.dom.querySelector('sup[data-footnote]')?.getAttribute('data-text')).toBe(
      'Toimiku lk 13.',
    );
  });

  it('checks a citation in its window and marks the text', () => {
    renderEditor();
    const editor = editorOf();
    act(() => {
      editor.commands.focus('end');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Citation' }));
    const dialog = screen.getByRole('dialog', { name: 'New citation' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'ECLI' }));
    const ref = within(dialog).getByLabelText('Reference');
    expect(document.activeElement).toBe(ref);
    fireEvent.change(ref, { target: { value: 'ECLI:EE:RK:24:1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert').textContent).toContain('ECLI:EE:RK:2024:2.24.1234.5678');
    expect(ref.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(ref, { target: { value: ' ECLI:EE:RK:2024:2.24.1234.5678 ' } });
    fireEvent.change(within(dialog).getByLabelText('Shown in the text'), { target: { value: 'Riigikohus' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const span = editor.view.dom.querySelector<HTMLElement>('span[data-citation]');
    expect(span?.textContent).toBe('Riigikohus');
    expect(span?.title).toBe('ECLI:EE:RK:2024:2.24.1234.5678');
    // With the cursor in it, the window edits it, and can remove it.
    act(() => {
      editor.commands.setTextSelection(editor.state.doc.content.size - 4);
    });
    expect(screen.getByRole('button', { name: 'Citation' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Citation' }));
    const edit = screen.getByRole('dialog', { name: 'Edit citation' });
    expect((within(edit).getByLabelText('Reference') as HTMLInputElement).value).toBe(
      'ECLI:EE:RK:2024:2.24.1234.5678',
    );
    fireEvent.click(within(edit).getByRole('button', { name: 'Remove citation' }));
    expect(editor.view.dom.querySelector('span[data-citation]')).toBeNull();
    expect(editor.getText()).toContain('Riigikohus');
  });

  it('shows a read-only document without the toolbar', () => {
    render(
      <I18nProvider>
        <RichTextEditor value={DOC} onChange={() => undefined} label="Reasoning" readOnly />
      </I18nProvider>,
    );
    expect(screen.queryByRole('toolbar')).toBeNull();
    const box = screen.getByRole('textbox', { name: 'Reasoning' });
    expect(box.getAttribute('contenteditable')).toBe('false');
    expect(box.getAttribute('aria-readonly')).toBe('true');
  });
});
