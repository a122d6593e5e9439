'use server';
/** The profile page's actions: set or end an out-of-office delegation, sign out everywhere. */
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createDelegation } from '@/lib/approvals/create-delegation';
import { endDelegation } from '@/lib/approvals/end-delegation';
import { authedAction, type ActionResult } from '@/lib/auth/authed-action';
import { requestInfoFrom } from '@/lib/auth/request-info';
import { signOutEverywhere } from '@/lib/auth/sign-out-everywhere';
import { userActor } from '@/lib/auth/session';

const delegationSchema = z.object({
  /** an admin setting it for someone else (the service checks they may) */
  fromUserId: z.string().min(1).optional(),
  toUserId: z.string().min(1, 'Choose who decides for you.'),
  startsAt: z.string().min(1, 'Enter a start.'),
  endsAt: z.string().min(1, 'Enter an end.'),
  reason: z.string().max(500, 'At most 500 characters.').optional(),
  includePending: z.literal('on').optional(),
});

/** `datetime-local` values are read as UTC, as every time on these pages is shown. */
const utc = (local: string) => `${local}${local.length === 16 ? ':00' : ''}Z`;

const create = authedAction(delegationSchema, async (input, user) =>
  createDelegation({
    fromUserId: input.fromUserId ?? user.id,
    toUserId: input.toUserId,
    startsAt: utc(input.startsAt),
    endsAt: utc(input.endsAt),
    reason: input.reason || undefined,
    includePending: input.includePending === 'on',
    actor: userActor(user),
    request: requestInfoFrom(await headers()),
  }),
);

export async function setDelegation(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string; moved: number }>> {
  const result = await create(null, formData);
  if (result.ok) {
    revalidatePath('/profile');
    revalidatePath('/admin/people/[id]', 'page');
  }
  return result;
}

const end = authedAction(z.object({ id: z.string().min(1) }), async ({ id }, user) =>
  endDelegation({ id, actor: userActor(user), request: requestInfoFrom(await headers()) }),
);

export async function stopDelegation(formData: FormData): Promise<void> {
  await end(null, formData);
  revalidatePath('/profile');
  revalidatePath('/admin/people/[id]', 'page');
}

const everywhere = authedAction(z.object({}), async (_input, user) =>
  signOutEverywhere({ userId: user.id, request: requestInfoFrom(await headers()) }),
);

export async function signOutOfEverySession(): Promise<void> {
  await everywhere(null, new FormData());
  redirect('/sign-in');
}
