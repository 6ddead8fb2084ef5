/**
 * The plaintext of the documents read last, bounded by bytes: a viewer asks for one document in many
 * Range requests, and each must not decrypt (and verify) the whole file again. A file larger than
 * the bound is not kept at all. Least recently used goes first.
 */
export interface PlaintextCache {
  get(sha256: string): Buffer | undefined;
  put(sha256: string, bytes: Buffer): void;
  /** Drops what is not in `keep` (files the store let go). */
  retainOnly(keep: ReadonlySet<string>): void;
  clear(): void;
  /** Bytes held now. */
  readonly bytes: number;
}

export const DEFAULT_PLAINTEXT_CACHE_BYTES = 256 * 1024 * 1024;

export function createPlaintextCache(limit = DEFAULT_PLAINTEXT_CACHE_BYTES): PlaintextCache {
  const entries = new Map<string, Buffer>();
  let total = 0;
  const drop = (sha256: string): void => {
    const held = entries.get(sha256);
    if (!held) return;
    entries.delete(sha256);
    total -= held.byteLength;
  };
  return {
    get(sha256) {
      const held = entries.get(sha256);
      if (!held) return undefined;
      // Map order is insertion order: re-inserting makes it the most recent.
      entries.delete(sha256);
      entries.set(sha256, held);
      return held;
    },
    put(sha256, bytes) {
      drop(sha256);
      if (bytes.byteLength > limit) return;
      entries.set(sha256, bytes);
      total += bytes.byteLength;
      for (const oldest of entries.keys()) {
        if (total <= limit) break;
        drop(oldest);
      }
    },
    retainOnly(keep) {
      for (const sha256 of [...entries.keys()]) if (!keep.has(sha256)) drop(sha256);
    },
    clear() {
      entries.clear();
      total = 0;
    },
    get bytes() {
      return total;
    },
  };
}
