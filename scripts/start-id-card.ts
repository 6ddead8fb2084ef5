// What `npm start` needs for ID-card sign-in on a machine with no real card: the demo court's test
// cards (SoftHSM2 tokens from scripts/testcards), their OCSP responder, and an OS keychain.
import { readFileSync } from 'node:fs';
import { demoStaff } from '../src-register/seed/demo-people.js';
import { tryPorts } from './start-support.js';
import { type CardsManifest, createDemoCardsAsync, readCardsManifest } from './testcards/demo-cards.js';
import { DEFAULT_OCSP_URL, startOcspResponderFor } from './testcards/pki.js';
import { secretServiceAnswers, startProcessKeyring } from './testcards/private-keyring.js';

export interface DemoIdCards {
  manifest: CardsManifest;
  /** What the register is started with: trust the test CA, ask the responder started here. */
  auth: { trustedCaCertificates: string[]; ocspUrl: string };
  stop(): Promise<void>;
}

/** Makes the demo cards on first start (they stay in `dir`), sets SoftHSM2 up and starts OCSP. */
export async function startDemoIdCards(dir: string): Promise<DemoIdCards> {
  let manifest = readCardsManifest(dir);
  if (!manifest) {
    const users = demoStaff().users.map(({ name, personalCode }) => ({ name, personalCode }));
    console.log(`Making test ID cards for the ${users.length} demo users (once; about 20 s)…`);
    manifest = await createDemoCardsAsync(dir, users, { ocspUrl: DEFAULT_OCSP_URL });
  }
  // The SoftHSM2 module reads this when the app loads it: the demo's tokens, never a shared folder.
  process.env.SOFTHSM2_CONF = manifest.softhsmConf;
  const defaultPort = Number(new URL(manifest.ocsp.url).port) || 4630;
  const responder = await tryPorts([defaultPort, 0], (port) =>
    startOcspResponderFor(manifest.ocsp, { port }),
  );
  return {
    manifest,
    auth: { trustedCaCertificates: [readFileSync(manifest.trustedCaPath, 'utf8')], ocspUrl: responder.url },
    stop: () => responder.stop(),
  };
}

/**
 * The desktop's own Secret Service when there is one. On a machine without a desktop session (a
 * server, a container) a private gnome-keyring is started for this run only: its items go when
 * Chambers stops, so the next start asks for the card again. Returns its stop function, or null.
 */
export async function ensureKeychain(): Promise<(() => Promise<void>) | null> {
  if (process.platform !== 'linux' || secretServiceAnswers()) return null;
  try {
    const stop = await startProcessKeyring();
    console.log('No OS keychain is running here; started a private one for this run (it ends with it).');
    return stop;
  } catch (error) {
    console.warn(
      `No OS keychain is available and a private one could not be started (${(error as Error).message}).\n` +
        'Chambers will refuse to sign in rather than keep secrets in a plain file.',
    );
    return null;
  }
}

export function describeDemoCards(manifest: CardsManifest): string {
  const pick = (name: string) => manifest.cards.find((card) => card.name === name);
  const examples = ['Helen Saar', 'Triin Lepik', 'Maarja Sepp', 'Piret Org']
    .map(pick)
    .filter((card) => card !== undefined)
    .map((card) => card.name)
    .join(', ');
  const pin1 = manifest.cards[0]?.pin1 ?? '1234';
  return (
    `Test ID cards of the ${manifest.cards.length} demo users are "in the reader" (SoftHSM2); ` +
    `choose one (e.g. ${examples}) and type PIN1 ${pin1}.`
  );
}
