// Proves that lint enforces the process boundaries: each forbidden import below must fail
// `npm run lint` with the file path it would have in the tree, and the clean files must pass.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

interface Finding {
  ruleId: string | null;
  message: string;
}

async function lint(filePath: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

/** A relative specifier from `fromFile` to a real source file in `dir`, so path rules can resolve it. */
function importOfAnyFileIn(fromFile: string, dir: string): string {
  const find = (folder: string): string | null => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(folder, entry.name);
      if (entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) return path;
      if (entry.isDirectory()) {
        const found = find(path);
        if (found) return found;
      }
    }
    return null;
  };
  const target = find(join(root, dir));
  if (!target) throw new Error(`No source file in ${dir} to import`);
  const specifier = relative(join(root, fromFile, '..'), target).replace(/\.tsx?$/, '.js');
  return specifier.startsWith('.') ? specifier : `./${specifier}`;
}

const importing = (specifier: string) =>
  `import * as imported from '${specifier}';\nexport const used = imported;\n`;

describe('forbidden imports fail lint', () => {
  const restricted = 'no-restricted-imports';
  const paths = 'local/restricted-paths';
  const cases: Array<[file: string, specifier: string, rule: string]> = [
    ['src-renderer/features/cases/api/read.ts', 'node:fs', restricted],
    ['src-renderer/features/cases/api/read.ts', 'fs', restricted],
    ['src-renderer/features/cases/api/read.ts', 'fs/promises', restricted],
    ['src-renderer/features/cases/api/read.ts', 'electron', restricted],
    ['src-renderer/features/cases/api/read.ts', '../../../../src-main/app/security.js', paths],
    [
      'src-renderer/features/cases/api/read.ts',
      importOfAnyFileIn('src-renderer/features/cases/api/read.ts', 'src-register'),
      paths,
    ],
    ['src-main/web-host/browser/bridge.ts', 'node:http', restricted],
    ['src-main/services/x.ts', 'electron', restricted],
    ['src-main/services/x.ts', '../app/security.js', paths],
    ['src-main/ipc/x.ts', 'electron', restricted],
    ['src-main/web-host/x.ts', 'electron/main', restricted],
    ['src-register/x.ts', 'electron', restricted],
    ['src-register/x.ts', '../src-main/app/security.js', paths],
    ['src-shared/x.ts', 'pg', restricted],
    ['src-shared/x.ts', 'node:crypto', restricted],
    ['src-shared/x.ts', 'crypto', restricted],
    ['src-shared/x.ts', 'react', restricted],
    ['src-shared/x.ts', importOfAnyFileIn('src-shared/x.ts', 'src-renderer'), paths],
    ['src-shared/x.ts', '../src-main/app/security.js', paths],
  ];

  it.each(cases)('%s importing %s', async (file, specifier, rule) => {
    const findings = await lint(file, importing(specifier));
    expect(findings.map((f) => f.ruleId)).toContain(rule);
  });
});

describe('the fixtures fail lint where they would live', () => {
  const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

  it('a renderer component reading a file', async () => {
    const findings = await lint(
      'src-renderer/features/cases/components/case-file.tsx',
      fixture('renderer-imports-fs.tsx'),
    );
    expect(findings).toEqual([
      { ruleId: 'no-restricted-imports', message: expect.stringMatching(/node:fs.*Node built-ins/) },
    ]);
  });

  it('a service showing an Electron notification', async () => {
    const findings = await lint('src-main/services/notify.ts', fixture('service-imports-electron.ts'));
    expect(findings).toEqual([
      { ruleId: 'no-restricted-imports', message: expect.stringMatching(/electron.*Only src-main\/app/) },
    ]);
  });

  it('the same fixtures pass where their imports are allowed', async () => {
    expect(await lint('src-main/app/notify.ts', fixture('service-imports-electron.ts'))).toEqual([]);
    expect(await lint('scripts/case-file.tsx', fixture('renderer-imports-fs.tsx'))).toEqual([]);
  });
});

describe('clean files pass lint', () => {
  const clean: Array<[file: string, code: string]> = [
    [
      'src-renderer/features/cases/api/cases-api.ts',
      "import { useQuery } from '@tanstack/react-query';\nimport { channels } from '../../../../src-shared/contract/index.js';\nexport const used = [useQuery, channels];\n",
    ],
    [
      'src-main/services/x.ts',
      "import { readFileSync } from 'node:fs';\nimport { ok } from '../../src-shared/contract/index.js';\nexport const used = [readFileSync, ok];\n",
    ],
    [
      'src-main/app/x.ts',
      "import { app } from 'electron';\nimport { ok } from '../../src-shared/contract/index.js';\nexport const used = [app, ok];\n",
    ],
    [
      'src-register/x.ts',
      "import pg from 'pg';\nimport { createHash } from 'node:crypto';\nimport { ok } from '../src-shared/contract/index.js';\nexport const used = [pg, createHash, ok];\n",
    ],
    [
      'src-shared/x.ts',
      "import { z } from 'zod';\nimport { ok } from './contract/index.js';\nexport const used = [z, ok];\n",
    ],
  ];

  it.each(clean)('%s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
