import { Document, Packer, Paragraph, PatchType, TextRun, patchDocument } from 'docx';
import type { CourtDocument } from '../../src-main/services/drafting/docx/court-document.js';
import { renderCourtDocx } from '../../src-main/services/drafting/docx/render-docx.js';
import {
  baseNumbering,
  DocxContext,
  richDocToDocx,
} from '../../src-main/services/drafting/docx/rich-text-docx.js';
import type { BlockNode, RichDoc } from '../../src-shared/domain/rich-text.js';
import { median, peakRssMb, percentile, timeMs } from '../lib/measure.js';
import type { BenchReport } from '../lib/types.js';

export const name = 'drafting';
export const description =
  'renderCourtDocx: a ~100-page judgment (600 numbered paragraphs, footnotes, tables) vs. docx patchDocument filling a template';

const PARAGRAPHS = 600;
const FOOTNOTE_EVERY = 10;
const TABLE_EVERY = 50;
const REPS = 5;
const WORDS = (
  'kohus hageja kostja nõue leping tõend asjaolu menetlus põhjendus seadus kahju hüvitis ' +
  'viivis tähtaeg kohustus rikkumine otsus vaidlus selgitus esitatud tuvastanud hinnanud'
).split(' ');

/** Estonian-ish text from a fixed seed, the same every run. */
function sentence(seed: number, words: number): string {
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < words; i++) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

const paragraphText = (i: number) => `${sentence(i, 40)} ${sentence(i + 7, 30)}`;
const footnoteText = (i: number) => `Riigikohtu otsus asjas nr 2-${20 + (i % 5)}-${1000 + i}, p ${i % 30}.`;

function judgment(): CourtDocument {
  const blocks: BlockNode[] = [];
  for (let i = 0; i < PARAGRAPHS; i++) {
    blocks.push({
      type: 'numberedParagraph',
      content: [
        { type: 'text', text: paragraphText(i) },
        ...(i % FOOTNOTE_EVERY === 0
          ? [{ type: 'footnote' as const, attrs: { text: footnoteText(i) } }]
          : []),
      ],
    });
    if (i % TABLE_EVERY === TABLE_EVERY - 1)
      blocks.push({
        type: 'table',
        content: Array.from({ length: 5 }, (_, r) => ({
          type: 'tableRow' as const,
          content: Array.from({ length: 3 }, (_, c) => ({
            type: r === 0 ? ('tableHeader' as const) : ('tableCell' as const),
            content: [
              { type: 'paragraph' as const, content: [{ type: 'text' as const, text: `Lahter ${r}.${c}` }] },
            ],
          })),
        })),
      });
  }
  const content: RichDoc = { type: 'doc', content: blocks };
  return {
    courtName: 'Harju Maakohus',
    title: 'KOHTUOTSUS',
    caseNumber: '2-25-1000',
    fields: [
      { label: 'Kohus', value: 'Harju Maakohus' },
      { label: 'Tsiviilasja number', value: '2-25-1000' },
    ],
    sections: [{ heading: 'KOHTU PÕHJENDUSED', content }],
    signature: ['Kohtunik', 'Triin Lepik'],
  };
}

/** The peer's template: the same page frame with one placeholder paragraph, made with docx itself. */
async function makeTemplate(): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      numbering: { config: baseNumbering() },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'KOHTUOTSUS', bold: true })] }),
            new Paragraph({ children: [new TextRun('{{body}}')] }),
          ],
        },
      ],
    }),
  );
}

/** The same content, converted the same way, patched into the template's `{{body}}` paragraph. */
async function patchPeer(template: Buffer, content: RichDoc): Promise<number> {
  const ctx = new DocxContext();
  const children = richDocToDocx(content, ctx);
  const out = await patchDocument({
    outputType: 'uint8array',
    data: template,
    patches: { body: { type: PatchType.DOCUMENT, children } },
    footnotes: ctx.footnotes,
    numbering: { config: [...baseNumbering(), ...ctx.extraNumbering] },
  });
  return out.length;
}

export async function run(): Promise<BenchReport> {
  const doc = judgment();
  const body = doc.sections[0]!.content;
  const template = await makeTemplate();
  const subject = { label: 'renderCourtDocx', samples: [] as number[], bytes: 0 };
  const peer = { label: 'peer: patchDocument', samples: [] as number[], bytes: 0 };
  // Warm-up: the JIT and the zip library.
  await renderCourtDocx(doc);
  await patchPeer(template, body);
  for (let rep = 0; rep < REPS; rep++) {
    subject.samples.push(await timeMs(async () => (subject.bytes = (await renderCourtDocx(doc)).length)));
    peer.samples.push(await timeMs(async () => (peer.bytes = await patchPeer(template, body))));
    console.log(
      `rep ${rep + 1}/${REPS}: ${subject.samples.at(-1)!.toFixed(0)} ms, peer ${peer.samples.at(-1)!.toFixed(0)} ms`,
    );
  }
  const ratio = median(subject.samples) / median(peer.samples);
  return {
    columns: ['variant', 'median ms', 'p95 ms', 'MB', '÷ peer'],
    rows: [subject, peer].map((v) => [
      v.label,
      median(v.samples),
      percentile(v.samples, 95),
      v.bytes / 1e6,
      median(v.samples) / median(peer.samples),
    ]),
    result: {
      paragraphs: PARAGRAPHS,
      footnotes: PARAGRAPHS / FOOTNOTE_EVERY,
      tables: Math.floor(PARAGRAPHS / TABLE_EVERY),
      median_ms: median(subject.samples),
      p95_ms: percentile(subject.samples, 95),
      mb: subject.bytes / 1e6,
      peer_median_ms: median(peer.samples),
      peer_p95_ms: percentile(peer.samples, 95),
      ratio,
      peak_rss_mb: Math.round(peakRssMb()),
    },
  };
}
