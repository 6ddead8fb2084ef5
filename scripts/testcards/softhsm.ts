// SoftHSM2 test cards shaped like an Estonian ID card as OpenSC shows it: a PIN1 token with the
// authentication key and certificate, a PIN2 token with the signing key and certificate, both CKA_ID 01.
// Every CLI call gets SOFTHSM2_CONF pointing at a private token folder, never a shared one.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { run, runAsync, type Issued } from './pki.js';

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';
export const DEFAULT_SO_PIN = '12345678';
export const AUTHENTICATION_LABEL = 'Isikutuvastus';
export const SIGNING_LABEL = 'Allkirjastamine';

export interface SoftHsm {
  dir: string;
  confPath: string;
  tokenDir: string;
  env: { SOFTHSM2_CONF: string };
}

export interface CardSpec {
  holder: string; // e.g. 'LEPIK,TRIIN' — token labels `${holder} (PIN1)` / `(PIN2)`, cut to 32 bytes
  pin1: string;
  pin2: string;
  soPin?: string;
  authentication: Issued; // key + cert on the PIN1 token, CKA_ID 01, labels 'Isikutuvastus'
  signing: Issued; // key + cert on the PIN2 token, CKA_ID 01, labels 'Allkirjastamine'
}

export interface CardTokens {
  pin1Label: string;
  pin2Label: string;
  pin1Serial: string;
  pin2Serial: string;
}

export interface TokenInfo {
  slot: string; // decimal slot id
  label: string;
  serial: string;
}

/** Writes softhsm2.conf (tokendir inside dir, file backend, log level ERROR). */
export function prepareSoftHsm(dir: string): SoftHsm {
  const root = resolve(dir);
  const tokenDir = join(root, 'tokens');
  mkdirSync(tokenDir, { recursive: true });
  const confPath = join(root, 'softhsm2.conf');
  writeFileSync(
    confPath,
    `directories.tokendir = ${tokenDir}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`,
  );
  return { dir: root, confPath, tokenDir, env: { SOFTHSM2_CONF: confPath } };
}

function hsmEnv(hsm: SoftHsm): NodeJS.ProcessEnv {
  return { ...process.env, ...hsm.env };
}

/** Cuts a token label to PKCS#11's 32 bytes (UTF-8), keeping the " (PINn)" suffix whole. */
export function tokenLabel(holder: string, suffix: string): string {
  const max = 32 - Buffer.byteLength(suffix, 'utf8');
  let head = holder;
  while (Buffer.byteLength(head, 'utf8') > max) head = head.slice(0, -1);
  return `${head}${suffix}`;
}

/** The initialized tokens, parsed from `softhsm2-util --show-slots`. */
export function listTokens(hsm: SoftHsm): TokenInfo[] {
  const out = run('softhsm2-util', ['--show-slots'], { env: hsmEnv(hsm) });
  const tokens: TokenInfo[] = [];
  for (const block of out.split(/^Slot /m).slice(1)) {
    const slot = /^(\d+)/.exec(block)?.[1];
    const initialized = /^\s*Initialized:\s*yes/m.test(block);
    const label = /^\s*Label:[ \t]*(.*)$/m.exec(block.slice(block.indexOf('Token info')))?.[1]?.trimEnd();
    const serial = /Serial number:\s*(\S+)/.exec(block.slice(block.indexOf('Token info')))?.[1];
    if (slot && initialized && label !== undefined && serial) tokens.push({ slot, label, serial });
  }
  return tokens;
}

type Command = [command: string, args: string[]];

/** The CLI calls that make one card in an empty scratch folder (where the two labels are unique). */
function cardCommands(
  scratch: SoftHsm,
  spec: CardSpec,
  labels: [string, string],
  ders: [string, string],
): Command[] {
  const soPin = spec.soPin ?? DEFAULT_SO_PIN;
  const tokens: Array<[label: string, pin: string, objectLabel: string, issued: Issued, der: string]> = [
    [labels[0], spec.pin1, AUTHENTICATION_LABEL, spec.authentication, ders[0]],
    [labels[1], spec.pin2, SIGNING_LABEL, spec.signing, ders[1]],
  ];
  return tokens.flatMap(([label, pin, objectLabel, issued, der]): Command[] => [
    ['softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', soPin]],
    [
      'softhsm2-util',
      ['--import', issued.keyPath, '--token', label, '--label', objectLabel, '--id', '01', '--pin', pin],
    ],
    [
      'pkcs11-tool',
      [
        '--module',
        SOFTHSM_MODULE,
        '--token-label',
        label,
        '--login',
        '--pin',
        pin,
        '--write-object',
        der,
      ].concat(['--type', 'cert', '--id', '01', '--label', objectLabel]),
    ],
  ]);
}

interface CardJob {
  scratch: SoftHsm;
  labels: [string, string];
  commands: Command[];
}

function startCard(hsm: SoftHsm, spec: CardSpec): CardJob {
  const labels: [string, string] = [tokenLabel(spec.holder, ' (PIN1)'), tokenLabel(spec.holder, ' (PIN2)')];
  const scratch = prepareSoftHsm(join(hsm.dir, `.new-card-${randomBytes(6).toString('hex')}`));
  const ders: [string, string] = [join(scratch.dir, 'pin1.der'), join(scratch.dir, 'pin2.der')];
  writeFileSync(ders[0], spec.authentication.certDer);
  writeFileSync(ders[1], spec.signing.certDer);
  return { scratch, labels, commands: cardCommands(scratch, spec, labels, ders) };
}

/** Reads the serials from the scratch folder and moves its two token folders in together. */
function finishCard(hsm: SoftHsm, job: CardJob): CardTokens {
  const tokens = listTokens(job.scratch);
  const serialOf = (label: string): string => {
    const token = tokens.find((t) => t.label === label);
    if (!token) throw new Error(`SoftHSM: token "${label}" not found after it was written`);
    return token.serial;
  };
  const card = {
    pin1Label: job.labels[0],
    pin2Label: job.labels[1],
    pin1Serial: serialOf(job.labels[0]),
    pin2Serial: serialOf(job.labels[1]),
  };
  for (const name of readdirSync(job.scratch.tokenDir)) {
    renameSync(join(job.scratch.tokenDir, name), join(hsm.tokenDir, name));
  }
  return card;
}

/**
 * Makes the card's two tokens (PIN1: authentication, PIN2: signing), as if the card were inserted. The
 * card is made in a scratch token folder of its own (every SoftHSM call reads all tokens of its folder,
 * so this keeps the cost per card constant) and its two token folders are then moved in together, so a
 * reader polling the folder never sees a half-written card.
 */
export function writeCard(hsm: SoftHsm, spec: CardSpec): CardTokens {
  const job = startCard(hsm, spec);
  try {
    for (const [command, args] of job.commands) run(command, args, { env: hsmEnv(job.scratch) });
    return finishCard(hsm, job);
  } finally {
    rmSync(job.scratch.dir, { recursive: true, force: true });
  }
}

/** writeCard for many cards, `parallel` at a time (SoftHSM's file store is I/O-bound); same order. */
export async function writeCards(hsm: SoftHsm, specs: CardSpec[], parallel = 4): Promise<CardTokens[]> {
  const results: CardTokens[] = new Array<CardTokens>(specs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < specs.length) {
      const index = next++;
      const job = startCard(hsm, specs[index]!);
      try {
        for (const [command, args] of job.commands)
          await runAsync(command, args, { env: hsmEnv(job.scratch) });
        results[index] = finishCard(hsm, job);
      } finally {
        rmSync(job.scratch.dir, { recursive: true, force: true });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, specs.length)) }, worker));
  return results;
}

/** Deletes both tokens of the card (the card is pulled out). Missing tokens are ignored. */
export function removeCard(hsm: SoftHsm, card: CardTokens): void {
  const present = new Set(listTokens(hsm).map((t) => t.serial));
  for (const serial of [card.pin1Serial, card.pin2Serial]) {
    if (!present.has(serial)) continue;
    run('softhsm2-util', ['--delete-token', '--serial', serial], { env: hsmEnv(hsm) });
  }
}
