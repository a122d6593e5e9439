/**
 * The guard of every service that both API keys and the admin console reach (workflows,
 * executions, activities, audit): an API key needs the scope, a person must be an active admin
 * now (DESIGN §6: only admins manage workflows and read executions), an email link may do none
 * of it, the system may do all of it.
 */
import type { Actor } from './actor';
import { assertAdmin } from './assert-admin';
import { requireScope, type ApiScope } from './scopes';
import { db, type Tx } from '../db/client';
import { AppError } from '../errors';

export async function authorize(actor: Actor, scope: ApiScope, tx: Tx = db): Promise<void> {
  if (actor.type === 'apiKey') return requireScope(actor, scope);
  if (actor.type === 'link')
    throw new AppError('FORBIDDEN', 'An approval link can only decide its own task.');
  await assertAdmin(tx, actor, 'use the admin console');
}
