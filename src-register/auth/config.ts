import { X509Certificate } from 'node:crypto';
import { AppError, type ErrorCode } from '../../src-shared/contract/result.js';
import type { AuthRefusalReason } from '../../src-shared/register-api/auth.js';

/** How the register validates ID-card sign-ins (docs/decisions/0008). */
export interface AuthConfig {
  /** PEM texts of the trusted INTERMEDIATE (issuing) CAs; one text may hold several certificates. */
  trustedCaCertificates: string[];
  /**
   * The origin the card signs for, e.g. 'https://register.example' or 'http://127.0.0.1:4610'.
   * Left out, the register uses its own URL's origin as it knows it after listening.
   */
  origin?: string;
  /** Overrides the certificate's AIA OCSP URL (a designated responder). */
  ocspUrl?: string;
  /** Default 5000. */
  ocspTimeoutMs?: number;
  /** Certificate policies that may not sign in; default the Mobile-ID policies. */
  disallowedPolicies?: string[];
  /** The clock, for tests. */
  now?: () => Date;
}

/** Mobile-ID certificates carry these policies; they are not ID cards. */
export const MOBILE_ID_POLICIES = [
  '1.3.6.1.4.1.10015.1.3',
  '1.3.6.1.4.1.10015.1.3.1',
  '1.3.6.1.4.1.10015.1.3.2',
  '1.3.6.1.4.1.10015.1.3.3',
] as const;

export const DEFAULT_OCSP_TIMEOUT_MS = 5000;
export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;

/** The configuration with every default applied and the CAs parsed. */
export interface ResolvedAuthConfig {
  trustedCas: X509Certificate[];
  origin: () => string;
  ocspUrl: string | undefined;
  ocspTimeoutMs: number;
  disallowedPolicies: ReadonlySet<string>;
  now: () => Date;
}

/** A configuration the validator cannot work with (bad PEM, bad origin). */
export class AuthConfigError extends Error {
  override name = 'AuthConfigError';
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate of a PEM text, parsed; an empty or unreadable text is an error. */
export function parsePemCertificates(pem: string, what: string): X509Certificate[] {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new AuthConfigError(`${what}: no PEM certificate found`);
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new AuthConfigError(
        `${what}: certificate ${index + 1} cannot be read: ${(error as Error).message}`,
      );
    }
  });
}

/** `scheme://host[:port]` of a URL, without path; throws AuthConfigError if it is not http(s). */
export function normalizeOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AuthConfigError(`the origin "${value}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AuthConfigError(`the origin "${value}" must be http:// or https://`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username)
    throw new AuthConfigError(`the origin "${value}" must be scheme://host[:port] with no path`);
  return url.origin;
}

function checkHttpUrl(value: string, what: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AuthConfigError(`${what} "${value}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AuthConfigError(`${what} "${value}" must be http:// or https://`);
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function resolveAuthConfig(
  config: AuthConfig,
  ownOrigin: () => string | undefined,
): ResolvedAuthConfig {
  const trustedCas = config.trustedCaCertificates.flatMap((pem, i) =>
    parsePemCertificates(pem, `trusted CA text ${i + 1}`),
  );
  if (trustedCas.length === 0) throw new AuthConfigError('no trusted CA certificate is configured');
  for (const ca of trustedCas)
    if (!ca.ca) throw new AuthConfigError(`the trusted certificate ${ca.subject} is not a CA certificate`);
  const fixed = config.origin === undefined ? undefined : normalizeOrigin(config.origin);
  if (config.ocspUrl !== undefined) checkHttpUrl(config.ocspUrl, 'the OCSP URL');
  const timeout = config.ocspTimeoutMs ?? DEFAULT_OCSP_TIMEOUT_MS;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new AuthConfigError('ocspTimeoutMs must be positive');
  return {
    trustedCas,
    origin: () => {
      const origin = fixed ?? ownOrigin();
      if (origin === undefined) throw new Error('the register does not know its own origin yet');
      return fixed ?? normalizeOrigin(origin);
    },
    ocspUrl: config.ocspUrl,
    ocspTimeoutMs: timeout,
    disallowedPolicies: new Set(config.disallowedPolicies ?? MOBILE_ID_POLICIES),
    now: config.now ?? (() => new Date()),
  };
}

const INVALID_INPUT: ReadonlySet<AuthRefusalReason> = new Set([
  'token_malformed',
  'token_format_unsupported',
  'certificate_malformed',
  'algorithm_unsupported',
]);
const UNAVAILABLE: ReadonlySet<AuthRefusalReason> = new Set(['ocsp_unavailable', 'sign_in_not_configured']);

export function codeOfRefusal(reason: AuthRefusalReason): ErrorCode {
  if (INVALID_INPUT.has(reason)) return 'invalid_input';
  if (UNAVAILABLE.has(reason)) return 'unavailable';
  return 'unauthenticated';
}

/** A refused sign-in: the coarse code from the reason, the reason itself, a readable message. */
export function refusal(reason: AuthRefusalReason, message: string): AppError {
  return new AppError(codeOfRefusal(reason), message, { reason });
}
