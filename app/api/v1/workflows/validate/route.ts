// POST /api/v1/workflows/validate — validate a definition; 200 with { ok, errors, warnings } either way
import { apiRoute, json, readJson, otherMethods } from '@/lib/http/api-route';
import { checkDefinition } from '@/lib/workflows/check-definition';
import { definitionText, validateDefinitionBodySchema } from '@/lib/workflows/schemas';

export const POST = apiRoute({ auth: 'apiKey' }, async ({ request, actor }) => {
  const { definition } = validateDefinitionBodySchema.parse(await readJson(request));
  return json(await checkDefinition({ definition: definitionText(definition), actor }));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
