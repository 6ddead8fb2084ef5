import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderBlobStore } from '../../src-register/blobs/folder-blob-store.js';

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('folder blob store', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'chambers-blobs-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores bytes under their SHA-256 in two fan-out folders and reads them back', async () => {
    const store = new FolderBlobStore(root);
    const bytes = new TextEncoder().encode('Hagiavaldus 2-25-14/1');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(await store.has(sha256)).toBe(false);
    expect(await store.get(sha256)).toBeNull();
    expect(await store.put(bytes)).toEqual({ sha256, size: bytes.byteLength });
    expect(await store.has(sha256)).toBe(true);
    expect(await store.get(sha256)).toEqual(bytes);
    expect(await allFiles(root)).toEqual([path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256)]);
  });

  it('is idempotent, also when the same content is written concurrently, and leaves no temp files', async () => {
    const store = new FolderBlobStore(root);
    const bytes = new Uint8Array(256 * 1024).map((_, i) => i % 251);
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(bytes)));
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    expect(await allFiles(root)).toHaveLength(1);
    expect(await store.get(results[0]!.sha256)).toEqual(bytes);
  });

  it('treats anything that is not a SHA-256 hex digest as absent', async () => {
    const store = new FolderBlobStore(root);
    for (const bad of ['../../etc/passwd', 'ABC', 'a'.repeat(63), 'A'.repeat(64)]) {
      expect(await store.get(bad)).toBeNull();
      expect(await store.has(bad)).toBe(false);
    }
  });
});
