import axe from 'axe-core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/contract/result';
import { CaseDraftsSection } from '../../src-renderer/features/drafting/components/case-drafts-section';
import {
  CASE_ID,
  createStore,
  DRAFT_ID,
  draftingHandlers,
  makeDraft,
  renderDrafting,
} from './drafting-fixture';
import { DEMO_USERS, idCardSession } from './support/demo-data';
import { callsTo } from './support/fake-host';
import { renderApp, resetWindow } from './support/render-app';

afterEach(resetWindow);

function renderSection(store = createStore(), courts = ['HMK']) {
  return renderDrafting(
    store,
    <CaseDraftsSection caseId={CASE_ID} procedureType="civil" courtCode="HMK" />,
    courts,
  );
}

const docxFile = (name = 'otsus.docx', bytes = [80, 75, 3, 4]) =>
  new File([new Uint8Array(bytes)], name, {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });

describe('the case file’s decision drafts', () => {
  it('lists the case’s drafts with template, status in words, saved time and words', async () => {
    const store = createStore(makeDraft({ status: 'filed', documentNumber: '2-24-4962/7', wordCount: 1234 }));
    const { host } = renderSection(store);
    const row = await screen.findByTestId('draft-row');
    expect(callsTo(host, 'drafts:list')).toEqual([{ caseId: CASE_ID }]);
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Lahendite kavandid 1');
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells[0]).toBe('Tsiviilasja kohtuotsus');
    expect(cells[1]).toBe('registreeritud 2-24-4962/7');
    expect(cells[2]).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
    expect(cells[3]).toBe(new Intl.NumberFormat('et-EE').format(1234));
    expect(within(row).getByRole('link', { name: 'KOHTUOTSUS' }).getAttribute('href')).toBe(
      `#/drafts/${DRAFT_ID}`,
    );
  });

  it('starts a draft from a template of the case’s procedure type and opens it', async () => {
    const { host, links } = renderSection();
    await screen.findByTestId('draft-row');
    fireEvent.click(screen.getByRole('button', { name: 'Alusta lahendit' }));
    const dialog = screen.getByTestId('start-draft-dialog');
    const select = await within(dialog).findByRole('combobox', { name: 'Mall' });
    expect(callsTo(host, 'drafting:templates')).toEqual([{ procedureType: 'civil' }]);
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Tsiviilasja kohtuotsus', 'Tsiviilasja määrus']);
    fireEvent.change(select, { target: { value: 'civil-ruling' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Loo kavand' }));
    await waitFor(() => expect(links.opened).toEqual([DRAFT_ID]));
    expect(callsTo(host, 'drafts:create')).toEqual([{ caseId: CASE_ID, templateId: 'civil-ruling' }]);
  });

  it('imports a Word file as base64 with the chosen template; a wrong file and a refusal are explained', async () => {
    const { host, links } = renderSection();
    await screen.findByTestId('draft-row');
    fireEvent.click(screen.getByRole('button', { name: 'Impordi Wordi fail' }));
    const dialog = screen.getByTestId('start-draft-dialog');
    await within(dialog).findByRole('combobox', { name: 'Mall' });
    const input = within(dialog).getByLabelText('Wordi fail (.docx)');
    fireEvent.change(input, { target: { files: [docxFile('otsus.pdf')] } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Impordi' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Vali Wordi fail laiendiga .docx.');
    expect(callsTo(host, 'drafts:import')).toEqual([]);

    fireEvent.change(input, { target: { files: [docxFile()] } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Impordi' }));
    await waitFor(() => expect(links.opened).toEqual([DRAFT_ID]));
    expect(callsTo(host, 'drafts:import')).toEqual([
      {
        caseId: CASE_ID,
        templateId: 'civil-judgment',
        fileName: 'otsus.docx',
        base64: btoa('PK\u0003\u0004'),
      },
    ]);
  });

  it('shows the host’s reason when an import is refused', async () => {
    const store = createStore();
    renderSection(store);
    // The host refuses this file (not a Word document inside).
    Object.defineProperty(window, 'chambers', {
      value: {
        ...window.chambers,
        draftsImport: async () => ({
          ok: false as const,
          error: new AppError('invalid_input', 'not a Word document (no word/document.xml)').toShape(),
        }),
      },
      configurable: true,
    });
    await screen.findByTestId('draft-row');
    fireEvent.click(screen.getByRole('button', { name: 'Impordi Wordi fail' }));
    const dialog = screen.getByTestId('start-draft-dialog');
    await within(dialog).findByRole('combobox', { name: 'Mall' });
    fireEvent.change(within(dialog).getByLabelText('Wordi fail (.docx)'), {
      target: { files: [docxFile()] },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Impordi' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('not a Word document (no word/document.xml)');
  });

  it('offers no drafting where the user may not draft, and refreshes on drafts:changed', async () => {
    const store = createStore();
    const { host } = renderSection(store, []);
    await screen.findByTestId('draft-row');
    expect(screen.queryByRole('button', { name: 'Alusta lahendit' })).toBeNull();
    store.draft = { ...store.draft, status: 'submitted' };
    act(() => host.emit('drafts:changed', { draftIds: [DRAFT_ID] }));
    await waitFor(() =>
      expect(screen.getByTestId('draft-row').textContent).toContain('saadetud registrisse'),
    );
  });

  it('says what will appear when the case has no drafts, and has no accessibility violations', async () => {
    const store = createStore(makeDraft({ caseId: 'other-case' }));
    renderSection(store);
    await screen.findByText(/Selles kohtuasjas pole lahendi kavandeid/);
    fireEvent.click(screen.getByRole('button', { name: 'Alusta lahendit' }));
    await screen.findByRole('combobox', { name: 'Mall' });
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});

describe('drafting in the app', () => {
  it('starts a decision from the case file and lands on the draft screen at #/drafts/<id>', async () => {
    const store = createStore();
    renderApp(
      { session: idCardSession(DEMO_USERS[0]!.user), handlers: draftingHandlers(store) },
      `#/cases/${CASE_ID}`,
    );
    const section = await screen.findByTestId('case-drafts');
    fireEvent.click(within(section).getByRole('button', { name: 'Alusta lahendit' }));
    const dialog = screen.getByTestId('start-draft-dialog');
    await within(dialog).findByRole('combobox', { name: 'Mall' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Loo kavand' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/drafts/${DRAFT_ID}`));
    expect(await screen.findByRole('heading', { level: 1, name: 'KOHTUOTSUS' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Kohtuasi 2-24-4962' }).getAttribute('href')).toBe(
      `#/cases/${CASE_ID}`,
    );
  });

  it('sends a user who may not draft from #/drafts back to My work', async () => {
    renderApp({ session: idCardSession(DEMO_USERS[1]!.user), cards: [] }, `#/drafts/${DRAFT_ID}`);
    await waitFor(() =>
      expect(screen.getByRole('link', { current: 'page' }).getAttribute('href')).toBe('#/work'),
    );
    expect(screen.queryByTestId('draft')).toBeNull();
  });
});
