import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, describeIssues } from '../../src-shared/contract/result.js';
import type { Session } from '../domain/sessions.js';
import type { OpenApiBuilder, OpenApiRoute, ResponseKind } from './openapi.js';

export interface BinaryReply {
  bytes: Uint8Array;
  mediaType: string;
  headers?: Record<string, string>;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type HandlerResult<R> = R extends z.ZodType ? z.input<R> : R extends 'empty' ? void : BinaryReply;

export interface RouteSpec<
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  R extends ResponseKind,
  A extends boolean,
> extends Omit<OpenApiRoute, 'params' | 'query' | 'body' | 'response' | 'auth'> {
  auth: A;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  handler(input: {
    params: Parsed<P>;
    query: Parsed<Q>;
    body: Parsed<B>;
    session: A extends true ? Session : null;
    request: FastifyRequest;
  }): Promise<HandlerResult<R>>;
}

export interface RouteHost {
  app: FastifyInstance;
  openapi: OpenApiBuilder;
  /** Resolves the bearer session or throws `AppError('unauthenticated')`. */
  authenticate(request: FastifyRequest): Promise<Session>;
}

function parseInput<S extends z.ZodType | undefined>(schema: S, value: unknown, where: string): Parsed<S> {
  if (!schema) return undefined as Parsed<S>;
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('invalid_input', `${where}: ${describeIssues(result.error)}`);
  return result.data as Parsed<S>;
}

/**
 * Registers one endpoint: authenticates, parses params, query and body with the shared zod schemas
 * (a bad request is a 400 with readable reasons before the handler runs, so it changes nothing),
 * checks the answer against the response schema, and lists the endpoint in the OpenAPI document.
 */
export function addRoute<
  A extends boolean,
  R extends ResponseKind,
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(host: RouteHost, spec: RouteSpec<P, Q, B, R, A>): void {
  host.openapi.add({ ...spec, params: spec.params, query: spec.query, body: spec.body });
  host.app.route({
    method: spec.method,
    url: spec.path,
    handler: async (request, reply) => {
      const session = (spec.auth ? await host.authenticate(request) : null) as A extends true
        ? Session
        : null;
      const params = parseInput(spec.params as P, request.params, 'path');
      const query = parseInput(spec.query as Q, request.query, 'query');
      const body = parseInput(spec.body as B, request.body, 'body');
      const result = await spec.handler({ params, query, body, session, request });
      const response: ResponseKind = spec.response;
      if (response === 'empty') return reply.code(204).send();
      if (response instanceof z.ZodType) {
        const checked = response.safeParse(result);
        // Our own answer breaking the contract is our bug: a 500, logged, never a half-valid answer.
        if (!checked.success)
          throw new Error(`response of ${spec.method} ${spec.path}: ${describeIssues(checked.error)}`);
        return reply
          .code(spec.status ?? 200)
          .type('application/json; charset=utf-8')
          .send(JSON.stringify(checked.data));
      }
      const binary = result as BinaryReply;
      reply.type(binary.mediaType).header('Content-Length', String(binary.bytes.byteLength));
      for (const [name, value] of Object.entries(binary.headers ?? {})) reply.header(name, value);
      return reply.send(Buffer.from(binary.bytes.buffer, binary.bytes.byteOffset, binary.bytes.byteLength));
    },
  });
}
