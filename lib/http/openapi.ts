/** Builds the OpenAPI 3.1 document of /api/v1 from the operations table and its zod schemas. */
import { z } from 'zod';
import { API_SCOPES } from '../auth/scopes';
import { appErrorStatus } from '../errors';
import { apiOperations, requestSchemas, type ApiOperation } from './api-operations';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

/** The JSON Schema of a request schema, as it appears under components.schemas. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string', enum: Object.keys(appErrorStatus) },
        message: { type: 'string' },
        details: { description: 'for INVALID_INPUT: [{ path, message }]; otherwise code-specific or null' },
      },
    },
  },
};

function parameters(
  components: Record<string, JsonSchema>,
  name: string | undefined,
  where: 'path' | 'query',
) {
  if (!name) return [];
  const schema = components[name];
  return Object.entries(schema.properties ?? {}).map(([param, paramSchema]) => ({
    name: param,
    in: where,
    required: where === 'path' || (schema.required ?? []).includes(param),
    schema: paramSchema,
  }));
}

function operationObject(op: ApiOperation, components: Record<string, JsonSchema>) {
  const errorResponse = {
    description: 'error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return {
    summary: op.summary,
    ...(op.scope
      ? {
          description: `Needs an API key with the scope \`${op.scope}\` (or \`admin\`); without it: 403 FORBIDDEN.`,
        }
      : {}),
    tags: [op.tag],
    // OpenAPI 3.1 lets a non-OAuth requirement list the roles it needs: here, the key's scope.
    security: op.auth === 'none' ? [] : [{ apiKey: op.scope ? [op.scope] : [] }],
    parameters: [...parameters(components, op.params, 'path'), ...parameters(components, op.query, 'query')],
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: `#/components/schemas/${op.body}` } } },
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(op.responses).map(([status, description]) => [status, { description }]),
      ),
      default: errorResponse,
    },
  };
}

export function buildOpenApiDocument() {
  const components: Record<string, JsonSchema> = Object.fromEntries(
    Object.entries(requestSchemas).map(([name, schema]) => [name, jsonSchemaOf(schema)]),
  );
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of apiOperations) (paths[op.path] ??= {})[op.method] = operationObject(op, components);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Signoff REST API',
      version: '1',
      description: 'Amazon States Language workflows with human approval steps.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { ...components, Error: errorSchema },
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'Authorization: Bearer <id>.<secret> (npm run cli -- api-key create NAME [--scopes a,b] [--expires DATE]). ' +
            `A key holds scopes (${API_SCOPES.join(', ')}; admin implies every other); each operation names the one it needs.`,
        },
      },
    },
  };
}
