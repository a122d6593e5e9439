// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the zod schemas that validate each request
import { apiRoute, json, otherMethods } from '@/lib/http/api-route';
import { buildOpenApiDocument } from '@/lib/http/openapi';

export const GET = apiRoute({ auth: 'none' }, async () => json(buildOpenApiDocument()));

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
