// JPEGs for the checks of the viewer's JPEG decoding (e2e/viewer-jpeg.spec.ts): a test card — a flat
// grey band, colour bars, grey and colour ramps, typed text — and the same card with an embedded colour
// profile that changes its colours when applied (linear gamma), and PDFs of one page per JPEG.
import { createCanvas } from '@napi-rs/canvas';
import {
  drawScannedPage,
  JPEG_QUALITY,
  PAGE_HEIGHT_PX,
  PAGE_WIDTH_PX,
  planScannedPages,
} from '../../src-register/seed/scanned-pdf-page.js';
import { ImagePdfWriter } from '../../src-register/seed/scanned-pdf-writer.js';

export const CARD = { width: 600, height: 848 } as const;
/** The grey of the card's top band (rows 0–199): what a decoder that ignores the profile gives. */
export const FLAT_GREY = 128;
export const GREY_BAND_ROWS = 200;

const BARS = ['#d01c1c', '#1ca01c', '#1c3cd0', '#e8d020', '#20c8d8', '#c828c0', '#202020', '#f4f4f0'];

/** The test card as a baseline JPEG (4:2:0, the way scanners and Skia write them). */
export async function testCardJpeg(quality = 90): Promise<Uint8Array> {
  const { width, height } = CARD;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f4f4f0';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = `rgb(${FLAT_GREY},${FLAT_GREY},${FLAT_GREY})`;
  ctx.fillRect(0, 0, width, GREY_BAND_ROWS);
  const bar = width / BARS.length;
  BARS.forEach((colour, i) => {
    ctx.fillStyle = colour;
    ctx.fillRect(i * bar, 200, bar, 150);
  });
  const grey = ctx.createLinearGradient(0, 0, width, 0);
  grey.addColorStop(0, '#000');
  grey.addColorStop(1, '#fff');
  ctx.fillStyle = grey;
  ctx.fillRect(0, 350, width, 80);
  const hue = ctx.createLinearGradient(0, 0, width, 0);
  ['#f00', '#ff0', '#0f0', '#0ff', '#00f', '#f0f', '#f00'].forEach((c, i, all) =>
    hue.addColorStop(i / (all.length - 1), c),
  );
  ctx.fillStyle = hue;
  ctx.fillRect(0, 430, width, 80);
  ctx.fillStyle = '#262626';
  ctx.font = '18px "DejaVu Sans Mono", monospace';
  for (let line = 0; line < 12; line++)
    ctx.fillText(`Kohtuasi 2-25-${100 + line}: õ ä ö ü š ž — lk ${line + 1}`, 30, 550 + line * 24);
  return new Uint8Array(await canvas.encode('jpeg', quality));
}

/** One page of the fixture scans (grey paper, typed text, a slight turn, quality 50), as its JPEG. */
export async function scanPageJpeg(): Promise<Uint8Array> {
  const [plan] = planScannedPages({
    title: 'Hagiavaldus',
    lines: ['Kohus leiab, et hagi tuleb rahuldada osaliselt ja menetluskulud jaotada.'],
    pages: 1,
    seed: 5,
  });
  const canvas = createCanvas(PAGE_WIDTH_PX, PAGE_HEIGHT_PX);
  drawScannedPage(canvas, plan!);
  return new Uint8Array(await canvas.encode('jpeg', JPEG_QUALITY));
}

// ---- an ICC profile: sRGB's primaries with a linear tone curve (gamma 1.0), version 2 ----

const s15f16 = (v: number) => Math.round(v * 65536);

function xyzTag(x: number, y: number, z: number): Uint8Array {
  const tag = new DataView(new ArrayBuffer(20));
  tag.setUint32(0, 0x58595a20); // 'XYZ '
  [x, y, z].forEach((v, i) => tag.setInt32(8 + 4 * i, s15f16(v)));
  return new Uint8Array(tag.buffer);
}

function gammaTag(gamma: number): Uint8Array {
  const tag = new DataView(new ArrayBuffer(16)); // 14 bytes, padded to 4
  tag.setUint32(0, 0x63757276); // 'curv'
  tag.setUint32(8, 1); // one entry: a gamma, u8Fixed8
  tag.setUint16(12, Math.round(gamma * 256));
  return new Uint8Array(tag.buffer);
}

const sig = (text: string) => [...text].reduce((n, c) => n * 256 + c.charCodeAt(0), 0);

/** A display profile that, if a decoder applied it, would turn mid grey 128 into about 188. */
export function linearRgbProfile(): Uint8Array {
  const curve = gammaTag(1);
  const tags: [string, Uint8Array][] = [
    ['wtpt', xyzTag(0.9642, 1, 0.8249)],
    ['rXYZ', xyzTag(0.4361, 0.2225, 0.0139)],
    ['gXYZ', xyzTag(0.3851, 0.7169, 0.0971)],
    ['bXYZ', xyzTag(0.1431, 0.0606, 0.7141)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  const tableEnd = 128 + 4 + 12 * tags.length;
  const size = tableEnd + tags.reduce((sum, [, data]) => sum + data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, size);
  view.setUint32(8, 0x02100000); // version 2.1
  view.setUint32(12, sig('mntr'));
  view.setUint32(16, sig('RGB '));
  view.setUint32(20, sig('XYZ '));
  [2026, 1, 1, 0, 0, 0].forEach((v, i) => view.setUint16(24 + 2 * i, v));
  view.setUint32(36, sig('acsp'));
  [0.9642, 1, 0.8249].forEach((v, i) => view.setInt32(68 + 4 * i, s15f16(v)));
  view.setUint32(128, tags.length);
  let at = tableEnd;
  tags.forEach(([name, data], i) => {
    view.setUint32(132 + 12 * i, sig(name));
    view.setUint32(136 + 12 * i, at);
    view.setUint32(140 + 12 * i, data.length);
    out.set(data, at);
    at += data.length;
  });
  return out;
}

const ICC_NAME = new TextEncoder().encode('ICC_PROFILE\0');

const isIccSegment = (jpeg: Uint8Array, at: number): boolean =>
  jpeg[at + 1] === 0xe2 && ICC_NAME.every((byte, i) => jpeg[at + 4 + i] === byte);

/** The JPEG's segments before its scan: [start, end) of each, after the start marker. */
function headerSegments(jpeg: Uint8Array): [number, number][] {
  const segments: [number, number][] = [];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    const end = at + 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!);
    segments.push([at, end]);
    at = end;
  }
  return segments;
}

/** True when the JPEG carries an ICC profile (Skia's encoder writes sRGB's). */
export const hasIccProfile = (jpeg: Uint8Array): boolean =>
  headerSegments(jpeg).some(([at]) => isIccSegment(jpeg, at));

/** The JPEG with its own profile taken out and `profile` put in, in one APP2 ICC_PROFILE segment. */
export function withIccProfile(jpeg: Uint8Array, profile: Uint8Array): Uint8Array {
  const length = 2 + ICC_NAME.length + 2 + profile.length;
  if (length > 0xffff) throw new RangeError('profile too large for one segment');
  const segments = headerSegments(jpeg);
  const kept = segments.filter(([at]) => !isIccSegment(jpeg, at));
  const scan = segments.at(-1)?.[1] ?? 2;
  return new Uint8Array([
    ...jpeg.subarray(0, 2),
    0xff,
    0xe2,
    length >> 8,
    length & 0xff,
    ...ICC_NAME,
    1, // segment 1 of 1
    1,
    ...profile,
    ...kept.flatMap(([start, end]) => [...jpeg.subarray(start, end)]),
    ...jpeg.subarray(scan),
  ]);
}

/** A PDF with one A4 page per JPEG, each image filling its page. */
export function pdfOfJpegs(title: string, jpegs: readonly Uint8Array[]): Uint8Array {
  const writer = new ImagePdfWriter(jpegs.length, { title, producer: 'Chambers tests' });
  for (const jpeg of jpegs) writer.addPage(jpeg);
  return writer.finish();
}
