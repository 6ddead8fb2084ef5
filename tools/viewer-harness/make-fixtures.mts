// Writes the harness's check PDFs into VIEWER_FIXTURES (default /tmp/viewer-fixtures):
// scan-5.pdf, scan-500.pdf (~28 MB, a few seconds), garbage.pdf.
//   npx tsx tools/viewer-harness/make-fixtures.mts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeScannedPdf } from '../../src-register/seed/scanned-pdf.ts';

const dir = process.env.VIEWER_FIXTURES ?? '/tmp/viewer-fixtures';
mkdirSync(dir, { recursive: true });
const lines = [
  'HARJU MAAKOHUS',
  'Kohtuasi 2-24-1234',
  'Hagiavaldus',
  'Kohus leiab, et hagi tuleb rahuldada.',
];
writeFileSync(join(dir, 'scan-5.pdf'), await makeScannedPdf({ title: 'Test 5', lines, pages: 5, seed: 1 }));
writeFileSync(
  join(dir, 'scan-500.pdf'),
  await makeScannedPdf({ title: 'Test 500', lines, pages: 500, seed: 2 }),
);
writeFileSync(join(dir, 'garbage.pdf'), new TextEncoder().encode('this is not a pdf at all '.repeat(100)));
console.log(`fixtures in ${dir}`);
