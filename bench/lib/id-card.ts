// A real ID-card sign-in for benchmarks of the desktop services: one SoftHSM2 test card for the
// chosen person, the `openssl ocsp` responder and, where no Secret Service runs, a private keychain.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoCardsAsync } from '../../scripts/testcards/demo-cards.js';
import { startOcspResponderFor } from '../../scripts/testcards/pki.js';
import { secretServiceAnswers, startProcessKeyring } from '../../scripts/testcards/private-keyring.js';

export interface BenchCard {
  module: string;
  pin1: string;
  /** For the register: trust the test CA and ask this responder. */
  auth: { trustedCaCertificates: string[]; ocspUrl: string };
  stop(): Promise<void>;
}

export async function startBenchCard(dir: string, person: { name: string; personalCode: string }) {
  const stops: Array<() => Promise<void>> = [];
  if (!secretServiceAnswers()) stops.push(await startProcessKeyring());
  const manifest = await createDemoCardsAsync(join(dir, 'cards'), [person]);
  process.env.SOFTHSM2_CONF = manifest.softhsmConf;
  const responder = await startOcspResponderFor(manifest.ocsp);
  stops.unshift(() => responder.stop());
  const card: BenchCard = {
    module: manifest.module,
    pin1: manifest.cards[0]!.pin1,
    auth: { trustedCaCertificates: [readFileSync(manifest.trustedCaPath, 'utf8')], ocspUrl: responder.url },
    async stop() {
      for (const stop of stops) await stop();
    },
  };
  return card;
}

/** A register on PGlite in `dir` that accepts `card`'s sign-in (demo court seeded unless told otherwise). */
export async function startCardRegister(
  dir: string,
  card: BenchCard,
  options: { seedDemo?: boolean; devSignIn?: boolean } = {},
) {
  // Loaded when a benchmark runs, not when the list of benchmarks is printed.
  const { startRegister } = await import('../../src-register/server.js');
  return startRegister({
    db: `pglite:${join(dir, 'register')}`,
    blobDir: join(dir, 'blobs'),
    host: '127.0.0.1',
    port: 0,
    production: false,
    seedDemo: options.seedDemo ?? true,
    ...(options.devSignIn ? { devSignIn: true } : {}),
    auth: card.auth,
    logLevel: 'warn',
  });
}

/** The desktop services of the browser host, reading `card` through SoftHSM. */
export async function cardServices(registerUrl: string, dataDir: string, card: BenchCard) {
  const { createServices } = await import('../../src-main/services/index.js');
  return createServices({ registerUrl, dataDir, host: 'browser', version: 'bench', cardModule: card.module });
}
