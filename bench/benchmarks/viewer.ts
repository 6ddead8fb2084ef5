// The scanned-document viewer against pdf.js's own reference viewer (PDFViewer), in one Chromium run,
// on the same 500-page scan served over HTTP with Range support. "Drawn" is the same for both: the
// page's number appears in a `data-rendered-pages` attribute (ours: the harness; the reference:
// tools/viewer-harness/reference.ts, set on pdf.js's `pagerendered`), time-stamped in the page by a
// MutationObserver with performance.now(), i.e. milliseconds since navigation start.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.js';
import { makeScannedPdf } from '../../src-register/seed/scanned-pdf.js';
import { median, percentile } from '../lib/measure.js';
import { type FileServer, serve } from '../lib/range-server.js';
import type { BenchReport } from '../lib/types.js';

export const name = 'viewer';
export const description =
  'viewer harness vs. pdf.js reference viewer: 500-page scan, first page, jump to 400, memory over 100 pages';

const root = resolve(import.meta.dirname, '../..');
const harnessDir = join(root, 'tools/viewer-harness');
const PAGES = 500;
const JUMP_TO = 400;
const SCROLL_PAGES = 100;
const REPS = 9;
const WAIT_MS = 60_000;
const MB = 1024 * 1024;

interface Variant {
  label: string;
  /** The harness page, relative to the server root. */
  page: string;
  firstMs: number[];
  jumpMs: number[];
  firstBytes: number[];
  memory?: MemoryRun;
}

interface MemoryRun {
  peakRssMb: number;
  afterRssMb: number;
  peakHeapMb: number;
  afterHeapMb: number;
  /** Canvases with pixels left in the DOM after the scroll: the viewer's memory bound at work. */
  canvasesAfter: number;
  scrollMs: number;
}

/**
 * The 500-page scan. Kept in the temp dir between runs: it takes 4 s to an idle minute to make, and
 * the same options give the same bytes on the same machine — with the same writer: the file name
 * carries a hash of the scan code, so a changed layout is never measured from a stale file.
 */
async function scan(): Promise<Uint8Array> {
  const code = createHash('sha256');
  for (const file of ['scanned-pdf.ts', 'scanned-pdf-page.ts', 'scanned-pdf-writer.ts'])
    code.update(await readFile(join(import.meta.dirname, '../../src-register/seed', file)));
  const version = code.digest('hex').slice(0, 12);
  const cached = join(tmpdir(), `chambers-viewer-bench-scan-${PAGES}-seed7-${version}.pdf`);
  const kept = await readFile(cached).catch(() => null);
  if (kept && kept.subarray(0, 5).toString() === '%PDF-' && kept.includes('%%EOF', kept.length - 8))
    return kept;
  const bytes = await makeScannedPdf({
    title: 'KOHTUOTSUS tsiviilasjas nr 2-24-12345',
    lines: ['HARJU MAAKOHUS', '', 'Kohus leiab, et hagi tuleb rahuldada osaliselt järgmistel põhjustel.'],
    pages: PAGES,
    seed: 7,
  });
  await writeFile(cached, bytes);
  return bytes;
}

/** Builds the harness with C1's vite config (index.html and reference.html) into `outDir`. */
async function buildHarness(outDir: string, withOurs: boolean): Promise<void> {
  const { build } = await import('vite');
  const configFile = join(harnessDir, 'vite.config.ts');
  if (withOurs) {
    await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    return;
  }
  // No harness of ours yet: the reference page alone, which needs no plugins.
  await build({
    configFile: false,
    root: harnessDir,
    base: './',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: { reference: join(harnessDir, 'reference.html') } },
    },
  });
}

// ---- in the page ----

/** Records, for each page number, when it last appeared in a `data-rendered-pages` attribute. */
const RECORD_DRAWN = `(() => {
  const drawn = (window.__drawn = {});
  let now = new Set();
  window.__renderedNow = now;
  new MutationObserver((records) => {
    for (const r of records) {
      const value = r.target.getAttribute && r.target.getAttribute('data-rendered-pages');
      const next = new Set((value || '').match(/\\d+/g)?.map(Number) ?? []);
      for (const p of next) if (!now.has(p)) drawn[p] = performance.now();
      now = next;
      window.__renderedNow = now;
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-rendered-pages'] });
})();`;

interface PageGlobals {
  __drawn?: Record<number, number>;
  __renderedNow?: Set<number>;
  __viewer?: { ready: Promise<void>; controller: { goTo(page: number): void } };
}

/** A fresh page that records drawn pages and keeps its errors for the message of a timeout. */
async function openViewer(page: Page, server: FileServer, v: Variant, pdfUrl: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  pageErrors.set(page, errors);
  await page.addInitScript(RECORD_DRAWN);
  const url = `${server.origin}/${v.page}?file=${encodeURIComponent(pdfUrl)}&page=1`;
  await page.goto(url, { waitUntil: 'commit' });
}

const pageErrors = new WeakMap<Page, string[]>();

async function waitDrawn(page: Page, pageNumber: number, after = 0): Promise<number> {
  const handle = await waitWithContext(page, `page ${pageNumber} drawn`, () =>
    page.waitForFunction(
      ([n, t]) => {
        const at = (globalThis as PageGlobals).__drawn?.[n!];
        return at !== undefined && at > t! ? at : null;
      },
      [pageNumber, after],
      { timeout: WAIT_MS, polling: 'raf' },
    ),
  );
  return (await handle.jsonValue()) as number;
}

/** Runs a wait; a timeout names what was awaited, on which page, and the page's errors. */
async function waitWithContext<T>(page: Page, what: string, wait: () => Promise<T>): Promise<T> {
  try {
    return await wait();
  } catch (error) {
    const errors = pageErrors.get(page) ?? [];
    throw new Error(
      `${page.url().split('?')[0]}: no ${what} within ${WAIT_MS / 1000} s` +
        (errors.length ? `; page errors: ${errors.slice(0, 5).join(' | ')}` : ''),
      { cause: error },
    );
  }
}

/** Jumps to a page; returns performance.now() in the page at the call. */
const jump = (page: Page, pageNumber: number): Promise<number> =>
  page.evaluate(async (n) => {
    const viewer = (globalThis as PageGlobals).__viewer!;
    await viewer.ready;
    const t = performance.now();
    viewer.controller.goTo(n);
    return t;
  }, pageNumber);

/** Canvases with a size; throws when none of them has ink on it (drawn but blank is not drawn). */
const CANVAS_CHECK = `(() => {
  const canvases = [...document.querySelectorAll('canvas')].filter((c) => c.width > 0 && c.height > 0);
  const inked = canvases.some((c) => {
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; data && i < data.length; i += 16) if (data[i] < 100) dark++;
    return dark > 50;
  });
  if (!inked) throw new Error('no canvas with ink on it');
  return canvases.length;
})()`;
const canvasCheck = (page: Page): Promise<number> => page.evaluate(CANVAS_CHECK) as Promise<number>;

// ---- the measurements ----

async function timeRep(browser: Browser, server: FileServer, v: Variant, pdfUrl: string, record: boolean) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const bytesBefore = server.pdfBytes();
    await openViewer(page, server, v, pdfUrl);
    const first = await waitDrawn(page, 1);
    const firstBytes = server.pdfBytes() - bytesBefore;
    await canvasCheck(page);
    const t0 = await jump(page, JUMP_TO);
    const drawn = await waitDrawn(page, JUMP_TO, t0);
    if (record) {
      v.firstMs.push(first);
      v.jumpMs.push(drawn - t0);
      v.firstBytes.push(firstBytes);
    }
  } finally {
    await context.close();
  }
}

async function rendererRssMb(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    let max = 0;
    for (const p of processInfo.filter((p) => p.type === 'renderer')) {
      const status = await readFile(`/proc/${p.id}/status`, 'utf8').catch(() => '');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      // The page's own renderer is by far the largest; a spare renderer may idle beside it.
      max = Math.max(max, kb / 1024);
    }
    return max;
  } finally {
    await cdp.detach();
  }
}

async function memoryRun(v: Variant, server: FileServer, pdfUrl: string): Promise<MemoryRun> {
  // A fresh browser, so this variant does not inherit the other's memory.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapMb = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / MB;
    };
    await openViewer(page, server, v, pdfUrl);
    await waitDrawn(page, 1);
    let peakRss = await rendererRssMb(browser);
    let peakHeap = await heapMb();
    const started = performance.now();
    for (let n = 2; n <= SCROLL_PAGES; n++) {
      await jump(page, n);
      // Drawn now (it may have been drawn before the jump, as a neighbour of the page before).
      await waitWithContext(page, `page ${n} drawn while scrolling`, () =>
        page.waitForFunction((p) => (globalThis as PageGlobals).__renderedNow?.has(p) ?? false, n, {
          timeout: WAIT_MS,
          polling: 'raf',
        }),
      );
      if (n % 5 === 0) {
        peakRss = Math.max(peakRss, await rendererRssMb(browser));
        peakHeap = Math.max(peakHeap, await heapMb());
      }
    }
    const scrollMs = performance.now() - started;
    await page.waitForTimeout(1000);
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(500);
    const canvasesAfter = await canvasCheck(page);
    return {
      peakRssMb: peakRss,
      afterRssMb: await rendererRssMb(browser),
      peakHeapMb: peakHeap,
      afterHeapMb: await heapMb(),
      canvasesAfter,
      scrollMs,
    };
  } finally {
    await browser.close();
  }
}

// ---- the run ----

export async function run(): Promise<BenchReport> {
  // VIEWER_BENCH_PEER_ONLY=1 measures the reference alone (to check the bench while ours is broken).
  const withOurs =
    process.env.VIEWER_BENCH_PEER_ONLY !== '1' &&
    existsSync(join(harnessDir, 'index.html')) &&
    existsSync(join(harnessDir, 'vite.config.ts'));
  if (!withOurs) console.log('measuring the reference viewer only (no harness, or VIEWER_BENCH_PEER_ONLY=1)');
  const work = await mkdtemp(join(tmpdir(), 'chambers-viewer-bench-'));
  let server: FileServer | undefined;
  try {
    const pdfDir = join(work, 'pdf');
    const distDir = join(work, 'dist');
    const madeAt = performance.now();
    const [bytes] = await Promise.all([scan(), buildHarness(distDir, withOurs)]);
    await mkdir(pdfDir, { recursive: true });
    await writeFile(join(pdfDir, 'scan-500.pdf'), bytes);
    console.log(
      `made a ${PAGES}-page scan (${(bytes.length / MB).toFixed(1)} MB) and built the harness in ` +
        `${((performance.now() - madeAt) / 1000).toFixed(1)} s`,
    );
    server = await serve(distDir, pdfDir);
    const pdfUrl = `${server.origin}/pdf/scan-500.pdf`;
    const variant = (label: string, page: string): Variant => ({
      label,
      page,
      firstMs: [],
      jumpMs: [],
      firstBytes: [],
    });
    const ours = variant('ours: viewer harness', 'index.html');
    const reference = variant('peer: pdf.js PDFViewer', 'reference.html');
    const variants = withOurs ? [ours, reference] : [reference];

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    try {
      for (const v of variants) await timeRep(browser, server, v, pdfUrl, false); // warm-up
      // Interleaved, so a slow moment of the machine hits both alike.
      for (let rep = 0; rep < REPS; rep++) {
        for (const v of variants) await timeRep(browser, server, v, pdfUrl, true);
        console.log(
          `rep ${rep + 1}/${REPS}: ` +
            variants
              .map(
                (v) =>
                  `${v.label}: first ${v.firstMs.at(-1)!.toFixed(0)} ms, →${JUMP_TO} ${v.jumpMs.at(-1)!.toFixed(0)} ms`,
              )
              .join('; '),
        );
      }
    } finally {
      await browser.close();
    }
    for (const v of variants) {
      v.memory = await memoryRun(v, server, pdfUrl);
      console.log(
        `memory ${v.label}: ${JSON.stringify(v.memory, (_k, x: unknown) => (typeof x === 'number' ? Math.round(x) : x))}`,
      );
    }
    return report(variants, withOurs ? ours : null, reference);
  } finally {
    server?.server.closeAllConnections();
    server?.server.close();
    await rm(work, { recursive: true, force: true });
  }
}

function report(variants: Variant[], ours: Variant | null, reference: Variant): BenchReport {
  const figures = (v: Variant) => {
    const m = v.memory!;
    return {
      first: median(v.firstMs),
      firstP95: percentile(v.firstMs, 95),
      jump: median(v.jumpMs),
      jumpP95: percentile(v.jumpMs, 95),
      firstMb: median(v.firstBytes) / MB,
      ...m,
    };
  };
  const rows = variants.map((v) => {
    const f = figures(v);
    return [
      v.label,
      f.first,
      f.firstP95,
      f.jump,
      f.jumpP95,
      f.firstMb,
      f.peakRssMb,
      f.afterRssMb,
      f.peakHeapMb,
      f.afterHeapMb,
      f.canvasesAfter,
      f.scrollMs,
    ];
  });
  const ref = figures(reference);
  const result: BenchReport['result'] = { pages: PAGES };
  if (ours) {
    const o = figures(ours);
    rows.push([
      'ours ÷ peer',
      ...[
        o.first / ref.first,
        o.firstP95 / ref.firstP95,
        o.jump / ref.jump,
        o.jumpP95 / ref.jumpP95,
        o.firstMb / ref.firstMb,
        o.peakRssMb / ref.peakRssMb,
        o.afterRssMb / ref.afterRssMb,
        o.peakHeapMb / ref.peakHeapMb,
        o.afterHeapMb / ref.afterHeapMb,
        o.canvasesAfter / ref.canvasesAfter,
        o.scrollMs / ref.scrollMs,
      ],
    ]);
    Object.assign(result, {
      first_page_ms: o.first,
      jump_ms: o.jump,
      peak_rss_mb: o.peakRssMb,
      after_rss_mb: o.afterRssMb,
      peak_heap_mb: o.peakHeapMb,
      canvases_after: o.canvasesAfter,
      first_page_ratio: o.first / ref.first,
      jump_ratio: o.jump / ref.jump,
      peak_rss_ratio: o.peakRssMb / ref.peakRssMb,
      after_rss_ratio: o.afterRssMb / ref.afterRssMb,
    });
  }
  Object.assign(result, {
    peer_first_page_ms: ref.first,
    peer_jump_ms: ref.jump,
    peer_peak_rss_mb: ref.peakRssMb,
    peer_after_rss_mb: ref.afterRssMb,
  });
  return {
    columns: [
      'variant',
      'page 1 ms',
      'p95',
      `→${JUMP_TO} ms`,
      'p95',
      'MB read p1',
      'peak RSS MB',
      'RSS after',
      'peak heap MB',
      'heap after',
      'canvases',
      `scroll ${SCROLL_PAGES} ms`,
    ],
    rows,
    result,
  };
}
