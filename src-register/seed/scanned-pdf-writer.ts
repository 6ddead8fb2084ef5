/**
 * Writes a PDF whose pages are each one full-page JPEG image (DCTDecode), as a
 * scanner does. Pages are appended as they are encoded, so no page is held twice.
 */

/** A4 in PDF points (1/72 inch). */
export const A4_POINTS = { width: 595.28, height: 841.89 } as const;

const encoder = new TextEncoder();
const COLOR_SPACES: Record<number, string> = { 1: '/DeviceGray', 3: '/DeviceRGB', 4: '/DeviceCMYK' };

export interface JpegInfo {
  width: number;
  height: number;
  components: number;
}

/** Reads size and component count from a JPEG's start-of-frame segment. */
export function readJpegInfo(jpeg: Uint8Array): JpegInfo {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG: no SOI marker');
  let at = 2;
  while (at + 9 < jpeg.length) {
    if (jpeg[at] !== 0xff) throw new Error(`not a JPEG: no marker at byte ${at}`);
    const marker = jpeg[at + 1]!;
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {
        height: (jpeg[at + 5]! << 8) | jpeg[at + 6]!,
        width: (jpeg[at + 7]! << 8) | jpeg[at + 8]!,
        components: jpeg[at + 9]!,
      };
    }
    at += 2 + length;
  }
  throw new Error('not a JPEG: no start-of-frame segment');
}

/** A PDF text string in UTF-16BE, so titles with õ, ä, ö, ü, š, ž survive. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

/** Kids per node of the page tree: a reader finds page N by reading a few nodes, not every page. */
const TREE_FANOUT = 32;

interface TreeNode {
  n: number;
  parent: number | null;
  kids: number[];
  count: number;
}

/**
 * A balanced page tree over the page objects `4 + 3i`, its inner nodes numbered from `firstFree`;
 * the root is always object 2. Returns the nodes and each page's parent.
 */
function pageTree(pageCount: number, firstFree: number): { nodes: TreeNode[]; parentOf: number[] } {
  const parentOf: number[] = [];
  let level: Array<{ n: number; count: number }> = Array.from({ length: pageCount }, (_, i) => ({
    n: 4 + 3 * i,
    count: 1,
  }));
  const nodes: TreeNode[] = [];
  let next = firstFree;
  let leaves = true;
  for (;;) {
    const groups = Math.ceil(level.length / TREE_FANOUT);
    const upper: Array<{ n: number; count: number }> = [];
    for (let g = 0; g < groups; g++) {
      const members = level.slice(g * TREE_FANOUT, (g + 1) * TREE_FANOUT);
      const n = groups === 1 ? 2 : next++;
      const node: TreeNode = { n, parent: null, kids: members.map((m) => m.n), count: 0 };
      node.count = members.reduce((sum, m) => sum + m.count, 0);
      for (const m of members) {
        if (leaves) parentOf[(m.n - 4) / 3] = n;
        else nodes.find((x) => x.n === m.n)!.parent = n;
      }
      nodes.push(node);
      upper.push({ n, count: node.count });
    }
    if (groups === 1) return { nodes, parentOf };
    level = upper;
    leaves = false;
  }
}

export class ImagePdfWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly offsets: number[] = [];
  private readonly objectCount: number;
  private size = 0;
  private added = 0;

  /**
   * Objects: 1 catalog, 2 page tree root, 3 info; per page i: 4+3i page, 5+3i content stream, 6+3i
   * image; then the inner page-tree nodes. The catalog, the whole page tree and every page's
   * dictionary and content come first, before the images: a viewer reading by ranges (pdf.js with
   * range requests) finds any page from the first few hundred kilobytes, as in a linearised scan.
   */
  constructor(
    private readonly pageCount: number,
    info: { title: string; producer: string },
  ) {
    if (!Number.isInteger(pageCount) || pageCount < 1) throw new RangeError('a PDF needs at least one page');
    // The binary comment marks the file as binary for transfer tools, as the PDF spec advises.
    this.push(new Uint8Array([...encoder.encode('%PDF-1.4\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));
    const { nodes, parentOf } = pageTree(pageCount, 4 + 3 * pageCount);
    this.objectCount = 4 + 3 * pageCount + nodes.length - 1;
    this.object(1, '<< /Type /Catalog /Pages 2 0 R >>');
    this.object(3, `<< /Title ${pdfTextString(info.title)} /Producer ${pdfTextString(info.producer)} >>`);
    for (const node of nodes) {
      const parent = node.parent === null ? '' : `/Parent ${node.parent} 0 R `;
      const kids = node.kids.map((kid) => `${kid} 0 R`).join(' ');
      this.object(node.n, `<< /Type /Pages ${parent}/Kids [${kids}] /Count ${node.count} >>`);
    }
    const { width: w, height: h } = A4_POINTS;
    const content = encoder.encode(`q\n${w} 0 0 ${h} 0 0 cm\n/Im0 Do\nQ\n`);
    for (let i = 0; i < pageCount; i++) {
      const first = 4 + 3 * i;
      this.object(
        first,
        `<< /Type /Page /Parent ${parentOf[i]} 0 R /MediaBox [0 0 ${w} ${h}] ` +
          `/Resources << /XObject << /Im0 ${first + 2} 0 R >> >> /Contents ${first + 1} 0 R >>`,
      );
      this.stream(first + 1, '', content);
    }
  }

  addPage(jpeg: Uint8Array): void {
    if (this.added >= this.pageCount) throw new Error(`more pages than the ${this.pageCount} announced`);
    const { width, height, components } = readJpegInfo(jpeg);
    const colorSpace = COLOR_SPACES[components];
    if (!colorSpace) throw new Error(`unsupported JPEG with ${components} components`);
    const image = 6 + 3 * this.added++;
    this.stream(
      image,
      `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} ` +
        `/ColorSpace ${colorSpace} /BitsPerComponent 8 /Filter /DCTDecode `,
      jpeg,
    );
  }

  /** The whole file: the cross-reference table lists every object's byte offset. */
  finish(): Uint8Array {
    if (this.added !== this.pageCount) throw new Error(`${this.added} of ${this.pageCount} pages added`);
    const count = this.objectCount;
    const xrefAt = this.size;
    let xref = `xref\n0 ${count}\n0000000000 65535 f \n`;
    for (let n = 1; n < count; n++) xref += `${String(this.offsets[n]).padStart(10, '0')} 00000 n \n`;
    xref += `trailer\n<< /Size ${count} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    this.push(encoder.encode(xref));
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  private object(n: number, body: string): void {
    this.offsets[n] = this.size;
    this.push(encoder.encode(`${n} 0 obj\n${body}\nendobj\n`));
  }

  private stream(n: number, dict: string, data: Uint8Array): void {
    this.offsets[n] = this.size;
    this.push(encoder.encode(`${n} 0 obj\n<< ${dict}/Length ${data.length} >>\nstream\n`));
    this.push(data);
    this.push(encoder.encode('\nendstream\nendobj\n'));
  }
}
