import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import type { Db } from '../../src-register/db/index.js';

/** One operation of the OpenAPI document, reduced to what the fuzzer needs. */
export interface Operation {
  method: string;
  /** OpenAPI style, `/api/v1/documents/{documentId}/content`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[];
  hasBody: boolean;
  binary: boolean;
}

type Json = Record<string, unknown>;

function resolve(schema: Json | undefined, doc: Json): Json | undefined {
  const ref = schema?.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.split('/').at(-1)!;
  return ((doc.components as Json).schemas as Record<string, Json>)[name];
}

export function operationsOf(doc: Json): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = (op.parameters ?? []) as { name: string; in: string }[];
      const content = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
      const bodySchema = resolve(content?.['application/json']?.schema as Json | undefined, doc);
      const success = Object.values(op.responses as Record<string, Json>)[0]?.content as Json | undefined;
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: Object.keys((bodySchema?.properties as Json | undefined) ?? {}),
        hasBody: content !== undefined,
        binary: success !== undefined && !('application/json' in success),
      });
    }
  }
  return operations;
}

/** Percent-encodes every byte but the unreserved ones; never throws, even on lone surrogates. */
export function encode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Tables whose content requests may change by design: sessions, sign-in challenges (asking for one is
 * a write, and a token request consumes its nonce) and the read half of the audit log.
 */
const VOLATILE: Record<string, string> = {
  sessions: 'false',
  auth_challenges: 'false',
  audit_log: "t.chain <> 'read'",
  audit_chain_heads: "t.chain <> 'read'",
};

/** Row count and content hash of every table of the register's schema. */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const where = VOLATILE[name] ?? 'true';
    const [row] = await db.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h
       FROM "${name}" t WHERE ${where}`,
    );
    result[name] = `${row!.n}:${row!.h ?? '-'}`;
  }
  return result;
}

export interface RawResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Sends the request as given (no URL normalisation, unlike fetch) and collects the answer. */
export function send(
  baseUrl: string,
  req: { method: string; path: string; headers: Record<string, string>; body?: string | undefined },
): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolvePromise, reject) => {
    const outgoing = httpRequest(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers: req.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolvePromise({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    if (req.body !== undefined) outgoing.write(req.body);
    outgoing.end();
  });
}

const nasty = fc.constantFrom(
  '',
  '..',
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e',
  '\u0000',
  'a\u0000b',
  '%00',
  '%',
  '%zz',
  '💥',
  'Ω≈ç√',
  '\ud800',
  '-1',
  '0',
  '1e309',
  'NaN',
  '9223372036854775808',
  '99999999999999999999999999',
  'null',
  "' OR 1=1 --",
  'x'.repeat(5000),
  '0'.repeat(64),
);

/**
 * Path and query values: nasty strings and mutations of real identifiers. The real identifiers
 * themselves (and their upper-case forms, which PostgreSQL's uuid still matches) only when `exact`:
 * for reads, where reaching a real record is harmless; a write to one could be a valid request.
 */
export function valueArb(real: string[], exact: boolean): fc.Arbitrary<string> {
  const realArb = fc.constantFrom(...real);
  const mutated = fc.oneof(
    fc
      .tuple(
        realArb,
        nasty.filter((n) => n !== ''),
      )
      .map(([r, n]) => r + n),
    fc.tuple(realArb, fc.nat()).map(([r, n]) => r.slice(0, n % r.length)),
  );
  const base = [nasty, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), mutated];
  return exact
    ? fc.oneof(
        ...base,
        realArb,
        realArb.map((r) => r.toUpperCase()),
      )
    : fc.oneof(...base);
}

/** A path segment: usually percent-encoded, sometimes raw when it is plain ASCII (traversal). */
export function segmentArb(real: string[], exact: boolean): fc.Arbitrary<string> {
  return fc
    .tuple(valueArb(real, exact), fc.boolean())
    .map(([v, raw]) =>
      raw && /^[\x21-\x7e]*$/.test(v) && !v.includes('?') && !v.includes('#') ? v : encode(v),
    );
}

export function queryArb(known: string[], real: string[], exact: boolean): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom(...known, 'cursor', 'limit', '__proto__', 'constructor'), fc.string());
  const pair = fc
    .tuple(key, valueArb(real, exact), fc.boolean())
    .map(([k, v, bare]) => (bare ? encode(k) : `${encode(k)}=${encode(v)}`));
  return fc.oneof(
    fc.array(pair, { maxLength: 5 }).map((pairs) => pairs.join('&')),
    fc.constantFrom('', '&&&', '=', 'a=1&a=2&a=3', '%zz=%zz', 'limit[]=1', 'cursor=1&cursor=2', '?'),
  );
}

export interface BodyChoice {
  body?: string | undefined;
  contentType?: string | undefined;
}

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

export function bodyArb(fields: string[]): fc.Arbitrary<BodyChoice> {
  const field = fields.length ? fc.constantFrom(...fields) : fc.string();
  const wrongShaped = fc
    .dictionary(fc.oneof(field, fc.string()), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 })
    .map((o) => JSON.stringify(o));
  const json = fc.oneof(
    wrongShaped,
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.constantFrom(
      deep(3000),
      deepObject(3000),
      JSON.stringify({ [fields[0] ?? 'x']: 'x'.repeat(300_000) }),
      JSON.stringify('x'.repeat(1_100_000)),
      '{"__proto__":{"polluted":true}}',
      'null',
      '[]',
      '{}',
    ),
  );
  const notJson = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.constantFrom('{', '{"a":', "{'a':1}", '[1,]', 'NaN', '\u0000', '\ufeff{}', '{"a":1}{"b":2}'),
  );
  const wrongType = fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/json; charset=latin-9',
    'application/jsonx',
    '',
    '*/*',
  );
  return fc.oneof(
    json.map((body) => ({ body, contentType: 'application/json' })),
    notJson.map((body) => ({ body, contentType: 'application/json' })),
    fc.tuple(fc.oneof(json, notJson), wrongType).map(([body, contentType]) => ({ body, contentType })),
    fc.constant({}),
  );
}
