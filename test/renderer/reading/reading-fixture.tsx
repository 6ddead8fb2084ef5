// The fake host set up for the reading room: documents:open answers with the demo case's
// documents, and can be held back so a test sees the download in progress.
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ChambersApi } from '../../../src-shared/contract/bridge';
import { createQueryClient } from '../../../src-renderer/app/query-client';
import { casesHref, documentsHref, navigate, useRoute } from '../../../src-renderer/app/routes';
import { PlaceholderViewer } from '../../../src-renderer/features/reading/components/placeholder-viewer';
import { ReadingRoom } from '../../../src-renderer/features/reading/components/reading-room';
import { I18nProvider } from '../../../src-renderer/i18n/i18n-provider';
import { AppError } from '../../../src-shared/contract/result';
import type { DocumentInfo } from '../../../src-shared/contract/viewer';
import { createFakeHost, type FakeHost } from '../support/fake-host';
import { DEMO_CASES, DEMO_USERS, idCardSession } from '../support/demo-data';
import { renderApp } from '../support/render-app';

export const demoCase = DEMO_CASES[0]!;
export const judge = DEMO_USERS[0]!.user;

export function infoOf(documentId: string): DocumentInfo {
  const document = demoCase.documents.find(({ id }) => id === documentId);
  if (!document) throw new AppError('not_found', `No document ${documentId} here.`);
  return {
    documentId,
    caseId: demoCase.id,
    caseNumber: demoCase.number,
    number: document.number,
    title: document.title,
    mediaType: document.mediaType,
    sha256: document.sha256,
    size: document.size,
    pages: document.pages,
    restricted: document.restricted,
  };
}

export interface ReadingHost extends FakeHost {
  /** How documents:open answers now (a test changes it to simulate the register coming back). */
  answer: { current: (documentId: string) => DocumentInfo };
  /** Holds documents:open of these documents until `release(id)`. */
  held: Set<string>;
  release(documentId: string): void;
}

/** The fake host with documents; `documents:open` may be held to show a download in progress. */
export function createReadingHost(): ReadingHost {
  const answer = { current: infoOf };
  const host = createFakeHost({
    session: idCardSession(judge),
    handlers: { 'documents:open': ({ documentId }) => answer.current(documentId) },
  });
  const held = new Set<string>();
  const waiting = new Map<string, Array<() => void>>();
  // The fake host answers at once; a held document waits here first, as a slow download would.
  const api: ChambersApi = {
    ...host.api,
    documentsOpen: async (input) => {
      if (held.has(input.documentId))
        await new Promise<void>((resolve) =>
          waiting.set(input.documentId, [...(waiting.get(input.documentId) ?? []), resolve]),
        );
      return host.api.documentsOpen(input);
    },
  };
  return {
    ...host,
    api,
    answer,
    held,
    release(documentId) {
      held.delete(documentId);
      for (const resolve of waiting.get(documentId) ?? []) resolve();
      waiting.delete(documentId);
    },
  };
}

/**
 * The reading room as the app shell wires it (the address in, navigation out), with the stand-in
 * viewer: pdf.js needs a real browser (the viewer's own tests and e2e run it in Chromium).
 */
function RoomAtAddress() {
  const route = useRoute();
  if (route.screen !== 'documents') return null;
  return (
    <main>
      <ReadingRoom
        layout={route.documents}
        onLayoutChange={(layout) => navigate(documentsHref(layout.ids, layout))}
        Viewer={PlaceholderViewer}
        onOpenCase={(caseId) => navigate(casesHref(caseId))}
      />
    </main>
  );
}

/** Renders the reading room in English at `at` over the fake host (as window.chambers). */
export function renderRoom(at: string, host: ReadingHost = createReadingHost()) {
  window.localStorage.setItem('chambers.language', 'en');
  window.history.replaceState(null, '', `/${at}`);
  Object.defineProperty(window, 'chambers', { value: host.api, configurable: true, writable: true });
  const view = render(
    <QueryClientProvider client={createQueryClient()}>
      <I18nProvider>
        <RoomAtAddress />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { host, ...view };
}

/** Renders the whole app in English at `at` (the reading room's tests read English texts). */
export function renderReading(at: string, host: ReadingHost = createReadingHost()) {
  window.localStorage.setItem('chambers.language', 'en');
  window.history.replaceState(null, '', `/${at}`);
  return renderApp(host, at);
}
