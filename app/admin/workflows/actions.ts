'use server';
/**
 * The editor's Save: a new workflow, or a new immutable version of one. The services validate
 * the definition again (the browser's check is a convenience) and authorize (admins only); a
 * refused definition comes back with its problems at their JSON pointers.
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { Diagnostic } from '@/lib/asl/validate';
import { authedAction } from '@/lib/auth/authed-action';
import { requestInfoFrom } from '@/lib/auth/request-info';
import { userActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { createWorkflow } from '@/lib/workflows/create-workflow';
import { createWorkflowVersion } from '@/lib/workflows/create-workflow-version';
import { awsNameSchema } from '@/lib/workflows/schemas';

const saveSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('create'),
    name: awsNameSchema,
    description: z.string().trim().max(256, 'At most 256 characters.').optional(),
    definition: z.string().min(1, 'The definition is empty.'),
  }),
  z.object({
    mode: z.literal('version'),
    workflowId: z.string().min(1),
    description: z.string().trim().max(256, 'At most 256 characters.').optional(),
    definition: z.string().min(1, 'The definition is empty.'),
  }),
]);

export type SaveOutcome =
  { workflowId: string; version: number; created: boolean } | { problems: Diagnostic[] };

const save = authedAction(saveSchema, async (input, user): Promise<SaveOutcome> => {
  const actor = userActor(user);
  const request = requestInfoFrom(await headers());
  const description = input.description || undefined;
  try {
    if (input.mode === 'create') {
      const workflow = await createWorkflow({
        name: input.name,
        description,
        definition: input.definition,
        actor,
        request,
      });
      return { workflowId: workflow.id, version: workflow.currentVersion, created: true };
    }
    const { workflow, created } = await createWorkflowVersion({
      workflowId: input.workflowId,
      definition: input.definition,
      description,
      actor,
      request,
    });
    return { workflowId: workflow.id, version: workflow.currentVersion, created };
  } catch (error) {
    if (isAppError(error) && error.code === 'INVALID_INPUT' && Array.isArray(error.details))
      return { problems: error.details as Diagnostic[] };
    throw error;
  }
});

export async function saveWorkflow(_prev: unknown, formData: FormData) {
  const result = await save(null, formData);
  if (result.ok && 'workflowId' in result.data)
    redirect(
      `/admin/workflows/${result.data.workflowId}?saved=${result.data.created ? result.data.version : 'same'}`,
    );
  return result;
}
