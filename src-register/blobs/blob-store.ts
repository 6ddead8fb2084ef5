/** Files stored by their SHA-256 (lower-case hex). Metadata lives in the database, bytes here. */
export interface BlobStore {
  /** Stores the bytes (idempotent: the same bytes give the same hash) and returns their hash and size. */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
}

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
