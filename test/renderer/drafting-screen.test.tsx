import axe from 'axe-core';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src-shared/contract/result';
import { docFromText } from '../../src-shared/domain/rich-text';
import { DraftScreen } from '../../src-renderer/features/drafting/components/draft-screen';
import { createStore, DRAFT_ID, makeDraft, renderDrafting } from './drafting-fixture';
import { callsTo, type FakeHost } from './support/fake-host';
import { resetWindow } from './support/render-app';

afterEach(() => {
  resetWindow();
  vi.restoreAllMocks();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const indicator = () => screen.getByTestId('save-indicator');

async function openDraft(store = createStore()) {
  const rendered = renderDrafting(store, <DraftScreen draftId={DRAFT_ID} />);
  await screen.findByRole('heading', { level: 1, name: 'KOHTUOTSUS' });
  return { store, ...rendered, saves: () => callsTo(rendered.host, 'drafts:save') };
}

/** Holds the next saves in flight until the returned function is called. */
function holdSaves(host: FakeHost) {
  let release!: () => void;
  host.state.gates['drafts:save'] = new Promise((resolve) => (release = resolve));
  return () => {
    host.state.gates['drafts:save'] = null;
    release();
  };
}

async function editField(label: string, text: string) {
  fireEvent.click(screen.getByRole('button', { name: `Muuda: ${label}` }));
  const field = screen.getByRole('textbox', { name: label });
  fireEvent.change(field, { target: { value: text } });
  return field;
}

describe('the draft screen', () => {
  it('shows the case, template, title, status, words, the introduction and every section', async () => {
    await openDraft();
    const header = screen.getByRole('banner');
    expect(header.textContent).toContain('Kohtuasi 2-24-4962');
    await waitFor(() => expect(header.textContent).toContain('Mall: Tsiviilasja kohtuotsus'));
    expect(screen.getByTestId('draft-status').textContent).toBe('kavand');
    expect(screen.getByTestId('draft-word-count').textContent).toBe('8 sõna');
    expect(indicator().getAttribute('aria-live')).toBe('polite');
    expect(indicator().textContent).toMatch(/^Salvestatud \d\d:\d\d:\d\d$/);
    const intro = screen.getByTestId('introduction');
    expect(within(intro).getByTestId('intro-court').textContent).toContain('Harju Maakohus');
    // An override whose case data changed since says so, with the new value.
    expect(within(intro).getByTestId('intro-changed').textContent).toBe(
      'Kohtuasja andmed on muutunud: Hageja Mari Maasikas\nKostja OÜ Päikesekiir',
    );
    const sections = screen.getAllByTestId('draft-section');
    expect(sections.map((section) => section.dataset.sectionId)).toEqual(['operative', 'reasoning']);
    expect(within(sections[0]!).getByTestId('appeal-route').textContent).toContain(
      'Otsuse peale võib esitada apellatsiooni Tallinna Ringkonnakohtule.',
    );
    expect(sections[1]!.textContent).toContain('Hageja nõuab üüri.');
  });

  it('saves an edit once after a short pause, on the returned revision the next time', async () => {
    const { saves } = await openDraft();
    await editField('Kohus', 'Harju');
    fireEvent.change(screen.getByRole('textbox', { name: 'Kohus' }), {
      target: { value: 'Harju Maakohus, Tallinna kohtumaja' },
    });
    expect(indicator().textContent).toBe('Salvestan…');
    expect(saves()).toEqual([]);
    await waitFor(() => expect(saves()).toHaveLength(1), { timeout: 1_000 });
    expect(saves()[0]).toMatchObject({
      draftId: DRAFT_ID,
      baseRevision: 1,
      overrides: { court: 'Harju Maakohus, Tallinna kohtumaja', caseNumber: null },
    });
    expect((saves()[0]!.sections as Array<{ id: string }>).map((section) => section.id)).toEqual([
      'introduction',
      'operative',
      'reasoning',
    ]);
    await waitFor(() => expect(indicator().textContent).toMatch(/^Salvestatud \d\d:\d\d:\d\d$/));
    fireEvent.change(screen.getByRole('textbox', { name: 'Kohus' }), { target: { value: 'Harju Maakohus' } });
    await waitFor(() => expect(saves()).toHaveLength(2), { timeout: 1_000 });
    expect(saves()[1]).toMatchObject({ baseRevision: 2 });
    await sleep(500);
    expect(saves()).toHaveLength(2);
  });

  it('keeps one save in flight and saves the latest state right after it; blur saves at once', async () => {
    const { store, host, saves } = await openDraft();
    const release = holdSaves(host);
    const field = await editField('Kohus', 'A');
    fireEvent.blur(field);
    await waitFor(() => expect(saves()).toHaveLength(1), { timeout: 200 });
    fireEvent.change(field, { target: { value: 'AB' } });
    fireEvent.change(field, { target: { value: 'ABC' } });
    await sleep(600);
    expect(saves()).toHaveLength(1);
    release();
    await waitFor(() => expect(saves()).toHaveLength(2));
    expect(saves()[1]).toMatchObject({ baseRevision: 2, overrides: { court: 'ABC' } });
    await waitFor(() => expect(store.draft.introduction[0]!.override).toBe('ABC'));
  });

  it('saves at once when the window hides, on pagehide and when the screen is left', async () => {
    const { store, saves } = await openDraft();
    await editField('Kohus', 'Peidus');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    Reflect.deleteProperty(document, 'visibilityState');
    await waitFor(() => expect(saves()).toHaveLength(1), { timeout: 150 });
    fireEvent.change(screen.getByRole('textbox', { name: 'Kohus' }), {
      target: { value: 'Lehelt lahkudes' },
    });
    act(() => void window.dispatchEvent(new Event('pagehide')));
    await waitFor(() => expect(saves()).toHaveLength(2), { timeout: 150 });
    fireEvent.change(screen.getByRole('textbox', { name: 'Kohus' }), {
      target: { value: 'Ekraanilt lahkudes' },
    });
    cleanup();
    await waitFor(() => expect(store.draft.introduction[0]!.override).toBe('Ekraanilt lahkudes'), {
      timeout: 150,
    });
  });

  it('gives a field back to the case data, which the next save sends as null', async () => {
    const { saves } = await openDraft();
    fireEvent.click(screen.getByRole('button', { name: 'Taasta kohtuasja andmed: Menetlusosalised' }));
    await waitFor(() => expect(saves()).toHaveLength(1), { timeout: 150 });
    expect(saves()[0]).toMatchObject({ overrides: { parties: null } });
    const row = screen.getByTestId('intro-parties');
    expect(row.textContent).toContain('Kostja OÜ Päikesekiir');
    expect(within(row).queryByTestId('intro-changed')).toBeNull();
    expect(within(row).queryByText('muudetud käsitsi')).toBeNull();
  });

  it('says so when saving fails, keeps the text and saves it again on retry', async () => {
    const { store } = await openDraft();
    store.saveError = new AppError('internal', 'disk full');
    await editField('Kohus', 'Uus kohus');
    await waitFor(() => expect(indicator().textContent).toBe('Salvestamine ebaõnnestus — disk full'));
    fireEvent.click(screen.getByRole('button', { name: 'Proovi uuesti salvestada' }));
    await waitFor(() => expect(store.draft.introduction[0]!.override).toBe('Uus kohus'));
    await waitFor(() => expect(indicator().textContent).toMatch(/^Salvestatud/));
  });

  it('stops on a conflict with another window and reloads the saved text on request', async () => {
    const { store, saves } = await openDraft();
    // Another window saved meanwhile.
    store.draft = {
      ...store.draft,
      revision: 5,
      sections: store.draft.sections.map((section) =>
        section.id === 'operative' ? { ...section, content: docFromText('Teise akna tekst.') } : section,
      ),
    };
    await editField('Kohus', 'Minu tekst');
    await waitFor(() => expect(indicator().textContent).toContain('muudeti vahepeal teises aknas'));
    fireEvent.click(screen.getByRole('button', { name: 'Laadi uuesti' }));
    await waitFor(() =>
      expect(screen.getAllByTestId('draft-section')[0]!.textContent).toContain('Teise akna tekst.'),
    );
    expect(screen.getByTestId('intro-court').textContent).toContain('Harju Maakohus');
    await editField('Kohus', 'Pärast');
    await waitFor(() => expect(saves().at(-1)).toMatchObject({ baseRevision: 5 }), { timeout: 1_000 });
    await waitFor(() => expect(store.draft.revision).toBe(6));
  });

  it('keeps a version on Ctrl+S and says so; the history compares it and restores after a confirmation', async () => {
    const { store, host, saves } = await openDraft();
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(saves()).toEqual([expect.objectContaining({ version: true })]));
    await waitFor(() => expect(indicator().textContent).toMatch(/^Versioon salvestatud \d\d:\d\d:\d\d$/));
    expect(store.versions.map((version) => version.reason)).toEqual(['manual']);
    // Another window changes the text; this one, with nothing waiting, takes it on the event.
    store.draft = {
      ...store.draft,
      revision: store.draft.revision + 1,
      sections: store.draft.sections.map((section) =>
        section.id === 'operative'
          ? { ...section, content: docFromText('Hagi rahuldada osaliselt.\nKulud jätta poolte kanda.') }
          : section,
      ),
    };
    act(() => host.emit('drafts:changed', { draftIds: [DRAFT_ID] }));
    const operative = () => screen.getAllByTestId('draft-section')[0]!;
    await waitFor(() => expect(operative().textContent).toContain('Kulud jätta poolte kanda.'));

    fireEvent.click(screen.getByRole('button', { name: 'Versioonid' }));
    const panel = await screen.findByTestId('version-panel');
    const item = await within(panel).findByTestId('version-item');
    expect(item.textContent).toMatch(/salvestatud käsitsi · 8 sõna$/);
    fireEvent.click(item);
    expect(item.getAttribute('aria-pressed')).toBe('true');
    const diff = await within(panel).findByTestId('version-diff');
    const entries = within(diff).getAllByRole('listitem');
    expect(entries.map((entry) => entry.dataset.kind)).toEqual(['changed', 'added']);
    // Colour and a word: each entry names its kind.
    expect(entries[0]!.textContent).toMatch(/^muudetud/);
    expect(entries[0]!.textContent).toContain('Hagi rahuldada.');
    expect(entries[0]!.textContent).toContain('Hagi rahuldada osaliselt.');
    expect(entries[1]!.textContent).toBe('lisatudKulud jätta poolte kanda.');

    fireEvent.click(within(panel).getByRole('button', { name: 'Taasta see versioon' }));
    const dialog = screen.getByTestId('restore-dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Taasta' }));
    await waitFor(() => expect(operative().textContent).not.toContain('Kulud jätta poolte kanda.'));
    expect(operative().textContent).toContain('Hagi rahuldada.');
    expect(callsTo(host, 'drafts:restore')).toEqual([{ draftId: DRAFT_ID, versionId: 1 }]);
    expect(within(panel).getByRole('status').textContent).toMatch(/^Versioon .* on taastatud\.$/);
    // Typing after the restore saves on the restored revision.
    const revision = store.draft.revision;
    await editField('Kohus', 'Pärast taastamist');
    await waitFor(() => expect(saves().at(-1)).toMatchObject({ baseRevision: revision }), {
      timeout: 1_000,
    });
    await waitFor(() => expect(store.draft.revision).toBe(revision + 1));
  });

  it('exports a DOCX as a download with the file name of the answer', async () => {
    await openDraft();
    const created: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        created.push(blob);
        return 'blob:test';
      },
      revokeObjectURL: () => undefined,
    });
    let downloaded: string | null = null;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ekspordi DOCX' }));
    await waitFor(() => expect(downloaded).toBe('2-24-4962_kohtuotsus.docx'));
    expect(created[0]?.size).toBe(4);
    expect(created[0]?.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(screen.getByTestId('export-status').textContent).toContain('2-24-4962_kohtuotsus.docx');
  });

  it('submits after a confirmation that lists what is filed; a refusal lists the empty required parts', async () => {
    const { store, host } = await openDraft();
    store.submitError = new AppError('invalid_input', 'Required sections are empty: reasoning');
    fireEvent.click(screen.getByRole('button', { name: 'Esita registrisse' }));
    const dialog = screen.getByTestId('submit-dialog');
    expect(dialog.textContent).toContain('kohtuasja 2-24-4962 järgmise dokumendina');
    expect(dialog.textContent).toContain('KOHTUOTSUS (DOCX, 8 sõna)');
    expect(dialog.textContent).toContain('Osad: RESOLUTSIOON, PÕHJENDUSED');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Esita registrisse' }));
    const missing = await within(dialog).findByTestId('submit-missing');
    expect(missing.textContent).toContain('kohustuslikud osad on tühjad');
    expect(missing.textContent).toContain('Required sections are empty: reasoning');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Esita registrisse' }));
    await waitFor(() => expect(screen.getByTestId('draft-status').textContent).toBe('saadetud registrisse'));
    expect(callsTo(host, 'drafts:submit')).toHaveLength(2);
    expect(screen.getByRole('banner').textContent).toContain('ei saa enam muuta');
    expect(screen.queryByRole('button', { name: 'Muuda: Kohus' })).toBeNull();
    // The register filed it: the host says the draft changed, the screen reads it again.
    store.draft = { ...store.draft, status: 'filed', documentNumber: '2-24-4962/7' };
    act(() => host.emit('drafts:changed', { draftIds: [DRAFT_ID] }));
    await waitFor(() =>
      expect(screen.getByTestId('draft-status').textContent).toBe('registreeritud 2-24-4962/7'),
    );
  });

  it('deletes a draft after a confirmation and goes back to the case', async () => {
    const { host, links } = await openDraft();
    fireEvent.click(screen.getByRole('button', { name: 'Kustuta kavand' }));
    const dialog = screen.getByTestId('delete-dialog');
    expect(dialog.textContent).toContain('„KOHTUOTSUS“');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kustuta' }));
    await waitFor(() => expect(links.cases).toEqual(['case-civil-4962']));
    expect(callsTo(host, 'drafts:delete')).toEqual([{ draftId: DRAFT_ID }]);
  });

  it('has no accessibility violations', async () => {
    await openDraft(createStore(makeDraft()));
    fireEvent.click(screen.getByRole('button', { name: 'Versioonid' }));
    await screen.findByText(/Versioone veel pole/);
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((n) => n.html).join(' | ')}`,
      ),
    ).toEqual([]);
  });
});
