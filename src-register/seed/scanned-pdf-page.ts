import { createCanvas, type Canvas } from '@napi-rs/canvas';

/** A4 at 100 dpi: what a cheap office scanner makes, and small enough for 500 pages in seconds. */
export const PAGE_WIDTH_PX = 827;
export const PAGE_HEIGHT_PX = 1169;
export const JPEG_QUALITY = 50;

/** What one page shows; everything random about it comes from its own seed. */
export interface ScannedPagePlan {
  number: number;
  total: number;
  /** Wrapped title lines, on page 1 only. */
  title: string[] | null;
  body: string[];
  seed: number;
}

// A monospace face so the page looks typed and wrapping needs one measurement, not one per word.
const FONT_FAMILY = '"DejaVu Sans Mono", "Liberation Mono", monospace';
const BODY_FONT = `16px ${FONT_FAMILY}`;
const TITLE_FONT = `bold 19px ${FONT_FAMILY}`;
const FOOTER_FONT = `14px ${FONT_FAMILY}`;
const MARGIN = { left: 95, right: 75, top: 115, bottom: 120 };
const LINE_HEIGHT = 25;
const MAX_ROTATION_RAD = (0.8 * Math.PI) / 180;
// The paper texture is larger than a page so each page can show a different window of it.
const PAPER_PAD = 48;
// Skia encodes JPEG off the main thread: with several encodes in flight both cores stay busy.
const ENCODES_IN_FLIGHT = 3;

/** A small, fast, seedable PRNG (mulberry32): the same seed always draws the same page. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Metrics {
  bodyCols: number;
  titleCols: number;
  linesPerPage: number;
}
let metrics: Metrics | undefined;
let paper: Canvas | undefined;

function getMetrics(): Metrics {
  if (metrics) return metrics;
  const ctx = createCanvas(8, 8).getContext('2d');
  const textWidth = PAGE_WIDTH_PX - MARGIN.left - MARGIN.right;
  const cols = (font: string) => {
    ctx.font = font;
    return Math.max(10, Math.floor(textWidth / Math.max(1, ctx.measureText('0').width)));
  };
  const linesPerPage = Math.floor((PAGE_HEIGHT_PX - MARGIN.top - MARGIN.bottom) / LINE_HEIGHT);
  metrics = { bodyCols: cols(BODY_FONT), titleCols: cols(TITLE_FONT), linesPerPage };
  return metrics;
}

/** Word-wraps one paragraph to `cols` characters; an empty paragraph stays one blank line. */
export function wrapText(text: string, cols: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const out: string[] = [];
  let line = '';
  for (let word of words) {
    while (word.length > cols) {
      if (line) out.push(line);
      out.push(word.slice(0, cols));
      word = word.slice(cols);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= cols) line += ` ${word}`;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line || out.length === 0) out.push(line);
  return out;
}

/** Lays the title and lines out over `pages` pages; text that runs out starts again. */
export function planScannedPages(opts: {
  title: string;
  lines: string[];
  pages: number;
  seed: number;
}): ScannedPagePlan[] {
  const { bodyCols, titleCols, linesPerPage } = getMetrics();
  const rng = mulberry32(opts.seed);
  const titleLines = opts.title.trim() ? wrapText(opts.title, titleCols) : [];
  const stream = opts.lines.flatMap((line) => wrapText(line, bodyCols));
  const plans: ScannedPagePlan[] = [];
  let cursor = 0;
  for (let number = 1; number <= opts.pages; number++) {
    const title = number === 1 && titleLines.length > 0 ? titleLines : null;
    const capacity = Math.max(0, linesPerPage - (title ? title.length + 1 : 0));
    const body: string[] = [];
    while (stream.length > 0 && body.length < capacity) {
      if (cursor === stream.length) {
        cursor = 0;
        body.push('');
        continue;
      }
      body.push(stream[cursor++] ?? '');
    }
    plans.push({ number, total: opts.pages, title, body, seed: Math.floor(rng() * 4294967296) });
  }
  return plans;
}

/** Grey paper with grain, faint cloudiness and a few fibres; made once per process. */
function paperTexture(): Canvas {
  if (paper) return paper;
  const width = PAGE_WIDTH_PX + PAPER_PAD;
  const height = PAGE_HEIGHT_PX + PAPER_PAD;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(width, height);
  const data = image.data;
  const rng = mulberry32(0x5eed);
  const colWave = Float32Array.from(
    { length: width },
    (_, x) => 2.5 * Math.sin(x / 97) + 1.5 * Math.sin(x / 29 + 1),
  );
  const rowWave = Float32Array.from(
    { length: height },
    (_, y) => 3 * Math.sin(y / 151) + 1.5 * Math.sin(y / 37 + 2),
  );
  let i = 0;
  for (let y = 0; y < height; y++) {
    const row = 224 + (rowWave[y] ?? 0);
    for (let x = 0; x < width; x++, i += 4) {
      let v = row + (colWave[x] ?? 0) + (rng() + rng() - 1) * 8;
      if (rng() < 0.0004) v -= 50 + rng() * 90;
      data[i] = data[i + 1] = data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
  paper = canvas;
  return canvas;
}

/** Draws one page onto a PAGE_WIDTH_PX × PAGE_HEIGHT_PX canvas. */
export function drawScannedPage(canvas: Canvas, plan: ScannedPagePlan): void {
  const ctx = canvas.getContext('2d');
  const rng = mulberry32(plan.seed);
  const jitter = () => rng() - 0.5;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  const [dx, dy] = [Math.floor(rng() * PAPER_PAD), Math.floor(rng() * PAPER_PAD)];
  ctx.drawImage(paperTexture(), dx, dy, PAGE_WIDTH_PX, PAGE_HEIGHT_PX, 0, 0, PAGE_WIDTH_PX, PAGE_HEIGHT_PX);

  // The sheet lay a little crooked on the glass: text and footer turn together.
  ctx.translate(PAGE_WIDTH_PX / 2, PAGE_HEIGHT_PX / 2);
  ctx.rotate((rng() * 2 - 1) * MAX_ROTATION_RAD);
  ctx.translate(-PAGE_WIDTH_PX / 2, -PAGE_HEIGHT_PX / 2);
  ctx.fillStyle = '#262626';
  let y = MARGIN.top;
  if (plan.title) {
    ctx.font = TITLE_FONT;
    ctx.textAlign = 'center';
    for (const line of plan.title) {
      ctx.fillText(line, PAGE_WIDTH_PX / 2 + jitter(), y);
      y += LINE_HEIGHT;
    }
    y += LINE_HEIGHT;
  }
  ctx.font = BODY_FONT;
  ctx.textAlign = 'left';
  for (const line of plan.body) {
    // A typewriter ribbon does not ink every line alike.
    ctx.globalAlpha = 0.75 + rng() * 0.22;
    if (line) ctx.fillText(line, MARGIN.left + jitter(), y + jitter());
    y += LINE_HEIGHT;
  }
  ctx.globalAlpha = 0.9;
  ctx.font = FOOTER_FONT;
  ctx.textAlign = 'center';
  ctx.fillText(`lk ${plan.number} / ${plan.total}`, PAGE_WIDTH_PX / 2, PAGE_HEIGHT_PX - MARGIN.bottom / 2);

  // Dust on the glass does not turn with the sheet.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const specks = 15 + Math.floor(rng() * 40);
  for (let k = 0; k < specks; k++) {
    ctx.globalAlpha = 0.5 + rng() * 0.5;
    const grey = 40 + Math.floor(rng() * 110);
    ctx.fillStyle = `rgb(${grey},${grey},${grey})`;
    const size = 1 + rng() * 2.2;
    ctx.fillRect(rng() * PAGE_WIDTH_PX, rng() * PAGE_HEIGHT_PX, size, size);
  }
  ctx.globalAlpha = 1;
}

/** Draws and JPEG-encodes the pages, calling `onPage` in page order. */
export async function encodeScannedPages(
  plans: readonly ScannedPagePlan[],
  onPage: (jpeg: Uint8Array, plan: ScannedPagePlan) => void,
): Promise<void> {
  const slots = Array.from({ length: ENCODES_IN_FLIGHT }, () => ({
    canvas: createCanvas(PAGE_WIDTH_PX, PAGE_HEIGHT_PX),
    pending: null as { jpeg: Promise<Uint8Array>; plan: ScannedPagePlan } | null,
  }));
  // Slots are reused round-robin, so the page a slot holds is always the oldest one not yet handed over.
  const handOver = async (slot: (typeof slots)[number]) => {
    if (!slot.pending) return;
    const { jpeg, plan } = slot.pending;
    slot.pending = null;
    onPage(await jpeg, plan);
  };
  for (const [index, plan] of plans.entries()) {
    const slot = slots[index % slots.length]!;
    await handOver(slot);
    drawScannedPage(slot.canvas, plan);
    const jpeg = slot.canvas.encode('jpeg', JPEG_QUALITY);
    // Marks a failure as handled until its turn comes, where awaiting it still throws.
    jpeg.catch(() => undefined);
    slot.pending = { jpeg, plan };
  }
  for (let k = 0; k < slots.length; k++) await handOver(slots[(plans.length + k) % slots.length]!);
}
