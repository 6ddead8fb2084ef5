// Every UI text goes through the dictionaries: no letters in the renderer's JSX text, no literal
// labels for people or screen readers, and Estonian and English with the same keys and placeholders.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { type AllowedText, applyAllowList, findHardCodedTexts, formatFinding } from './ui-strings.js';

const root = resolve(import.meta.dirname, '../..');
const rendererDir = join(root, 'src-renderer');

/**
 * Texts that are the same in every UI language, so they may be written as they are wherever they
 * appear. Keep it short: anything a translator could change belongs in the dictionaries.
 */
const ALLOWED: readonly AllowedText[] = [
  { text: 'Chambers', reason: 'the product name, not translated' },
  { text: 'Eesti', reason: 'a language named in itself, the same in every UI language' },
  { text: 'English', reason: 'a language named in itself, the same in every UI language' },
];

const toPosix = (path: string) => path.split('\\').join('/');

function rendererTsxFiles(): string[] {
  return readdirSync(rendererDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.tsx'))
    .map((path) => toPosix(relative(root, join(rendererDir, path))))
    .sort();
}

describe('no hard-coded UI strings in src-renderer/**/*.tsx', () => {
  it('finds the renderer components to check', () => {
    expect(rendererTsxFiles().length).toBeGreaterThan(10);
  });

  it('has every text of every component from t(…)', () => {
    const findings = rendererTsxFiles().flatMap((file) =>
      findHardCodedTexts(file, readFileSync(join(root, file), 'utf8')),
    );
    const { violations } = applyAllowList(findings, ALLOWED);
    expect(
      violations.map(formatFinding),
      'Put these texts in src-renderer/i18n (et and en) and render them with t(…)',
    ).toEqual([]);
  });

  it('keeps the allow-list short and explained', () => {
    expect(ALLOWED.length).toBeLessThanOrEqual(10);
    for (const entry of ALLOWED) {
      expect(entry.text.trim(), JSON.stringify(entry)).toBe(entry.text);
      expect(entry.reason.length, entry.text).toBeGreaterThan(10);
    }
  });
});

describe('the hard-coded text checker', () => {
  const planted = `
import { useT } from '../../i18n/use-t';
export function Planted({ open, count }: { open: boolean; count: number }) {
  const t = useT();
  return (
    <section aria-label="Minu tööd">
      <h2>{t('work.title')}</h2>
      <p>
        Vali kohtuasi
      </p>
      <button type="button" title={t('work.refresh')} aria-label={open ? 'Sulge' : t('work.open')}>
        {open ? t('work.close') : 'Ava'}
      </button>
      <img src="/logo.svg" alt="" />
      <img src="/judge.svg" alt="Kohtunik" />
      <input placeholder={\`Otsi \${count}\`} className="search-input" data-testid="search-box" />
      <Field label={t('work.field')} hint="x" icon={<Icon title="Ikoon" />} />
      <span>{count} · {t('work.cases.other', { count })}&nbsp;–</span>
      {open && <em aria-description={'kirjeldus'}>{'Tekst'}</em>}
      <abbr title={t(\`work.kind.\${'civil'}\`)}>&nbsp;</abbr>
      <p>Chambers</p>
    </section>
  );
}
`;

  it('reports each planted violation with its file and line', () => {
    const found = findHardCodedTexts('src-renderer/planted.tsx', planted).map(formatFinding);
    expect(found).toEqual([
      'src-renderer/planted.tsx:6: aria-label="Minu tööd"',
      'src-renderer/planted.tsx:9: text "Vali kohtuasi"',
      'src-renderer/planted.tsx:11: aria-label="Sulge"',
      'src-renderer/planted.tsx:12: text "Ava"',
      'src-renderer/planted.tsx:15: alt="Kohtunik"',
      'src-renderer/planted.tsx:16: placeholder="`Otsi ${count}`"',
      'src-renderer/planted.tsx:17: title="Ikoon"',
      'src-renderer/planted.tsx:19: aria-description="kirjeldus"',
      'src-renderer/planted.tsx:19: text "Tekst"',
      'src-renderer/planted.tsx:21: text "Chambers"',
    ]);
  });

  it('lets the allow-list through and nothing else', () => {
    const findings = findHardCodedTexts('src-renderer/planted.tsx', planted);
    const { violations } = applyAllowList(findings, ALLOWED);
    expect(violations.map((v) => v.text)).not.toContain('Chambers');
    expect(violations).toHaveLength(findings.length - 1);
    const onlyElsewhere = applyAllowList(findings, [{ ...ALLOWED[0]!, file: 'src-renderer/other.tsx' }]);
    expect(onlyElsewhere.violations).toHaveLength(findings.length);
  });

  it('passes a component whose texts all come from t(…)', () => {
    const clean = `
export const Clean = ({ n }: { n: number }) => {
  const { t, plural } = useI18n();
  return (
    <nav aria-label={t('nav.label')} className="nav-rail" data-testid="nav">
      <a href="#/work" title={t('nav.work')}>{plural('nav.cases', n)}</a>
      <span aria-hidden="true">{n > 0 ? '·' : '—'} 42</span>
      <img src="x.svg" alt="" />
    </nav>
  );
};
`;
    expect(findHardCodedTexts('src-renderer/clean.tsx', clean)).toEqual([]);
  });
});

// ---- the dictionaries ----

const Messages = z.record(z.string(), z.string());

/** Loaded at run time (not type-checked as Node code: the renderer resolves imports as a bundler does). */
async function loadExport(file: string, name: string): Promise<Record<string, string>> {
  const module: unknown = await import(pathToFileURL(join(root, file)).href);
  const parsed = z.object({ [name]: Messages }).safeParse(module);
  if (!parsed.success) throw new Error(`${file} does not export ${name} as texts: ${parsed.error.message}`);
  return parsed.data[name]!;
}

const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('the Estonian and English dictionaries', () => {
  it('have identical key sets, no empty texts and the same placeholders per key', async () => {
    const et = await loadExport('src-renderer/i18n/et.ts', 'et');
    const en = await loadExport('src-renderer/i18n/en.ts', 'en');
    expect(Object.keys(et).length).toBeGreaterThan(50);
    expect(
      Object.keys(en).filter((key) => !Object.hasOwn(et, key)),
      'only in English',
    ).toEqual([]);
    expect(
      Object.keys(et).filter((key) => !Object.hasOwn(en, key)),
      'only in Estonian',
    ).toEqual([]);
    const empty = [
      ...Object.entries(et)
        .filter(([, text]) => text.trim() === '')
        .map(([key]) => `et ${key}`),
      ...Object.entries(en)
        .filter(([, text]) => text.trim() === '')
        .map(([key]) => `en ${key}`),
    ];
    expect(empty, 'empty texts').toEqual([]);
    const mismatched = Object.keys(et)
      .filter((key) => Object.hasOwn(en, key))
      .filter((key) => placeholders(et[key]!).join() !== placeholders(en[key]!).join())
      .map(
        (key) =>
          `${key}: et {${placeholders(et[key]!).join('}, {')}} en {${placeholders(en[key]!).join('}, {')}}`,
      );
    expect(mismatched, 'placeholders differ').toEqual([]);
  });

  it('come in .one / .other pairs for plurals', async () => {
    const et = await loadExport('src-renderer/i18n/et.ts', 'et');
    const lonely = Object.keys(et).filter(
      (key) => key.endsWith('.one') && !Object.hasOwn(et, `${key.slice(0, -'.one'.length)}.other`),
    );
    expect(lonely, '.one without .other').toEqual([]);
  });

  it("prefix each feature's keys with the feature's name", async () => {
    const dir = 'src-renderer/i18n/messages';
    const files = readdirSync(join(root, dir)).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const file of files) {
      const feature = basename(file, '.ts');
      const suffix = feature.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());
      for (const language of ['et', 'en']) {
        const texts = await loadExport(`${dir}/${file}`, `${language}${suffix}`);
        for (const key of Object.keys(texts))
          if (!key.startsWith(`${feature}.`)) wrong.push(`${dir}/${file}: ${language} ${key}`);
      }
    }
    expect(wrong, `keys must start with '<feature>.'`).toEqual([]);
  });
});
