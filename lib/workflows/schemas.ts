/** Request schemas of the workflow use cases; the REST API and its OpenAPI document use these. */
import { z } from 'zod';
import { MAX_JSON_DEPTH } from '../asl/constants';
import { jsonDepthExceeds } from '../asl/json-utils';
import { AppError } from '../errors';

/** AWS's rule for state machine, execution and activity names: 1–80 characters, none of these. */
export const AWS_NAME_PATTERN = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/u;

export const awsNameSchema = z
  .string()
  .regex(
    AWS_NAME_PATTERN,
    'Use 1–80 characters without spaces, brackets, wildcards, control characters or any of " # % \\ ^ | ~ ` $ & , ; : /.',
  )
  .describe(
    '1–80 characters; no whitespace, brackets, wildcards, control characters or " # % \\ ^ | ~ ` $ & , ; : /',
  );

export const definitionSchema = z
  .union([z.string().min(1), z.record(z.string(), z.unknown())])
  .describe('The ASL definition: a JSON object, or its JSON text (kept exactly as sent)');

export const tagsSchema = z.record(z.string().max(128), z.string().max(256)).describe('Free-form tags');

export const validateDefinitionBodySchema = z.object({ definition: definitionSchema });

export const createWorkflowBodySchema = z.object({
  name: awsNameSchema,
  definition: definitionSchema,
  description: z.string().max(256).optional(),
  tags: tagsSchema.optional(),
});

export const createWorkflowVersionBodySchema = z.object({
  definition: definitionSchema,
  description: z.string().max(256).optional(),
});

export const workflowParamsSchema = z.object({ id: z.string().min(1).max(200) });

/** The definition text as stored: strings verbatim, objects pretty-printed. */
export function definitionText(definition: z.infer<typeof definitionSchema>): string {
  if (typeof definition === 'string') return definition;
  if (jsonDepthExceeds(definition, MAX_JSON_DEPTH))
    throw new AppError('INVALID_INPUT', `The definition nests deeper than ${MAX_JSON_DEPTH} levels.`, {
      details: [{ path: 'definition', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }],
    });
  return JSON.stringify(definition, null, 2);
}

export const workflowVersionParamsSchema = workflowParamsSchema.extend({
  version: z.coerce.number().int().min(1).max(1_000_000),
});
