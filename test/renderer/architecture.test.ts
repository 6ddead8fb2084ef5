// The renderer's house rules, checked rather than hoped for (docs/architecture.md, "Boundaries").
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Attributes whose value people read or hear.
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'placeholder', 'title', 'alt', 'label']);

const sources = import.meta.glob<string>('../../src-renderer/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const files = Object.entries(sources).map(([path, text]) => ({
  path: path.replace('../../src-renderer/', ''),
  text,
}));
const importsOf = (text: string) =>
  [...text.matchAll(/from\s+'([^']+)'|import\s+'([^']+)'/g)].map((m) => m[1] ?? m[2]!);

/** `features/cases/components/x.tsx` + `../../session/api/y` → `features/session/api/y`. */
function resolveFrom(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const parts = file.split('/').slice(0, -1);
  for (const segment of specifier.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

describe('renderer architecture', () => {
  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('keeps features independent of each other', () => {
    const crossings: string[] = [];
    for (const { path, text } of files) {
      const feature = /^features\/([^/]+)\//.exec(path)?.[1];
      if (!feature) continue;
      for (const specifier of importsOf(text)) {
        const target = resolveFrom(path, specifier);
        const other = /^features\/([^/]+)\//.exec(target)?.[1];
        if ((other && other !== feature) || target.startsWith('app/'))
          crossings.push(`${path} → ${specifier}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('lets only platform/ touch window.chambers, and only api/ folders (a feature’s, or the shared one) call the host', () => {
    const offenders = files
      .filter(({ path }) => !path.startsWith('platform/'))
      .filter(({ text }) => /window\.chambers|\bchambers\(\)/.test(text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
    const callers = files
      .filter(({ text }) => /\bcall\(\(/.test(text))
      .map(({ path }) => path)
      .filter((path) => !/^(features\/[^/]+\/)?api\//.test(path));
    expect(callers).toEqual([]);
  });

  it('has no hard-coded words in components: UI text comes from the dictionary', () => {
    const found: string[] = [];
    for (const { path, text } of files.filter(({ path }) => path.endsWith('.tsx'))) {
      const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const visit = (node: ts.Node) => {
        if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(`${path}: ${node.text.trim()}`);
        if (
          ts.isJsxAttribute(node) &&
          TEXT_ATTRIBUTES.has(node.name.getText(source)) &&
          node.initializer &&
          ts.isStringLiteral(node.initializer) &&
          /\p{L}/u.test(node.initializer.text)
        ) {
          found.push(`${path}: ${node.name.getText(source)}="${node.initializer.text}"`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });
});
