// The viewer harness: PdfViewer on its own, driven by the query string.
//   ?file=<url>        the PDF (e.g. /fixtures/scan-500.pdf)
//   ?page=N&offset=F   where to start;  ?zoom=fit-width|fit-page|<scale, 1 = 100 %>
//   ?lang=et|en        UI language;     ?theme=light|dark
// window.__viewer = { ready, controller, states, error }: `ready` resolves with the controller once
// the document is open (rejects with the ViewerLoadError); `states` collects onStateChange calls.
// The viewer root carries data-ready, data-current-page and data-rendered-pages ("1 2 3").
import '../../src-renderer/styles/tokens.css';
import '../../src-renderer/styles/base.css';
import './harness.css';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { PdfViewer } from '../../src-renderer/features/viewer/components/pdf-viewer';
import { useViewer } from '../../src-renderer/features/viewer/lib/viewer-context';
import type {
  ReaderState,
  ViewerController,
  ViewerLoadError,
  ZoomSetting,
} from '../../src-renderer/features/viewer/lib/viewer-types';
import { I18nProvider } from '../../src-renderer/i18n/i18n-provider';
import { LANGUAGE_STORAGE_KEY } from '../../src-renderer/i18n/languages';

interface HarnessHandle {
  ready: Promise<ViewerController>;
  controller: ViewerController | null;
  states: ReaderState[];
  error: ViewerLoadError | null;
}

declare global {
  interface Window {
    __viewer: HarnessHandle;
  }
}

const params = new URLSearchParams(location.search);
const lang = params.get('lang');
if (lang === 'et' || lang === 'en') localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;

function zoomOf(value: string | null): ZoomSetting {
  if (value === 'fit-page') return { kind: 'fit-page' };
  const scale = Number(value);
  return value && Number.isFinite(scale) && scale > 0 ? { kind: 'scale', scale } : { kind: 'fit-width' };
}

const page = Number(params.get('page') ?? '1');
const offset = Number(params.get('offset') ?? '0');
const initialState: ReaderState | null =
  params.has('page') || params.has('zoom')
    ? {
        page: Number.isInteger(page) && page > 0 ? page : 1,
        offset: offset >= 0 && offset <= 1 ? offset : 0,
        zoom: zoomOf(params.get('zoom')),
        rotations: {},
      }
    : null;

let resolveReady: (controller: ViewerController) => void = () => undefined;
let rejectReady: (error: ViewerLoadError) => void = () => undefined;
const handle: HarnessHandle = {
  ready: new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  }),
  controller: null,
  states: [],
  error: null,
};
handle.ready.catch(() => undefined);
window.__viewer = handle;

/** Publishes the current controller to the test. */
function Expose() {
  const viewer = useViewer();
  useEffect(() => {
    handle.controller = viewer;
    resolveReady(viewer);
  }, [viewer]);
  return null;
}

const file = params.get('file') ?? '';
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
container.style.height = '100vh';
container.style.display = 'flex';
container.style.flexDirection = 'column';
createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <main className="viewer-harness">
        <h1 className="visually-hidden">{file}</h1>
        <PdfViewer
          source={{ url: file }}
          label={file}
          initialState={initialState}
          onStateChange={(state) => handle.states.push(state)}
          onLoadError={(error) => {
            handle.error = error;
            rejectReady(error);
          }}
          toolbarEnd={<Expose />}
        />
      </main>
    </I18nProvider>
  </StrictMode>,
);
