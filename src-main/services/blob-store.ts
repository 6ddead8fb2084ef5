import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../src-shared/contract/index.js';
import { cacheFileFor } from './session/cache-file.js';

/**
 * The user's downloaded documents, addressed by the SHA-256 of their plaintext and encrypted at rest
 * with AES-256-GCM under a key derived (HKDF-SHA256) from the user's cache key. A file is bound to its
 * address (the hash is the additional data), so a file renamed, altered or truncated fails to open.
 * Partial downloads are kept encrypted too, as a chain of sealed records, so they can resume.
 */

const SHA256 = /^[0-9a-f]{64}$/;
const MAGIC = Buffer.from('CHB1');
const IV = 12;
const TAG = 16;
const RECORD_HEAD = 4 + IV + TAG;

export type BlobRead = { kind: 'ok'; bytes: Buffer } | { kind: 'missing' } | { kind: 'corrupt' };

export interface EncryptedBlobStore {
  readonly dir: string;
  has(sha256: string): boolean;
  /** The plaintext, checked against its address; a file that fails the check is reported, not returned. */
  read(sha256: string): BlobRead;
  /** Stores bytes that must hash to `sha256`; atomic (temporary file, fsync, rename). */
  write(sha256: string, bytes: Uint8Array): void;
  remove(sha256: string): void;
  /** The addresses of the complete blobs. */
  list(): string[];
  /** Removes every blob and partial download whose address is not in `keep`; returns the removed. */
  retainOnly(keep: ReadonlySet<string>): string[];
  /** The part of a download received so far (a torn last record is dropped). */
  partial(sha256: string): Buffer;
  /** Seals and appends the next bytes of a download; `offset` must be the length received so far. */
  appendPartial(sha256: string, offset: number, bytes: Uint8Array): void;
  discardPartial(sha256: string): void;
}

/** `<dataDir>/cache/blobs/<the same hash of the personal code as the cache file>/`. */
export function blobDirFor(dataDir: string, personalCode: string): string {
  return join(dataDir, 'cache', 'blobs', basename(cacheFileFor(dataDir, personalCode), '.sqlite'));
}

/** The blob key: HKDF-SHA256 of the cache key (hex as stored in the keychain, or raw bytes). */
export function deriveBlobKey(cacheKey: string | Uint8Array): Buffer {
  const ikm = typeof cacheKey === 'string' ? Buffer.from(cacheKey, 'utf8') : Buffer.from(cacheKey);
  if (ikm.byteLength < 16) throw new AppError('internal', 'The cache key is too short to derive a blob key.');
  return Buffer.from(hkdfSync('sha256', ikm, 'chambers/blob-store', 'aes-256-gcm v1', 32));
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function checkAddress(sha256: string): void {
  if (!SHA256.test(sha256)) throw new AppError('invalid_input', `not a SHA-256 address: ${sha256}`);
}

function seal(key: Buffer, aad: string, plain: Uint8Array): { iv: Buffer; tag: Buffer; ct: Buffer } {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ct };
}

function open(key: Buffer, aad: string, iv: Buffer, tag: Buffer, ct: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]);
  } catch {
    return null;
  }
}

function writeDurably(file: string, chunks: readonly Uint8Array[], flags: 'w' | 'a'): void {
  const fd = openSync(file, flags, 0o600);
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function openEncryptedBlobStore(dir: string, cacheKey: string | Uint8Array): EncryptedBlobStore {
  const key = deriveBlobKey(cacheKey);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const blobFile = (sha256: string) => join(dir, `${sha256}.blob`);
  const partFile = (sha256: string) => join(dir, `${sha256}.part`);

  function readPartial(sha256: string): Buffer {
    const file = partFile(sha256);
    if (!existsSync(file)) return Buffer.alloc(0);
    const raw = readFileSync(file);
    const pieces: Buffer[] = [];
    let at = 0;
    let length = 0;
    while (at + RECORD_HEAD <= raw.byteLength) {
      const size = raw.readUInt32BE(at);
      const end = at + RECORD_HEAD + size;
      if (end > raw.byteLength) break;
      const plain = open(
        key,
        `${sha256}:${length}`,
        raw.subarray(at + 4, at + 4 + IV),
        raw.subarray(at + 4 + IV, at + RECORD_HEAD),
        raw.subarray(at + RECORD_HEAD, end),
      );
      if (!plain) break;
      pieces.push(plain);
      length += plain.byteLength;
      at = end;
    }
    // Whatever follows the last good record (a torn write, tampering) is cut off.
    if (at < raw.byteLength) truncateSync(file, at);
    return Buffer.concat(pieces);
  }

  const store: EncryptedBlobStore = {
    dir,
    has: (sha256) => SHA256.test(sha256) && existsSync(blobFile(sha256)),
    read(sha256) {
      checkAddress(sha256);
      let raw: Buffer;
      try {
        raw = readFileSync(blobFile(sha256));
      } catch {
        return { kind: 'missing' };
      }
      if (raw.byteLength < MAGIC.byteLength + IV + TAG || !raw.subarray(0, MAGIC.byteLength).equals(MAGIC))
        return { kind: 'corrupt' };
      const at = MAGIC.byteLength;
      const plain = open(
        key,
        sha256,
        raw.subarray(at, at + IV),
        raw.subarray(at + IV, at + IV + TAG),
        raw.subarray(at + IV + TAG),
      );
      if (!plain || sha256Hex(plain) !== sha256) return { kind: 'corrupt' };
      return { kind: 'ok', bytes: plain };
    },
    write(sha256, bytes) {
      checkAddress(sha256);
      const actual = sha256Hex(bytes);
      if (actual !== sha256)
        throw new AppError('internal', `The file's bytes hash to ${actual}, not ${sha256} as expected.`);
      const { iv, tag, ct } = seal(key, sha256, bytes);
      const temp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
      try {
        writeDurably(temp, [MAGIC, iv, tag, ct], 'w');
        renameSync(temp, blobFile(sha256));
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      }
    },
    remove(sha256) {
      checkAddress(sha256);
      rmSync(blobFile(sha256), { force: true });
      rmSync(partFile(sha256), { force: true });
    },
    list: () =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.blob'))
        .map((name) => name.slice(0, -'.blob'.length))
        .filter((sha) => SHA256.test(sha)),
    retainOnly(keep) {
      const removed = new Set<string>();
      for (const name of readdirSync(dir)) {
        const [sha, suffix] = name.split('.');
        if (name.startsWith('.tmp-')) {
          rmSync(join(dir, name), { force: true });
          continue;
        }
        if (!sha || !SHA256.test(sha) || (suffix !== 'blob' && suffix !== 'part') || keep.has(sha)) continue;
        rmSync(join(dir, name), { force: true });
        if (suffix === 'blob') removed.add(sha);
      }
      return [...removed];
    },
    partial(sha256) {
      checkAddress(sha256);
      return readPartial(sha256);
    },
    appendPartial(sha256, offset, bytes) {
      checkAddress(sha256);
      if (bytes.byteLength === 0) return;
      const head = Buffer.alloc(4);
      head.writeUInt32BE(bytes.byteLength);
      const { iv, tag, ct } = seal(key, `${sha256}:${offset}`, bytes);
      writeDurably(partFile(sha256), [head, iv, tag, ct], 'a');
    },
    discardPartial(sha256) {
      checkAddress(sha256);
      rmSync(partFile(sha256), { force: true });
    },
  };
  return store;
}
