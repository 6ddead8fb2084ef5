import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'chambers_token';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares secrets in constant time; hashing first makes the lengths equal. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

export interface Refusal {
  status: number;
  message: string;
}

/**
 * Who may talk to the host at all: only pages of our own origin on loopback. The Host check
 * defeats DNS rebinding; the Origin and Sec-Fetch-Site checks defeat cross-site requests.
 * Returns the origin the request was made to, or why it is refused.
 */
export function checkCaller(req: IncomingMessage, port: number): { origin: string } | Refusal {
  const host = req.headers.host;
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return { status: 421, message: 'This host only answers requests addressed to 127.0.0.1 or localhost.' };
  }
  const origin = `http://${host}`;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, message: 'Requests from other sites are refused.' };
  }
  const requestOrigin = req.headers.origin;
  if (requestOrigin !== undefined && requestOrigin !== origin) {
    return { status: 403, message: 'Requests from other origins are refused.' };
  }
  if (req.method !== 'GET' && req.method !== 'HEAD' && requestOrigin === undefined) {
    return { status: 403, message: 'A request that changes something must carry its Origin.' };
  }
  return { origin };
}
