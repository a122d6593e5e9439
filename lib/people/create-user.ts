/**
 * Adds a person: an active account with a role, optionally in groups (joined as members). One
 * audited transaction; an address already taken is a CONFLICT. Used by the CLI and the setup
 * link (the first admin).
 */
import type { z } from 'zod';
import type { Actor, RequestInfo } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import type { Tx } from '../db/client';
import { AppError } from '../errors';
import { appUrl } from '../mail/app-url';
import { enqueueMail } from '../mail/enqueue-mail';
import { renderInvitation } from '../mail/templates/invitation';
import { assertAdmin } from '../auth/assert-admin';
import { emailSchema, roleSchema, type Role } from './roles';

export interface CreateUserOptions {
  email: string;
  role: string;
  name?: string;
  groups?: string[];
  /** mail them an invitation (the console's Invite); the CLI adds people silently */
  invite?: boolean;
  actor: Actor;
  request?: RequestInfo;
}

export interface UserSummary {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  active: boolean;
  /** active: has signed in; invited: not yet; deactivated */
  status: 'active' | 'invited' | 'deactivated';
  groups: string[];
}

export async function createUser(options: CreateUserOptions): Promise<UserSummary> {
  return runAudited((tx) => createUserInTx(tx, options));
}

/** The same, inside the caller's transaction. */
export async function createUserInTx(tx: Tx, options: CreateUserOptions): Promise<UserSummary> {
  if (options.actor.type !== 'link') await assertAdmin(tx, options.actor); // the setup link makes the first admin
  const email = parse(emailSchema, options.email, 'email');
  const role = parse(roleSchema, options.role, 'role');
  const name = options.name?.trim() || null;
  if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
    throw new AppError('CONFLICT', `There is already an account for ${email}.`);
  const groups = [...new Set(options.groups ?? [])];
  const found = await tx.group.findMany({
    where: { name: { in: groups } },
    select: { id: true, name: true },
  });
  const missing = groups.filter((g) => !found.some((f) => f.name === g));
  if (missing.length > 0) throw new AppError('INVALID_INPUT', `No such group: ${missing.join(', ')}.`);
  const user = await tx.user.create({ data: { email, name, role }, select: { id: true } });
  for (const group of found) await tx.membership.create({ data: { userId: user.id, groupId: group.id } });
  if (options.invite) {
    const invitedBy = options.actor.label ?? 'An admin';
    const signInUrl = appUrl(`/sign-in?email=${encodeURIComponent(email)}`);
    await enqueueMail(tx, {
      kind: 'invitation',
      to: email,
      ...renderInvitation({ role, invitedBy, signInUrl }),
    });
  }
  await recordAudit(tx, {
    actor: options.actor,
    request: options.request,
    type: 'USER_CREATED',
    target: { type: 'user', id: user.id },
    data: { userId: user.id, email, role, groups, ...(options.invite ? { invited: true } : {}) },
  });
  return { id: user.id, email, name, role, active: true, status: 'invited', groups };
}

function parse<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? 'Invalid.';
  throw new AppError('INVALID_INPUT', `${field}: ${message}`, {
    details: { fieldErrors: { [field]: [message] } },
  });
}
