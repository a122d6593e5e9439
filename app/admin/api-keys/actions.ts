'use server';
/**
 * The API keys page's actions: create a key (its secret goes back to the page once) and revoke
 * one. Signed in and parsed here; the services decide who may (active admins only).
 */
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { createApiKey, revokeApiKey } from '@/lib/auth/api-keys';
import { authedAction, type ActionResult } from '@/lib/auth/authed-action';
import { requestInfoFrom } from '@/lib/auth/request-info';
import { API_SCOPES } from '@/lib/auth/scopes';
import { userActor } from '@/lib/auth/session';

/** The day's first instant in UTC: a key "expiring on" a day stops working at 00:00 UTC that day, as in the CLI. */
const startOfDayUtc = (day: string) => new Date(`${day}T00:00:00Z`);

const createKeySchema = z.object({
  name: z.string().trim().min(1, 'Give the key a name.').max(100, 'At most 100 characters.'),
  /** the ticked checkboxes, joined with commas by createKeyFromForm */
  scopes: z
    .string()
    .transform((text) => text.split(',').filter(Boolean))
    .pipe(
      z
        .array(z.enum(API_SCOPES, { error: 'Choose scopes from the list.' }))
        .min(1, 'Choose at least one scope.'),
    ),
  expiresOn: z.union([
    z.literal(''),
    z.iso
      .date({ error: 'Enter a date like 2027-01-31.' })
      .refine(
        (day) => startOfDayUtc(day).getTime() > Date.now(),
        'Choose a day after today (UTC): the key stops working at 00:00 UTC that day.',
      ),
  ]),
});

/** What the page may show once: never stored, never shown again. */
export interface NewApiKey {
  id: string;
  secret: string;
  name: string;
  scopes: string[];
  expiresAt: string | null;
}

/** What was typed, given back with a refusal so the form keeps it. */
interface CreateKeyValues {
  name: string;
  scopes: string[];
  expiresOn: string;
}

export type CreateKeyState = ActionResult<NewApiKey> & { values?: CreateKeyValues };

const create = authedAction(createKeySchema, async (input, user): Promise<NewApiKey> => {
  const key = await createApiKey({
    name: input.name,
    scopes: input.scopes,
    expiresAt: input.expiresOn ? startOfDayUtc(input.expiresOn) : undefined,
    createdById: user.id,
    actor: userActor(user),
    request: requestInfoFrom(await headers()),
  });
  return { ...key, name: input.name, expiresAt: key.expiresAt?.toISOString() ?? null };
});

export async function createKeyFromForm(
  _prev: CreateKeyState | null,
  formData: FormData,
): Promise<CreateKeyState> {
  const values: CreateKeyValues = {
    name: String(formData.get('name') ?? ''),
    scopes: formData.getAll('scopes').map(String),
    expiresOn: String(formData.get('expiresOn') ?? ''),
  };
  // authedAction reads one value per field: the checkboxes travel as one comma-separated list.
  const form = new FormData();
  form.set('name', values.name);
  form.set('scopes', values.scopes.join(','));
  form.set('expiresOn', values.expiresOn);
  const result = await create(null, form);
  if (!result.ok) return { ...result, values };
  revalidatePath('/admin/api-keys');
  return result;
}

const revoke = authedAction(z.object({ id: z.string().min(1).max(100) }), async ({ id }, user) => {
  await revokeApiKey({ id, actor: userActor(user), request: requestInfoFrom(await headers()) });
});

export async function revokeKeyFromForm(
  prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const result = await revoke(prev, formData);
  if (result.ok) revalidatePath('/admin/api-keys');
  return result;
}
