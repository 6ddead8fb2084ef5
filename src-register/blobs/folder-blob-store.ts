import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type BlobStore, SHA256_PATTERN } from './blob-store.js';

/** `root/ab/cd/abcd…`: two levels of fan-out keep folders small at millions of files. */
export class FolderBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!SHA256_PATTERN.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (!(await this.has(sha256))) {
      await mkdir(path.dirname(target), { recursive: true });
      // Written beside the target and renamed: a reader never sees half a file, and two writers of
      // the same content both end with the same complete file.
      const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temp, bytes, { flag: 'wx' });
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    }
    return { sha256, size: bytes.byteLength };
  }

  async get(sha256: string): Promise<Uint8Array | null> {
    if (!SHA256_PATTERN.test(sha256)) return null;
    try {
      return new Uint8Array(await readFile(this.pathOf(sha256)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256_PATTERN.test(sha256)) return false;
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
}
