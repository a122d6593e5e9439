'use server';
/** The people pages' actions: invite, change role, deactivate, reactivate. The services authorize (admins only). */
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/authed-action';
import { requestInfoFrom } from '@/lib/auth/request-info';
import { userActor } from '@/lib/auth/session';
import { changeRole } from '@/lib/people/change-role';
import { createUser } from '@/lib/people/create-user';
import { deactivateUser } from '@/lib/people/deactivate-user';
import { reactivateUser } from '@/lib/people/reactivate-user';

const inviteSchema = z.object({
  email: z.string().trim().min(1, 'Enter an email address.'),
  name: z.string().max(100, 'At most 100 characters.').optional(),
  role: z.string().min(1, 'Choose a role.'),
});

const invite = authedAction(inviteSchema, async (input, user, formData) =>
  createUser({
    ...input,
    groups: formData.getAll('groups').map(String),
    invite: true,
    actor: userActor(user),
    request: requestInfoFrom(await headers()),
  }),
);

export async function invitePerson(_prev: unknown, formData: FormData) {
  const result = await invite(null, formData);
  if (result.ok) revalidatePath('/admin/people');
  return result;
}

const role = authedAction(z.object({ userId: z.string().min(1), role: z.string() }), async (input, user) =>
  changeRole({ ...input, actor: userActor(user), request: requestInfoFrom(await headers()) }),
);

export async function setRole(_prev: unknown, formData: FormData) {
  const result = await role(null, formData);
  if (result.ok) revalidatePath(`/admin/people/${String(formData.get('userId'))}`);
  return result;
}

const deactivate = authedAction(z.object({ userId: z.string().min(1) }), async ({ userId }, user) =>
  deactivateUser({ user: userId, actor: userActor(user), request: requestInfoFrom(await headers()) }),
);

export async function deactivatePerson(_prev: unknown, formData: FormData) {
  const result = await deactivate(null, formData);
  if (result.ok) revalidatePath(`/admin/people/${String(formData.get('userId'))}`);
  return result;
}

const reactivate = authedAction(z.object({ userId: z.string().min(1) }), async ({ userId }, user) =>
  reactivateUser({ userId, actor: userActor(user), request: requestInfoFrom(await headers()) }),
);

export async function reactivatePerson(_prev: unknown, formData: FormData) {
  const result = await reactivate(null, formData);
  if (result.ok) revalidatePath(`/admin/people/${String(formData.get('userId'))}`);
  return result;
}
