'use server';
/** The groups page's actions: create a group, set a person's place in one. The services authorize (admins only). */
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/authed-action';
import { requestInfoFrom } from '@/lib/auth/request-info';
import { userActor } from '@/lib/auth/session';
import { createGroup, setMembership } from '@/lib/people/groups';

const create = authedAction(
  z.object({ name: z.string().min(1, 'Enter a name.'), description: z.string().max(500).optional() }),
  async (input, user) =>
    createGroup({ ...input, actor: userActor(user), request: requestInfoFrom(await headers()) }),
);

export async function addGroup(_prev: unknown, formData: FormData) {
  const result = await create(null, formData);
  if (result.ok) revalidatePath('/admin/groups');
  return result;
}

const place = authedAction(
  z.object({
    groupId: z.string().min(1),
    userId: z.string().min(1, 'Choose a person.'),
    place: z.enum(['member', 'manager', 'none']),
  }),
  async (input, user) =>
    setMembership({ ...input, actor: userActor(user), request: requestInfoFrom(await headers()) }),
);

export async function placeInGroup(_prev: unknown, formData: FormData) {
  const result = await place(null, formData);
  if (result.ok) revalidatePath('/admin/groups');
  return result;
}
