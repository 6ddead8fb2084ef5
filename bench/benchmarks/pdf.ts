import { createCanvas } from '@napi-rs/canvas';
import {
  drawScannedPage,
  encodeScannedPages,
  JPEG_QUALITY,
  PAGE_HEIGHT_PX,
  PAGE_WIDTH_PX,
  planScannedPages,
} from '../../src-register/seed/scanned-pdf-page.js';
import { makeScannedPdf } from '../../src-register/seed/scanned-pdf.js';
import { median, peakRssMb, percentile, timeMs } from '../lib/measure.js';
import type { BenchReport } from '../lib/types.js';

export const name = 'pdf';
export const description =
  'makeScannedPdf: a 100-page scanned PDF vs. JPEG-encoding the same pages without PDF assembly';

const PAGES = 100;
const REPS = 5;
const OPTS = {
  title: 'KOHTUOTSUS tsiviilasjas nr 2-24-12345',
  lines: [
    'HARJU MAAKOHUS',
    '',
    'Hageja nõuab kostjalt võlgnevuse tasumist summas 12 345 eurot koos viivisega. Kohus on tutvunud ' +
      'toimikuga ja leiab, et hagi tuleb rahuldada osaliselt järgmistel põhjustel.',
    'Menetlusosalised on esitanud oma seisukohad kirjalikult ning kohtuistungit ei peetud. Kohus lahendab ' +
      'asja kirjalikus menetluses tsiviilkohtumenetluse seadustiku alusel.',
  ],
  pages: PAGES,
  seed: 1,
};

interface Variant {
  label: string;
  /** Makes the pages once and returns how many bytes came out. */
  make(): Promise<number>;
  samples: number[];
  bytes: number;
}

const variant = (label: string, make: () => Promise<number>): Variant => ({
  label,
  make,
  samples: [],
  bytes: 0,
});

export async function run(): Promise<BenchReport> {
  const plans = planScannedPages(OPTS);
  const subject = variant('makeScannedPdf', async () => (await makeScannedPdf(OPTS)).length);
  // The peer: the very same pages drawn and JPEG-encoded the same way, with no PDF written around them.
  const peer = variant('peer: draw + JPEG only', async () => {
    let bytes = 0;
    await encodeScannedPages(plans, (jpeg) => (bytes += jpeg.length));
    return bytes;
  });
  // For reference: the plain loop, one synchronous encode after another on the main thread.
  const serial = variant('draw + encodeSync, serial', async () => {
    const canvas = createCanvas(PAGE_WIDTH_PX, PAGE_HEIGHT_PX);
    let bytes = 0;
    for (const plan of plans) {
      drawScannedPage(canvas, plan);
      bytes += canvas.encodeSync('jpeg', JPEG_QUALITY).length;
    }
    return bytes;
  });
  const variants = [subject, peer, serial];

  // Warm-up builds the paper texture, loads the font and lets the JIT settle.
  await makeScannedPdf({ ...OPTS, pages: 10 });
  // Interleaved, so a slow moment of the machine hits every variant alike.
  for (let rep = 0; rep < REPS; rep++) {
    for (const v of variants) {
      let bytes = 0;
      v.samples.push(await timeMs(async () => (bytes = await v.make())));
      v.bytes = bytes;
    }
    console.log(
      `rep ${rep + 1}/${REPS}: ${variants.map((v) => `${v.samples.at(-1)!.toFixed(0)} ms`).join(', ')}`,
    );
  }

  const peerMedian = median(peer.samples);
  const perPage = (v: Variant) => median(v.samples) / PAGES;
  return {
    columns: ['variant', 'ms/page', 'p95 ms/page', 'total ms', 'MB', '÷ peer'],
    rows: variants.map((v) => [
      v.label,
      perPage(v),
      percentile(v.samples, 95) / PAGES,
      median(v.samples),
      v.bytes / 1e6,
      median(v.samples) / peerMedian,
    ]),
    result: {
      pages: PAGES,
      ms_per_page: perPage(subject),
      p95_ms_per_page: percentile(subject.samples, 95) / PAGES,
      mb: subject.bytes / 1e6,
      peer_ms_per_page: perPage(peer),
      ratio: median(subject.samples) / peerMedian,
      serial_ms_per_page: perPage(serial),
      peak_rss_mb: Math.round(peakRssMb()),
    },
  };
}
