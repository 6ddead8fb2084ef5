// Demo ID cards for a list of people: a test PKI, one SoftHSM2 card (PIN1 + PIN2 token) each, and a
// manifest.json that tells the register what to trust and the app which PKCS#11 module and config to use.
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { createTestPki, issuePersonCertificate } from './pki.js';
import {
  prepareSoftHsm,
  SOFTHSM_MODULE,
  writeCard,
  writeCards,
  type CardSpec,
  type CardTokens,
  type SoftHsm,
} from './softhsm.js';

export const DEMO_PIN1 = '1234';
export const DEMO_PIN2 = '12345';
export const MANIFEST_FILE = 'manifest.json';

const cardTokensSchema = z.object({
  pin1Label: z.string().min(1),
  pin2Label: z.string().min(1),
  pin1Serial: z.string().min(1),
  pin2Serial: z.string().min(1),
});

const manifestSchema = z.object({
  version: z.literal(1),
  module: z.string().min(1),
  softhsmConf: z.string().min(1),
  trustedCaPath: z.string().min(1),
  rootCaPath: z.string().min(1),
  ocsp: z.object({
    url: z.string().min(1),
    indexPath: z.string().min(1),
    responderCertPath: z.string().min(1),
    responderKeyPath: z.string().min(1),
    caPath: z.string().min(1),
  }),
  cards: z.array(
    z.object({
      name: z.string().min(1),
      personalCode: z.string().regex(/^[0-9]{11}$/),
      pin1: z.string().min(1),
      pin2: z.string().min(1),
      tokens: cardTokensSchema,
      authenticationCertPath: z.string().min(1),
      signingCertPath: z.string().min(1),
    }),
  ),
});

export interface CardsManifest {
  version: 1;
  module: string; // SOFTHSM_MODULE
  softhsmConf: string; // absolute path
  trustedCaPath: string; // the intermediate's PEM (what the register trusts)
  rootCaPath: string;
  ocsp: {
    url: string;
    indexPath: string;
    responderCertPath: string;
    responderKeyPath: string;
    caPath: string;
  };
  cards: Array<{
    name: string;
    personalCode: string;
    pin1: string;
    pin2: string;
    tokens: CardTokens;
    authenticationCertPath: string;
    signingCertPath: string;
  }>;
}

/** "Triin Lepik" → given TRIIN, surname LEPIK; "Mari-Liis Anna Kask" → given "MARI-LIIS ANNA". */
export function splitName(name: string): { given: string; surname: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) throw new Error(`demo cards: "${name}" needs a given name and a surname`);
  const upper = (s: string) => s.toLocaleUpperCase('et');
  return { given: upper(words.slice(0, -1).join(' ')), surname: upper(words[words.length - 1]!) };
}

export interface DemoCardsOptions {
  ocspUrl?: string;
  pin1?: string;
  pin2?: string;
  force?: boolean;
}

interface Planned {
  manifestPath: string;
  hsm: SoftHsm;
  base: Omit<CardsManifest, 'cards'>;
  specs: CardSpec[];
  cards: Array<Omit<CardsManifest['cards'][number], 'tokens'>>;
}

/** The PKI, the certificates and the card specs; the tokens are written by the caller. */
function plan(
  outDir: string,
  users: Array<{ name: string; personalCode: string }>,
  options: DemoCardsOptions,
): Planned {
  const dir = resolve(outDir);
  const manifestPath = join(dir, MANIFEST_FILE);
  if (existsSync(manifestPath)) {
    if (!options.force) {
      throw new Error(
        `${manifestPath} already exists: these demo cards were made before (use --force to remake them)`,
      );
    }
    rmSync(join(dir, 'pki'), { recursive: true, force: true });
    rmSync(join(dir, 'softhsm'), { recursive: true, force: true });
    rmSync(manifestPath, { force: true });
  }
  mkdirSync(dir, { recursive: true });
  const pki = createTestPki(join(dir, 'pki'), options.ocspUrl ? { ocspUrl: options.ocspUrl } : {});
  const hsm = prepareSoftHsm(join(dir, 'softhsm'));
  const pin1 = options.pin1 ?? DEMO_PIN1;
  const pin2 = options.pin2 ?? DEMO_PIN2;
  const specs: CardSpec[] = [];
  const cards = users.map((user) => {
    const { given, surname } = splitName(user.name);
    const person = { given, surname, personalCode: user.personalCode };
    const authentication = issuePersonCertificate(pki, {
      ...person,
      kind: 'authentication',
      name: `${user.personalCode}-auth`,
    });
    const signing = issuePersonCertificate(pki, {
      ...person,
      kind: 'signing',
      name: `${user.personalCode}-sign`,
    });
    specs.push({ holder: `${surname},${given}`, pin1, pin2, authentication, signing });
    return {
      name: user.name,
      personalCode: user.personalCode,
      pin1,
      pin2,
      authenticationCertPath: authentication.certPath,
      signingCertPath: signing.certPath,
    };
  });
  const base: Omit<CardsManifest, 'cards'> = {
    version: 1,
    module: SOFTHSM_MODULE,
    softhsmConf: hsm.confPath,
    trustedCaPath: pki.intermediate.certPath,
    rootCaPath: pki.root.certPath,
    ocsp: {
      url: pki.ocspUrl,
      indexPath: pki.indexPath,
      responderCertPath: pki.ocspResponder.certPath,
      responderKeyPath: pki.ocspResponder.keyPath,
      caPath: pki.intermediate.certPath,
    },
  };
  return { manifestPath, hsm, base, specs, cards };
}

function finish(planned: Planned, tokens: CardTokens[]): CardsManifest {
  const manifest: CardsManifest = {
    ...planned.base,
    cards: planned.cards.map((card, i) => ({ ...card, tokens: tokens[i]! })),
  };
  writeFileSync(planned.manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Makes a test PKI in outDir/pki, SoftHSM2 tokens in outDir/softhsm (one card per user, all inserted)
 * and writes outDir/manifest.json. Refuses an outDir that already holds a manifest unless `force`,
 * which first deletes the pki and softhsm folders of the old one.
 */
export function createDemoCards(
  outDir: string,
  users: Array<{ name: string; personalCode: string }>,
  options: DemoCardsOptions = {},
): CardsManifest {
  const planned = plan(outDir, users, options);
  return finish(
    planned,
    planned.specs.map((spec) => writeCard(planned.hsm, spec)),
  );
}

/** createDemoCards, writing the cards' tokens several at a time (much faster for the whole demo staff). */
export async function createDemoCardsAsync(
  outDir: string,
  users: Array<{ name: string; personalCode: string }>,
  options: DemoCardsOptions = {},
): Promise<CardsManifest> {
  const planned = plan(outDir, users, options);
  return finish(planned, await writeCards(planned.hsm, planned.specs));
}

/** The manifest in outDir, parsed; null when there is none. Throws a clear error when it is malformed. */
export function readCardsManifest(outDir: string): CardsManifest | null {
  const manifestPath = join(resolve(outDir), MANIFEST_FILE);
  if (!existsSync(manifestPath)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new Error(`${manifestPath} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${manifestPath} is not a demo cards manifest: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
