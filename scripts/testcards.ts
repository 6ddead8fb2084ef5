// `npx tsx scripts/testcards.ts --out DIR [--ocsp-url URL] [--force]`: ID cards (SoftHSM2 tokens and a
// test PKI) for the demo court's staff, so that sign-in with the ID card can be tried without a reader.
import { parseArgs } from 'node:util';
import { demoStaff } from '../src-register/seed/demo-people.js';
import { createDemoCardsAsync } from './testcards/demo-cards.js';
import { DEFAULT_OCSP_URL } from './testcards/pki.js';

const USAGE = 'usage: npx tsx scripts/testcards.ts --out DIR [--ocsp-url URL] [--force]';

async function main(): Promise<void> {
  let flags: { out?: string; 'ocsp-url'?: string; force?: boolean; help?: boolean };
  try {
    ({ values: flags } = parseArgs({
      options: {
        out: { type: 'string' },
        'ocsp-url': { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  if (!flags.out) throw new Error(`--out DIR is required\n${USAGE}`);
  const ocspUrl = flags['ocsp-url'] ?? DEFAULT_OCSP_URL;
  try {
    new URL(ocspUrl);
  } catch {
    throw new Error(`--ocsp-url: "${ocspUrl}" is not a URL`);
  }

  const started = Date.now();
  const users = demoStaff().users.map((u) => ({ name: u.name, personalCode: u.personalCode }));
  const manifest = await createDemoCardsAsync(flags.out, users, { ocspUrl, force: flags.force ?? false });

  const width = Math.max(4, ...manifest.cards.map((c) => c.name.length));
  console.log(`${'name'.padEnd(width)}  personal code  PIN1  PIN2`);
  for (const card of manifest.cards) {
    console.log(`${card.name.padEnd(width)}  ${card.personalCode}    ${card.pin1.padEnd(4)}  ${card.pin2}`);
  }
  const took = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
${manifest.cards.length} cards in ${took} s. Use them with:
  SOFTHSM2_CONF=${manifest.softhsmConf}
  PKCS#11 module        ${manifest.module}
  trusted issuing CA    ${manifest.trustedCaPath}
  root CA               ${manifest.rootCaPath}
  OCSP URL (in certs)   ${manifest.ocsp.url}
  OCSP responder        openssl ocsp -index ${manifest.ocsp.indexPath} -port ${new URL(manifest.ocsp.url).port || '80'} \\
                          -rsigner ${manifest.ocsp.responderCertPath} \\
                          -rkey ${manifest.ocsp.responderKeyPath} -CA ${manifest.ocsp.caPath} -ndays 1
  manifest              ${flags.out.replace(/\/$/, '')}/manifest.json`);
}

try {
  await main();
} catch (error) {
  console.error(`testcards: ${(error as Error).message}`);
  process.exitCode = 1;
}
