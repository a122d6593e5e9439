'use server';
/**
 * The inbox's saved views: save the query on screen under a name (or replace the view of that
 * name), and delete one. Signed in and parsed here; the services keep each person to their own
 * views. The list is revalidated after a change, outside any try.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { inboxQuerySchema } from '@/lib/approvals/inbox-query';
import { deleteSavedView, saveView, type SavedViewDto } from '@/lib/approvals/saved-views';
import { authedAction, type ActionResult } from '@/lib/auth/authed-action';

const saveSchema = z.object({
  /** checked (trimmed, 1 to 60 characters) by saveView, which names the field in its error */
  name: z.string().max(1000, 'At most 60 characters.'),
  /** the inbox's URL parameters, without `?` */
  query: z.string().max(4000).default(''),
  replace: z.literal('1').optional(),
});

const save = authedAction(saveSchema, async ({ name, query, replace }, user) =>
  saveView({
    viewer: user,
    name,
    query: inboxQuerySchema.parse(Object.fromEntries(new URLSearchParams(query))),
    replace: replace === '1',
  }),
);

export async function saveInboxView(
  prev: ActionResult<SavedViewDto> | null,
  formData: FormData,
): Promise<ActionResult<SavedViewDto>> {
  const result = await save(prev, formData);
  if (result.ok) revalidatePath('/inbox');
  return result;
}

const remove = authedAction(z.object({ id: z.string().min(1).max(100) }), async ({ id }, user) =>
  deleteSavedView({ viewer: user, id }),
);

export async function deleteInboxView(prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await remove(prev, formData);
  if (result.ok) revalidatePath('/inbox');
  return result;
}
