// Small PDFs made in code for the viewer's tests: a text PDF with an outline (find, outline panel) and
// the bad files the viewer must survive. Fast and deterministic: the same arguments give the same bytes.
// The 500-page scanned fixtures come from src-register/seed/scanned-pdf.ts (`makeScannedPdf`).
import { createHash } from 'node:crypto';
import { pdfTextString } from '../../src-register/seed/scanned-pdf-writer.js';
import { mulberry32 } from './determinism.js';

const A4 = { width: 595.28, height: 841.89 } as const;
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
const toLatin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const hex = (bytes: Uint8Array): string => `<${Buffer.from(bytes).toString('hex').toUpperCase()}>`;

// ---------------------------------------------------------------------------------------------------
// A minimal PDF writer: numbered objects, optional streams, a classic xref table.

interface PdfObject {
  /** The dictionary or value; for a stream the dictionary's inside, without `<<`, `>>` and /Length. */
  body: string;
  stream?: Uint8Array;
}

class PdfBuilder {
  private readonly objects: PdfObject[] = [];

  /** Reserves the next object number, to be filled with `set` (objects may refer to each other). */
  alloc(): number {
    this.objects.push({ body: 'null' });
    return this.objects.length;
  }

  set(n: number, body: string, stream?: Uint8Array): number {
    this.objects[n - 1] = stream ? { body, stream } : { body };
    return n;
  }

  add(body: string, stream?: Uint8Array): number {
    return this.set(this.alloc(), body, stream);
  }

  /** The file; `trailer` is the inside of the trailer dictionary without /Size. */
  bytes(trailer: string, encryptStream?: (n: number, data: Uint8Array) => Uint8Array): Uint8Array {
    const parts: Uint8Array[] = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
    let size = parts[0]!.length;
    const push = (bytes: Uint8Array) => {
      parts.push(bytes);
      size += bytes.length;
    };
    const offsets: number[] = [];
    this.objects.forEach(({ body, stream }, i) => {
      offsets.push(size);
      if (!stream) return push(latin1(`${i + 1} 0 obj\n${body}\nendobj\n`));
      const data = encryptStream ? encryptStream(i + 1, stream) : stream;
      push(latin1(`${i + 1} 0 obj\n<< ${body} /Length ${data.length} >>\nstream\n`));
      push(data);
      push(latin1('\nendstream\nendobj\n'));
    });
    const count = this.objects.length + 1;
    let xref = `xref\n0 ${count}\n0000000000 65535 f \n`;
    for (const offset of offsets) xref += `${String(offset).padStart(10, '0')} 00000 n \n`;
    push(latin1(`${xref}trailer\n<< /Size ${count} ${trailer} >>\nstartxref\n${size}\n%%EOF\n`));
    // A plain Uint8Array: pdf.js refuses a Buffer.
    return Uint8Array.from(Buffer.concat(parts));
  }
}

// ---------------------------------------------------------------------------------------------------
// Text in content streams: standard Helvetica with WinAnsiEncoding.

const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80,
  '…': 0x85,
  Š: 0x8a,
  '–': 0x96,
  š: 0x9a,
  Ž: 0x8e,
  ž: 0x9e,
};

/** A PDF literal string in WinAnsi; bytes above ASCII as octal escapes, so the stream stays ASCII. */
export function winAnsiLiteral(text: string): string {
  let out = '(';
  for (const ch of text) {
    const code = WIN_ANSI_EXTRA[ch] ?? ch.codePointAt(0)!;
    if (code > 0xff || (code >= 0x7f && code < 0xa0 && !Object.values(WIN_ANSI_EXTRA).includes(code))) {
      throw new RangeError(`"${ch}" is not in WinAnsiEncoding`);
    }
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out})`;
}

/** The sentence on page `n` of a text PDF, for find tests: exactly as getTextContent returns it. */
export const pageSentence = (n: number): string =>
  `Kohus leiab lehel ${n}, et hagi tuleb rahuldada osaliselt.`;
/** A line with every Estonian letter WinAnsi has (õ ä ö ü š ž and capitals), on every page. */
export const ESTONIAN_LINE = 'Õiguskantsler: öö, äär, ülevaade, šokolaad, žürii – ÕÄÖÜŠŽ.';

const FILLER = [
  'Menetlusosalised on esitanud oma seisukohad kirjalikult.',
  'Kohtuistungit ei peetud ning asi lahendati kirjalikus menetluses.',
  'Hageja nõuab kostjalt võlgnevuse tasumist koos viivisega.',
  'Kostja vaidleb hagile vastu ja palub jätta hagi rahuldamata.',
  'Kohus on tutvunud toimikuga ja hinnanud tõendeid kogumis.',
  'Menetluskulud jäävad poolte kanda nende enda tehtud ulatuses.',
];

function pageContent(n: number, title: string, random: () => number): Uint8Array {
  const lines = [
    { size: 16, text: `${title} – lehekülg ${n}` },
    { size: 12, text: pageSentence(n) },
    { size: 12, text: ESTONIAN_LINE },
    ...Array.from({ length: 4 }, () => ({ size: 11, text: FILLER[Math.floor(random() * FILLER.length)]! })),
  ];
  let y = A4.height - 72;
  let ops = '';
  for (const { size, text } of lines) {
    ops += `BT /F1 ${size} Tf 72 ${y.toFixed(2)} Td ${winAnsiLiteral(text)} Tj ET\n`;
    y -= size * 1.8;
  }
  return latin1(ops);
}

// ---------------------------------------------------------------------------------------------------
// The text PDF with an outline.

export interface OutlineNode {
  title: string;
  /** The 1-based page the entry leads to. */
  page: number;
  items: OutlineNode[];
}

/** Pages per chapter in the outline of `makeTextPdf`. */
export const CHAPTER_PAGES = 4;

/** The outline `makeTextPdf` writes: chapters of CHAPTER_PAGES pages, each with one entry per page. */
export function textPdfOutline(pages: number): OutlineNode[] {
  const chapters: OutlineNode[] = [];
  for (let first = 1, k = 1; first <= pages; first += CHAPTER_PAGES, k++) {
    const items: OutlineNode[] = [];
    for (let p = first; p < Math.min(pages + 1, first + CHAPTER_PAGES); p++) {
      items.push({ title: `Lehekülg ${p}`, page: p, items: [] });
    }
    chapters.push({ title: `Peatükk ${k}: õigus ja žürii`, page: first, items });
  }
  return chapters;
}

interface TextDocumentOptions {
  pages: number;
  title: string;
  seed?: number;
  outline?: boolean;
  /** What /Count the page tree claims (default: the real number of pages). */
  claimedCount?: number;
  /** Extra catalog entries. */
  catalogExtra?: (b: PdfBuilder) => string;
  /** Extra entries of page `n`'s dictionary. */
  pageExtra?: (b: PdfBuilder, n: number, pageRef: number) => string;
}

function buildTextDocument(opts: TextDocumentOptions): { builder: PdfBuilder; trailer: string } {
  const { pages, title } = opts;
  if (!Number.isInteger(pages) || pages < 1 || pages > 2000) {
    throw new RangeError(`pages must be a whole number from 1 to 2000, got ${pages}`);
  }
  const random = mulberry32(opts.seed ?? 1);
  const b = new PdfBuilder();
  const catalog = b.alloc();
  const tree = b.alloc();
  const font = b.add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const info = b.add(
    `<< /Title ${pdfTextString(title)} /Producer ${pdfTextString('Chambers test fixtures')} >>`,
  );
  const pageRefs: number[] = [];
  for (let n = 1; n <= pages; n++) {
    const page = b.alloc();
    const contents = b.add('', pageContent(n, title, random));
    const extra = opts.pageExtra?.(b, n, page) ?? '';
    b.set(
      page,
      `<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] ` +
        `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${contents} 0 R ${extra}>>`,
    );
    pageRefs.push(page);
  }
  const kids = pageRefs.map((r) => `${r} 0 R`).join(' ');
  b.set(tree, `<< /Type /Pages /Kids [${kids}] /Count ${opts.claimedCount ?? pages} >>`);
  let outlines = '';
  if (opts.outline) {
    const root = b.alloc();
    const write = (nodes: OutlineNode[], parent: number): number[] => {
      const refs = nodes.map(() => b.alloc());
      nodes.forEach((node, i) => {
        const children = write(node.items, refs[i]!);
        const links =
          (i > 0 ? `/Prev ${refs[i - 1]} 0 R ` : '') +
          (i < refs.length - 1 ? `/Next ${refs[i + 1]} 0 R ` : '') +
          (children.length
            ? `/First ${children[0]} 0 R /Last ${children.at(-1)} 0 R /Count ${children.length} `
            : '');
        b.set(
          refs[i]!,
          `<< /Title ${pdfTextString(node.title)} /Parent ${parent} 0 R ${links}` +
            `/Dest [${pageRefs[node.page - 1]} 0 R /Fit] >>`,
        );
      });
      return refs;
    };
    const top = write(textPdfOutline(pages), root);
    b.set(root, `<< /Type /Outlines /First ${top[0]} 0 R /Last ${top.at(-1)} 0 R /Count ${top.length} >>`);
    outlines = `/Outlines ${root} 0 R /PageMode /UseOutlines `;
  }
  b.set(catalog, `<< /Type /Catalog /Pages ${tree} 0 R ${outlines}${opts.catalogExtra?.(b) ?? ''}>>`);
  return { builder: b, trailer: `/Root ${catalog} 0 R /Info ${info} 0 R` };
}

/**
 * A PDF with a real text layer (Helvetica, WinAnsi): on page N a heading, `pageSentence(N)`,
 * ESTONIAN_LINE and seeded filler; with an /Outlines tree shaped as `textPdfOutline(pages)`.
 */
export function makeTextPdf(opts: { pages: number; title: string; seed?: number }): Uint8Array {
  const { builder, trailer } = buildTextDocument({ ...opts, outline: true });
  return builder.bytes(trailer);
}

// ---------------------------------------------------------------------------------------------------
// Bad files.

/** The first half of a PDF: no xref, no trailer, objects past the middle missing. */
export const truncated = (pdf: Uint8Array): Uint8Array => pdf.slice(0, Math.floor(pdf.length / 2));

/** `n` seeded random bytes (not a PDF). */
export function randomBytes(n: number, seed: number): Uint8Array {
  const random = mulberry32(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
}

/** The PDF with every xref offset made garbage and startxref pointing at the wrong place. */
export function badXref(pdf: Uint8Array): Uint8Array {
  const text = toLatin1(pdf);
  const at = text.lastIndexOf('\nxref\n');
  if (at < 0) throw new Error('badXref: no classic xref table in this PDF');
  const random = mulberry32(7);
  const tail = text
    .slice(at)
    .replace(/\d{10} 00000 n/g, () => `${String(Math.floor(random() * 1e9)).padStart(10, '0')} 00000 n`)
    .replace(/startxref\n\d+/, `startxref\n${Math.floor(at / 3)}`);
  return latin1(text.slice(0, at) + tail);
}

/** A page tree claiming /Count 1000000 with only two real pages under it. */
export function hugePageCount(): Uint8Array {
  const { builder, trailer } = buildTextDocument({ pages: 2, title: 'Suur toimik', claimedCount: 1_000_000 });
  return builder.bytes(trailer);
}

/** The user password of `passwordProtected()`. */
export const USER_PASSWORD = 'salajane';

const PASSWORD_PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const md5 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const padPassword = (password: string): Buffer =>
  Buffer.concat([Buffer.from(password, 'latin1'), PASSWORD_PAD]).subarray(0, 32);

/** RC4 (node's OpenSSL 3 no longer offers it); symmetric, so it both encrypts and decrypts. */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

/**
 * A one-page text PDF under the standard security handler, RC4 40-bit (V 1, R 2), user password
 * USER_PASSWORD, owner password "omanik". Only the content stream is encrypted (there are no strings).
 */
export function passwordProtected(): Uint8Array {
  const permissions = -44; // print, modify, copy, annotate all allowed in R2's sense
  const id = md5(latin1('chambers-password-fixture'));
  const owner = rc4(md5(padPassword('omanik')).subarray(0, 5), padPassword(USER_PASSWORD));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const fileKey = md5(padPassword(USER_PASSWORD), owner, p, id).subarray(0, 5);
  const user = rc4(fileKey, PASSWORD_PAD);
  const b = new PdfBuilder();
  const font = b.add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const contents = b.add('', pageContent(1, 'Salajane otsus', mulberry32(3)));
  const page = b.alloc();
  const tree = b.add(`<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`);
  b.set(
    page,
    `<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] ` +
      `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${contents} 0 R >>`,
  );
  const catalog = b.add(`<< /Type /Catalog /Pages ${tree} 0 R >>`);
  const encrypt = b.add(
    `<< /Filter /Standard /V 1 /R 2 /O ${hex(owner)} /U ${hex(user)} /P ${permissions} >>`,
  );
  const objectKey = (n: number) =>
    md5(fileKey, Uint8Array.of(n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, 0, 0)).subarray(0, 10);
  return b.bytes(`/Root ${catalog} 0 R /Encrypt ${encrypt} 0 R /ID [${hex(id)} ${hex(id)}]`, (n, data) =>
    rc4(objectKey(n), data),
  );
}

/** The JavaScript the actions of `withJavaScript()` would run; a viewer must never run it. */
export const ALERT_SCRIPT = "app.alert('Chambers ei tohi seda käivitada');";
export const LAUNCH_TARGET = 'C:\\Windows\\System32\\calc.exe';
export const LINK_URI = 'https://example.org/kohus';

/**
 * Two text pages with active content: a JavaScript /OpenAction, a document-level named script, page 1
 * /AA (open) JavaScript, and on page 1 a link with a Launch action and one with a URI action.
 */
export function withJavaScript(): Uint8Array {
  const js = `<< /S /JavaScript /JS ${winAnsiLiteral(ALERT_SCRIPT)} >>`;
  const { builder, trailer } = buildTextDocument({
    pages: 2,
    title: 'Aktiivne sisu',
    catalogExtra: (b) => `/OpenAction ${js} /Names << /JavaScript << /Names [(init) ${b.add(js)} 0 R] >> >> `,
    pageExtra: (b, n) => {
      if (n !== 1) return '';
      const link = (y: number, action: string) =>
        b.add(`<< /Type /Annot /Subtype /Link /Rect [72 ${y} 300 ${y + 20}] /Border [0 0 0] /A ${action} >>`);
      const launch = link(400, `<< /S /Launch /F ${winAnsiLiteral(LAUNCH_TARGET)} >>`);
      const uri = link(360, `<< /S /URI /URI ${winAnsiLiteral(LINK_URI)} >>`);
      return `/AA << /O ${js} >> /Annots [${launch} 0 R ${uri} 0 R] `;
    },
  });
  return builder.bytes(trailer);
}

export interface BadPdf {
  name: string;
  bytes: Uint8Array;
  /** What the viewer should do: show its error message, or show the pages (pdf.js repairs some damage). */
  expect: 'error' | 'renders';
}

const SMALL_TEXT_PDF = makeTextPdf({ pages: 6, title: 'Rikutud fail', seed: 5 });

/** Every bad file, with what the viewer should do with it. Checked against pdf.js in pdf-fixtures.test.ts. */
export const BAD_PDFS: readonly BadPdf[] = [
  { name: 'empty', bytes: new Uint8Array(0), expect: 'error' },
  { name: 'random-bytes', bytes: randomBytes(4096, 11), expect: 'error' },
  { name: 'truncated', bytes: truncated(SMALL_TEXT_PDF), expect: 'error' },
  // pdf.js rebuilds the xref by scanning the file for objects.
  { name: 'bad-xref', bytes: badXref(SMALL_TEXT_PDF), expect: 'renders' },
  // pdf.js checks the last page on load and falls back to the pages it can really find (2).
  { name: 'huge-page-count', bytes: hugePageCount(), expect: 'renders' },
  { name: 'password-protected', bytes: passwordProtected(), expect: 'error' },
  { name: 'with-javascript', bytes: withJavaScript(), expect: 'renders' },
];
