import { AppError } from '../../../src-shared/contract/index.js';

/**
 * A small, strict reader of the HTML mammoth writes (no dependency): elements with quoted
 * attributes, text with character references, void `br`/`img`/`hr`, self-closing tags. Comments
 * and doctype are skipped. A close tag closes up to its open element (a stray one is ignored);
 * anything else malformed — an unterminated tag, a bad attribute — is refused with its position.
 */

export interface HtmlElement {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export interface HtmlText {
  kind: 'text';
  text: string;
}
export type HtmlNode = HtmlElement | HtmlText;

const VOID = new Set(['br', 'img', 'hr', 'wbr', 'col', 'meta', 'link', 'input']);
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  bdquo: '„',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  sect: '§',
  euro: '€',
  copy: '©',
};
const MAX_DEPTH = 200;

/** Decodes character references; an unknown named one is kept as written. */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g,
    (whole, ref: string) => {
      if (ref[0] === '#') {
        const code =
          ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        const ok = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
        return ok ? String.fromCodePoint(code) : '\ufffd';
      }
      return NAMED[ref] ?? whole;
    },
  );
}

const bad = (at: number, what: string) =>
  new AppError('invalid_input', `The converted document is malformed at character ${at}: ${what}.`, {
    reason: 'not_importable',
  });

const NAME = /[A-Za-z][A-Za-z0-9-]*/y;
const ATTR = /\s*([A-Za-z_:][A-Za-z0-9_:.-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`/]+)))?/y;

/** Parses `html` into a forest of elements and texts. */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { kind: 'element', tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  let i = 0;
  const top = () => stack[stack.length - 1]!;
  const pushText = (raw: string) => {
    if (raw === '') return;
    const text = decodeEntities(raw);
    const last = top().children.at(-1);
    if (last?.kind === 'text') last.text += text;
    else top().children.push({ kind: 'text', text });
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      pushText(html.slice(i));
      break;
    }
    pushText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end === -1) throw bad(lt, 'an unterminated comment');
      i = end + 3;
    } else if (html.startsWith('<!', lt) || html.startsWith('<?', lt)) {
      const end = html.indexOf('>', lt);
      if (end === -1) throw bad(lt, 'an unterminated declaration');
      i = end + 1;
    } else if (html[lt + 1] === '/') {
      NAME.lastIndex = lt + 2;
      const name = NAME.exec(html)?.[0]?.toLowerCase();
      const end = html.indexOf('>', lt);
      if (name === undefined || end === -1) throw bad(lt, 'a broken closing tag');
      const open = stack.findLastIndex((el) => el.tag === name);
      if (open > 0) stack.length = open;
      i = end + 1;
    } else {
      NAME.lastIndex = lt + 1;
      const name = NAME.exec(html)?.[0]?.toLowerCase();
      if (name === undefined) {
        // A lone "<" in text.
        pushText('<');
        i = lt + 1;
        continue;
      }
      const attrs: Record<string, string> = {};
      let at = NAME.lastIndex;
      for (;;) {
        ATTR.lastIndex = at;
        const m = ATTR.exec(html);
        if (!m || m[0].trim() === '') break;
        attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
        at = ATTR.lastIndex;
      }
      while (at < html.length && /\s/.test(html[at]!)) at++;
      const selfClosing = html[at] === '/';
      if (selfClosing) at++;
      if (html[at] !== '>') throw bad(at, `an unexpected character in the tag <${name}>`);
      i = at + 1;
      const el: HtmlElement = { kind: 'element', tag: name, attrs, children: [] };
      top().children.push(el);
      if (!selfClosing && !VOID.has(name)) {
        if (stack.length > MAX_DEPTH) throw bad(lt, 'elements nested too deeply');
        stack.push(el);
      }
    }
  }
  return root.children;
}
