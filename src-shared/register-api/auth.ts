import { z } from 'zod';

/**
 * ID-card sign-in, Web eID style (docs/decisions/0008). The desktop app asks the register for a
 * challenge nonce, has the card sign hash(origin) ‖ hash(nonce) and sends the token back with the nonce.
 */

export const NONCE_BYTES = 32;
/** 32 random bytes in standard base64: 44 characters. */
export const AuthNonce = z
  .string()
  .length(44)
  .regex(/^[A-Za-z0-9+/]{43}=$/, 'a base64 nonce of 32 bytes');

export const AuthChallengeResponse = z.object({
  nonce: AuthNonce,
  expiresAt: z.iso.datetime({ offset: true }),
});
export type AuthChallengeResponse = z.infer<typeof AuthChallengeResponse>;

export const WEB_EID_ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'PS256',
  'PS384',
  'PS512',
  'RS256',
  'RS384',
  'RS512',
] as const;
export type WebEidAlgorithm = (typeof WEB_EID_ALGORITHMS)[number];

/**
 * The token as it arrives: only its shape and sizes are checked here, so that every malformed field
 * is refused by the validator with its own reason (`token_malformed`) rather than a generic 400.
 */
export const WebEidToken = z.object({
  unverifiedCertificate: z.string().max(16_384),
  algorithm: z.string().max(16),
  signature: z.string().max(2_048),
  format: z.string().max(32),
  appVersion: z.string().max(256).optional(),
});
export type WebEidToken = z.infer<typeof WebEidToken>;

export const AuthTokenRequest = z.object({
  authToken: WebEidToken,
  /** The nonce the register issued at `/auth/challenge`; single use. */
  nonce: z.string().max(128),
});
export type AuthTokenRequest = z.infer<typeof AuthTokenRequest>;

/**
 * Why a sign-in was refused: every step of the validation has its own reason, carried as
 * `error.reason` beside the coarse `error.code` (`invalid_input` for a malformed token,
 * `unavailable` when the OCSP responder cannot be asked, `unauthenticated` otherwise).
 */
export const AUTH_REFUSAL_REASONS = [
  'token_malformed',
  'token_format_unsupported',
  'certificate_malformed',
  'certificate_expired',
  'certificate_not_yet_valid',
  'certificate_untrusted',
  'certificate_revoked',
  'certificate_status_unknown',
  'certificate_policy_disallowed',
  'certificate_not_for_authentication',
  'certificate_missing_client_auth',
  'certificate_missing_digital_signature',
  'certificate_is_signing_certificate',
  'certificate_subject_invalid',
  'ocsp_unavailable',
  'ocsp_response_invalid',
  'nonce_unknown',
  'nonce_replayed',
  'nonce_expired',
  'origin_mismatch',
  'algorithm_unsupported',
  'algorithm_mismatch',
  'signature_invalid',
  'user_unknown',
  'sign_in_not_configured',
] as const;
export type AuthRefusalReason = (typeof AUTH_REFUSAL_REASONS)[number];

export const UserSuspensionResponse = z.object({
  userId: z.uuid(),
  active: z.boolean(),
  /** Sessions ended by this call. */
  sessionsRevoked: z.number().int().min(0),
});
export type UserSuspensionResponse = z.infer<typeof UserSuspensionResponse>;
