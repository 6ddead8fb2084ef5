import { createHash, randomBytes, verify, X509Certificate } from 'node:crypto';
import { AppError } from '../../../src-shared/contract/index.js';
import type { AuthTokenRequest, WebEidAlgorithm } from '../../../src-shared/register-api/index.js';
import { hashOf } from '../card/index.js';
import type { CardAuthentication } from '../card/index.js';

/** What the card signs for a Web eID sign-in: hash(origin) ‖ hash(nonce), with the algorithm's hash. */
export function signedData(algorithm: WebEidAlgorithm, origin: string, nonce: string): Buffer {
  const hash = hashOf(algorithm);
  return Buffer.concat([
    createHash(hash).update(origin, 'utf8').digest(),
    createHash(hash).update(nonce, 'utf8').digest(),
  ]);
}

export function tokenRequest(auth: CardAuthentication, nonce: string, appVersion: string): AuthTokenRequest {
  return {
    authToken: {
      unverifiedCertificate: auth.certificateDer.toString('base64'),
      algorithm: auth.algorithm,
      signature: auth.signature.toString('base64'),
      format: 'web-eid:1.0',
      appVersion: `https://chambers.local/desktop/${appVersion}`,
    },
    nonce,
  };
}

/** 32 fresh random bytes for the card to sign in an offline unlock. */
export const offlineChallenge = (): Buffer => randomBytes(32);

/** Checks a card's signature over `data` with the public key of the pinned certificate. */
export function verifiesWithPinned(pinnedDer: Buffer, data: Buffer, auth: CardAuthentication): boolean {
  try {
    const key = new X509Certificate(pinnedDer).publicKey;
    const hash = hashOf(auth.algorithm);
    if (auth.algorithm.startsWith('ES')) {
      return verify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, auth.signature);
    }
    return verify(hash, data, key, auth.signature);
  } catch {
    return false;
  }
}

export const offlineErrors = {
  notPinned: () =>
    new AppError(
      'unavailable',
      'The register cannot be reached, and this ID card has not signed in on this computer before. Sign in once while online to use Chambers offline.',
      { reason: 'offline_not_pinned' },
    ),
  mismatch: () =>
    new AppError(
      'unauthenticated',
      'The register cannot be reached, and this ID card’s certificate is not the one that last signed in here (a renewed card?). Sign in once while online.',
      { reason: 'offline_certificate_mismatch' },
    ),
  badSignature: () =>
    new AppError(
      'unauthenticated',
      'The ID card’s signature does not match the certificate that last signed in here. Sign in once while online.',
      { reason: 'offline_signature_invalid' },
    ),
};
