// The panels harness: the host-connected DocumentViewer (thumbnails, outline, find, notes) on its own
// page over the fake host (in-memory annotations and reader state), for e2e/viewer-panels.spec.ts.
// The document id is a fixture's file name: ?doc=text-12.pdf → bytes from /fixtures/text-12.pdf.
//   ?lang=et|en (default en)   ?theme=light|dark
// window.__panels = { host, saved }: the fake host (its state.annotations, emit()) and every
// viewer:putState the viewer sent.
import '../../src-renderer/styles/tokens.css';
import '../../src-renderer/styles/base.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ChambersApi } from '../../src-shared/contract/bridge';
import type { ViewerState } from '../../src-shared/contract/viewer';
import { createQueryClient } from '../../src-renderer/app/query-client';
import { DocumentViewer } from '../../src-renderer/features/viewer/components/document-viewer';
import { I18nProvider } from '../../src-renderer/i18n/i18n-provider';
import { LANGUAGE_STORAGE_KEY } from '../../src-renderer/i18n/languages';
import { createFakeHost, type FakeHost } from '../../test/renderer/support/fake-host';

const params = new URLSearchParams(location.search);
localStorage.setItem(LANGUAGE_STORAGE_KEY, params.get('lang') === 'et' ? 'et' : 'en');
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
const documentId = params.get('doc') ?? 'text-12.pdf';

const saved: ViewerState[] = [];
const host = createFakeHost({
  handlers: {
    'viewer:getState': ({ documentId: id }) => saved.findLast((state) => state.documentId === id) ?? null,
    'viewer:putState': (state) => {
      saved.push(state);
      return null;
    },
  },
});
const api: ChambersApi = { ...host.api, documentUrl: (id) => `/fixtures/${encodeURIComponent(id)}` };
Object.defineProperty(window, 'chambers', { value: api, configurable: true });

declare global {
  interface Window {
    __panels: { host: FakeHost; saved: ViewerState[] };
  }
}
window.__panels = { host, saved };

const container = document.getElementById('root');
if (!container) throw new Error('panels.html has no #root element');
container.style.height = '100vh';
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <I18nProvider>
        <DocumentViewer documentId={documentId} label={`T-25-1/1 ${documentId}`} />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
