import { type KeyObject, constants, createHash, verify } from 'node:crypto';
import {
  WEB_EID_ALGORITHMS,
  type WebEidAlgorithm,
  type WebEidToken,
} from '../../src-shared/register-api/auth.js';
import { refusal } from './config.js';

export interface ParsedToken {
  algorithm: WebEidAlgorithm;
  certificateDer: Buffer;
  signature: Buffer;
}

/** Standard, padded base64 that decodes and encodes back to exactly the same text. */
export function strictBase64(text: string, field: string): Buffer {
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : Buffer.alloc(0);
  if (bytes.length === 0 || bytes.toString('base64') !== text)
    throw refusal('token_malformed', `${field} is not valid base64`);
  return bytes;
}

const isAlgorithm = (value: string): value is WebEidAlgorithm =>
  (WEB_EID_ALGORITHMS as readonly string[]).includes(value);

/** Step 1: format, base64 fields and algorithm. The certificate is parsed by the next step. */
export function parseToken(token: WebEidToken): ParsedToken {
  if (!/^web-eid:1(\.|$)/.test(token.format))
    throw refusal('token_format_unsupported', `token format "${token.format}" is not web-eid:1`);
  const certificateDer = strictBase64(token.unverifiedCertificate, 'unverifiedCertificate');
  const signature = strictBase64(token.signature, 'signature');
  if (!isAlgorithm(token.algorithm))
    throw refusal(
      'algorithm_unsupported',
      `algorithm "${token.algorithm}" is not one of ${WEB_EID_ALGORITHMS.join(', ')}`,
    );
  return { algorithm: token.algorithm, certificateDer, signature };
}

export function hashOf(algorithm: WebEidAlgorithm): 'sha256' | 'sha384' | 'sha512' {
  const bits = algorithm.slice(2);
  return bits === '256' ? 'sha256' : bits === '384' ? 'sha384' : 'sha512';
}

/** What the card signs: H(origin) ‖ H(nonce), H the algorithm's hash over the UTF-8 strings. */
export function signedData(algorithm: WebEidAlgorithm, origin: string, nonce: string): Buffer {
  const hash = hashOf(algorithm);
  return Buffer.concat([
    createHash(hash).update(origin, 'utf8').digest(),
    createHash(hash).update(nonce, 'utf8').digest(),
  ]);
}

/** Step 10: the algorithm fits the key, and the signature verifies over origin and nonce. */
export function checkSignature(token: ParsedToken, key: KeyObject, origin: string, nonce: string): void {
  const keyType = key.asymmetricKeyType;
  const family = token.algorithm.slice(0, 2);
  const fits =
    family === 'ES' ? keyType === 'ec' : keyType === 'rsa' || (family === 'PS' && keyType === 'rsa-pss');
  if (!fits)
    throw refusal(
      'algorithm_mismatch',
      `algorithm ${token.algorithm} does not fit the certificate's ${keyType ?? 'unknown'} key`,
    );
  const hash = hashOf(token.algorithm);
  const data = signedData(token.algorithm, origin, nonce);
  let valid: boolean;
  try {
    if (family === 'ES') {
      valid = verify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, token.signature);
    } else if (family === 'PS') {
      const saltLength = createHash(hash).digest().length;
      valid = verify(
        hash,
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength },
        token.signature,
      );
    } else {
      valid = verify(hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, token.signature);
    }
  } catch {
    valid = false;
  }
  if (!valid)
    throw refusal('signature_invalid', 'the token signature does not verify for this origin and nonce');
}
