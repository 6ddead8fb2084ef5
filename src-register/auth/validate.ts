import type { AuthTokenRequest } from '../../src-shared/register-api/auth.js';
import type { Db } from '../db/index.js';
import {
  checkPolicies,
  checkPurpose,
  checkSubject,
  checkValidity,
  findTrustedIssuer,
  oneLineName,
  readCertificate,
} from './certificate.js';
import { consumeNonce } from './challenges.js';
import { type ResolvedAuthConfig, normalizeOrigin, refusal } from './config.js';
import { checkOcsp } from './ocsp.js';
import { checkSignature, parseToken } from './token.js';

/** Who a valid token names, and the certificate it was signed with. */
export interface ValidatedToken {
  personalCode: string;
  certificate: { serialNumber: string; issuer: string; subject: string };
}

function sameOrigin(header: string, expected: string): boolean {
  try {
    return normalizeOrigin(header) === expected;
  } catch {
    return false;
  }
}

/**
 * Validates a Web eID authentication token (mirrors web-eid-authtoken-validation-java): each step
 * refuses with its own `AuthRefusalReason`. The cheap checks and the nonce come first; the OCSP
 * round trip comes last, so a token that fails any local check costs no request to the responder.
 *
 * `originHeader` is the request's `Origin`: when present it must be the configured origin, which is
 * what gives a token signed for another site its own reason (`origin_mismatch`).
 */
export async function validateAuthToken(
  db: Db,
  config: ResolvedAuthConfig,
  request: AuthTokenRequest,
  originHeader: string | undefined,
): Promise<ValidatedToken> {
  const now = config.now();
  // 1. Shape: format, base64 fields, algorithm, a readable certificate.
  const token = parseToken(request.authToken);
  const cert = readCertificate(token.certificateDer);
  // 2–6. Validity, purpose, policies, subject, chain.
  checkValidity(cert, now);
  checkPurpose(cert);
  checkPolicies(cert, config.disallowedPolicies);
  const personalCode = checkSubject(cert);
  const issuer = findTrustedIssuer(cert, config.trustedCas, now);
  // 7. The nonce is consumed here, whatever the later steps decide.
  await consumeNonce(db, request.nonce, now);
  // 9. Origin, then 10. the signature over the configured origin and the nonce.
  const origin = config.origin();
  if (originHeader !== undefined && !sameOrigin(originHeader, origin))
    throw refusal('origin_mismatch', `the token was made for ${originHeader.slice(0, 200)}, not ${origin}`);
  checkSignature(token, cert.x509.publicKey, origin, request.nonce);
  // 8. Revocation status, last: the one step that costs a round trip.
  const url = config.ocspUrl ?? cert.ocspUrl;
  if (!url)
    throw refusal('ocsp_unavailable', 'the certificate names no OCSP responder and none is configured');
  await checkOcsp({ certificateDer: cert.der, issuer, url, timeoutMs: config.ocspTimeoutMs, now });
  return {
    personalCode,
    certificate: {
      serialNumber: cert.x509.serialNumber,
      issuer: oneLineName(cert.x509.issuer),
      subject: oneLineName(cert.x509.subject),
    },
  };
}
