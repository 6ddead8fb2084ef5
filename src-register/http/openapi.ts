import { z } from 'zod';
import { AppErrorShape } from '../../src-shared/contract/result.js';
import * as domain from '../../src-shared/domain/index.js';
import * as registerApi from '../../src-shared/register-api/index.js';

export type ResponseKind = z.ZodType | { binary: string } | 'empty';

export interface OpenApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify style, `/api/v1/documents/:documentId/content`. */
  path: string;
  summary: string;
  auth: boolean;
  params?: z.ZodObject | undefined;
  query?: z.ZodObject | undefined;
  body?: z.ZodType | undefined;
  response: ResponseKind;
  /** The success status of a JSON answer; 200 unless it creates something (201). */
  status?: 200 | 201;
}

type JsonObject = Record<string, unknown>;

const COMPONENT_REF = (id: string) => `#/components/schemas/${id}`;
const ERROR_STATUSES: Record<string, string> = {
  '400': 'Invalid input: the message says which field and why',
  '401': 'Not signed in, or the session expired or was revoked',
  '404': 'No such resource, or not visible to this user',
  '500': 'Internal error (logged)',
  '503': 'Unavailable',
};

/** Every exported zod schema of the shared API and domain becomes a named component. */
function sharedRegistry(): z.core.$ZodRegistry<{ id: string }> {
  const registry = z.registry<{ id: string }>();
  const modules: Record<string, unknown>[] = [domain, registerApi, { AppErrorShape }];
  for (const module of modules) {
    for (const [name, value] of Object.entries(module)) {
      if (value instanceof z.ZodType && !registry.has(value)) registry.add(value, { id: name });
    }
  }
  return registry;
}

// The document declares its dialect once; a fragment `$id` per component would be invalid in 2020-12.
function clean(schema: JsonObject): JsonObject {
  const { $schema: _schema, $id: _id, id: _legacyId, ...rest } = schema;
  return rest;
}

/** Collects routes as they are registered and renders an OpenAPI 3.1 document from their zod schemas. */
export class OpenApiBuilder {
  private readonly registry = sharedRegistry();
  private readonly paths: Record<string, Record<string, JsonObject>> = {};

  constructor(private readonly info: { title: string; version: string; description?: string }) {}

  private schemaFor(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
    const named = this.registry.get(schema);
    if (named) return { $ref: COMPONENT_REF(named.id) };
    return clean(
      z.toJSONSchema(schema, { io, unrepresentable: 'any', metadata: z.registry() }) as JsonObject,
    );
  }

  private parameters(where: 'path' | 'query', object: z.ZodObject | undefined): JsonObject[] {
    if (!object) return [];
    return Object.entries(object.shape as Record<string, z.ZodType>).map(([name, field]) => ({
      name,
      in: where,
      required: where === 'path' || !field.safeParse(undefined).success,
      schema: clean(
        z.toJSONSchema(field, { io: 'input', unrepresentable: 'any', metadata: z.registry() }) as JsonObject,
      ),
    }));
  }

  add(route: OpenApiRoute): void {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const errorRef = { $ref: COMPONENT_REF('ErrorBody') };
    const responses: Record<string, JsonObject> = {};
    if (route.response === 'empty') responses['204'] = { description: 'Done' };
    else if (route.response instanceof z.ZodType) {
      responses[String(route.status ?? 200)] = {
        description: route.status === 201 ? 'Created' : 'OK',
        content: { 'application/json': { schema: this.schemaFor(route.response, 'output') } },
      };
    } else {
      responses['200'] = {
        description: `The file bytes (${route.response.binary})`,
        content: {
          [route.response.binary]: { schema: { type: 'string', contentMediaType: route.response.binary } },
        },
      };
    }
    for (const [status, description] of Object.entries(ERROR_STATUSES)) {
      if (status === '401' && !route.auth) continue;
      responses[status] = { description, content: { 'application/json': { schema: errorRef } } };
    }
    const operation: JsonObject = {
      summary: route.summary,
      operationId: `${route.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      parameters: [...this.parameters('path', route.params), ...this.parameters('query', route.query)],
      responses,
      ...(route.auth ? { security: [{ bearer: [] }] } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: this.schemaFor(route.body, 'input') } },
            },
          }
        : {}),
    };
    this.paths[path] = { ...this.paths[path], [route.method.toLowerCase()]: operation };
  }

  document(): JsonObject {
    const { schemas } = z.toJSONSchema(this.registry, {
      io: 'output',
      unrepresentable: 'any',
      uri: COMPONENT_REF,
    });
    return {
      openapi: '3.1.0',
      info: this.info,
      jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
      paths: this.paths,
      components: {
        schemas: Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, clean(s as JsonObject)])),
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A session token from sign-in' },
        },
      },
    };
  }
}
