import { QueryClientProvider } from '@tanstack/react-query';
import axe from 'axe-core';
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseSnapshot } from '../../../../src-shared/domain/case';
import { createQueryClient } from '../../../../src-renderer/app/query-client';
import { DecisionsSection } from '../../../../src-renderer/features/cases/components/decisions-section';
import { I18nProvider } from '../../../../src-renderer/i18n/i18n-provider';
import { DEMO_CASES, DEMO_USERS, idCardSession } from '../../support/demo-data';
import { renderApp, resetWindow } from '../../support/render-app';

afterEach(resetWindow);

const base = DEMO_CASES[0]!;
const sha = (c: string) => c.repeat(64);

/** The demo civil case after its judgment: a judgment document and a `decided` step. */
const decided: CaseSnapshot = {
  ...base,
  status: 'decided',
  documents: [
    ...base.documents,
    {
      id: 'd3',
      number: `${base.number}/3`,
      kind: 'judgment',
      title: 'Kohtuotsus',
      mediaType: 'application/pdf',
      sha256: sha('c'),
      size: 102_400,
      pages: 7,
      restricted: false,
      filedAt: '2024-06-20T10:00:00+03:00',
    },
    {
      id: 'd4',
      number: `${base.number}/4`,
      kind: 'ruling',
      title: 'Määrus menetluskulude kohta',
      mediaType: 'application/pdf',
      sha256: sha('d'),
      size: 20_480,
      pages: 2,
      restricted: true,
      filedAt: '2024-06-21T10:00:00+03:00',
    },
  ],
  steps: [
    ...base.steps,
    {
      id: 's3',
      kind: 'decided',
      occurredAt: '2024-06-20T10:00:00+03:00',
      enteredAt: '2024-06-20T10:05:00+03:00',
      description: 'Hagi rahuldati osaliselt.',
    },
  ],
};

function renderDecisions(snapshot: CaseSnapshot, language: 'et' | 'en' = 'et') {
  window.localStorage.setItem('chambers.language', language);
  render(
    <QueryClientProvider client={createQueryClient()}>
      <I18nProvider>
        <main>
          <DecisionsSection snapshot={snapshot} />
        </main>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return screen.getByRole('region', { name: /^(Lahendid|Decisions)/ });
}

describe('decisions of the case', () => {
  it('lists the decision documents (number, title, kind, date) and the decided steps', () => {
    const section = renderDecisions(decided);
    const rows = within(section).getAllByTestId('decision-document');
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['2-24-4962/3', 'Kohtuotsus', 'kohtuotsus', '20.06.2024'],
      ['2-24-4962/4', 'Määrus menetluskulude kohtaPiiratud juurdepääs', 'kohtumäärus', '21.06.2024'],
    ]);
    // The statement of claim and the response are not decisions.
    expect(within(section).queryByText('Hagiavaldus')).toBeNull();
    const steps = within(section).getAllByTestId('decision-step');
    expect(steps.map((step) => step.textContent)).toEqual(['20.06.2024Hagi rahuldati osaliselt.']);
    // The count in the heading: two documents and one step.
    expect(within(section).getByRole('heading', { level: 3 }).textContent).toBe('Lahendid 3');
  });

  it('says when no decision has been made yet', () => {
    const section = renderDecisions(base);
    expect(within(section).getByText('Lahendeid pole veel tehtud.')).toBeTruthy();
    expect(within(section).queryByTestId('decisions')).toBeNull();
  });

  it('lists a decided step even before its document is filed, in English too', () => {
    const section = renderDecisions({ ...decided, documents: base.documents }, 'en');
    expect(within(section).queryAllByTestId('decision-document')).toEqual([]);
    expect(within(section).getByRole('list', { name: 'Decisions entered in the proceedings' })).toBeTruthy();
    expect(within(section).getByText('Hagi rahuldati osaliselt.')).toBeTruthy();
  });

  it('has no accessibility violations axe can find in jsdom', async () => {
    renderDecisions(decided);
    // Colour contrast needs a layout engine; tokens-contrast.test.ts and the e2e axe run cover it.
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });

  it('comes after the documents in the case file, with the private note', async () => {
    renderApp(
      { session: idCardSession(DEMO_USERS[0]!.user), cases: [decided, ...DEMO_CASES.slice(1)] },
      `#/cases/${decided.id}`,
    );
    const file = await screen.findByTestId('case-file');
    await waitFor(() => expect(within(file).getByTestId('note-section')).toBeTruthy());
    const titles = within(file)
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent?.replace(/\s*\d+$/, ''));
    const documents = titles.indexOf('Dokumendid');
    expect(documents).toBeGreaterThanOrEqual(0);
    expect(titles[documents + 1]).toBe('Lahendid');
    expect(titles).toContain('Minu märge — näed ainult sina');
    const results = await axe.run(file, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
