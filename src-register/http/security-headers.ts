import type { FastifyInstance, FastifyReply } from 'fastify';

/** Every answer of the register is API data: never sniffed, cached, framed or run as a page. */
export function securityHeaders(tls: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...(tls ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}

export function setSecurityHeaders(reply: FastifyReply, tls: boolean): void {
  for (const [name, value] of Object.entries(securityHeaders(tls))) reply.header(name, value);
}

export function addSecurityHeaders(app: FastifyInstance, tls: boolean): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    setSecurityHeaders(reply, tls);
    return payload;
  });
}
