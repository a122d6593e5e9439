// AWSStepFunctions.ValidateStateMachineDefinition — OK/FAIL with every diagnostic and its JSON pointer
import { z } from 'zod';
import { validateDefinition } from '../../asl/validate';
import { defineAction } from '../action';

const input = z.object({
  definition: z
    .string()
    .min(1)
    .max(1024 * 1024),
  type: z.enum(['STANDARD', 'EXPRESS']).optional(),
  severity: z.enum(['ERROR', 'WARNING']).optional(),
  maxResults: z.number().int().min(0).max(100).optional(),
});

export const validateStateMachineDefinition = defineAction(
  input,
  async ({ definition, severity = 'ERROR', maxResults }) => {
    const { ok, errors, warnings } = validateDefinition(definition);
    const all = severity === 'WARNING' ? [...errors, ...warnings] : errors;
    const limit = maxResults || 100;
    const diagnostics = all
      .slice(0, limit)
      .map((d) => ({ severity: d.severity, code: d.code, message: d.message, location: d.path || '/' }));
    return { result: ok ? 'OK' : 'FAIL', diagnostics, truncated: all.length > limit };
  },
);
