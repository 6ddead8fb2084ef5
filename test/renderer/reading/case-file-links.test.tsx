import axe from 'axe-core';
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import type { CaseSnapshot } from '../../../src-shared/domain/case';
import { createQueryClient } from '../../../src-renderer/app/query-client';
import { DecisionsSection } from '../../../src-renderer/features/cases/components/decisions-section';
import { DocumentLinksContext } from '../../../src-renderer/features/cases/components/documents-section';
import { I18nProvider } from '../../../src-renderer/i18n/i18n-provider';
import { resetWindow } from '../support/render-app';
import { demoCase, renderReading } from './reading-fixture';

afterEach(() => {
  resetWindow();
  window.sessionStorage.clear();
});

const documentsSection = () => screen.findByRole('region', { name: /^Documents/ }, { timeout: 5000 });

describe('documents in the case file', () => {
  it('makes each title a link into the reading room', async () => {
    renderReading('#/cases/case-civil-4962');
    const section = await documentsSection();
    const link = within(section).getByRole('link', { name: 'Hagiavaldus' });
    expect(link.getAttribute('href')).toBe('#/documents/d1');
    // The table stays a table: the title is still its row's header.
    expect(link.closest('th')?.getAttribute('scope')).toBe('row');
    // Nothing is open yet: no "Open beside" and no actions column.
    expect(within(section).queryByRole('link', { name: /Open beside/ })).toBeNull();
    expect(within(section).queryByRole('columnheader', { name: 'Actions' })).toBeNull();

    // Following the link (jsdom does not navigate on click).
    window.location.hash = link.getAttribute('href')!;
    // The app shell's reading room: its tab and panel (the pdf.js viewer itself needs Chromium).
    expect(await screen.findByRole('tabpanel', { name: '2-24-4962/1 Hagiavaldus' })).toBeTruthy();
  });

  it('offers "Open beside" once a document is open, and adds tabs to what is open', async () => {
    renderReading('#/documents/d2');
    expect(await screen.findByRole('tab', { name: '2-24-4962/2 Vastus hagiavaldusele' })).toBeTruthy();
    window.location.hash = '#/cases/case-civil-4962';
    const section = await documentsSection();
    await waitFor(() => expect(within(section).getByRole('columnheader', { name: 'Actions' })).toBeTruthy());
    expect(within(section).getByRole('link', { name: 'Hagiavaldus' }).getAttribute('href')).toBe(
      '#/documents/d2,d1?active=d1',
    );
    // The open document itself cannot go beside itself.
    const beside = within(section).getAllByRole('link', { name: /^Open beside/ });
    expect(beside).toHaveLength(1);
    expect(beside[0]!.getAttribute('aria-label')).toBe('Open beside: 2-24-4962/1 Hagiavaldus');
    expect(beside[0]!.getAttribute('href')).toBe('#/documents/d2,d1?beside=d1');

    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map(({ id }) => id)).toEqual([]);

    window.location.hash = beside[0]!.getAttribute('href')!;
    expect(await screen.findByRole('region', { name: 'Beside: 2-24-4962/1 Hagiavaldus' })).toBeTruthy();
    expect(screen.getByRole('tabpanel', { name: '2-24-4962/2 Vastus hagiavaldusele' })).toBeTruthy();
  });
});

describe('decision documents in the case file', () => {
  const decided: CaseSnapshot = {
    ...demoCase,
    documents: [
      ...demoCase.documents,
      {
        ...demoCase.documents[0]!,
        id: 'd3',
        number: `${demoCase.number}/3`,
        kind: 'judgment',
        title: 'Kohtuotsus',
      },
    ],
  };
  const links = {
    openHref: (id: string) => `#/documents/${id}`,
    besideHref: (id: string) => (id === 'd1' ? null : `#/documents/d1,${id}?beside=${id}`),
  };

  it('links their titles and offers "Open beside" like the documents table', () => {
    window.localStorage.setItem('chambers.language', 'en');
    render(
      <QueryClientProvider client={createQueryClient()}>
        <I18nProvider>
          <main>
            <DocumentLinksContext value={links}>
              <DecisionsSection snapshot={decided} />
            </DocumentLinksContext>
          </main>
        </I18nProvider>
      </QueryClientProvider>,
    );
    const row = screen.getByTestId('decision-document');
    expect(within(row).getByRole('link', { name: 'Kohtuotsus' }).getAttribute('href')).toBe('#/documents/d3');
    expect(
      within(row)
        .getByRole('link', { name: /^Open beside/ })
        .getAttribute('href'),
    ).toBe('#/documents/d1,d3?beside=d3');
    expect(screen.getByRole('columnheader', { name: 'Actions' })).toBeTruthy();
  });
});
