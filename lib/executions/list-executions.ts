/**
 * ListExecutions, newest first (startedAt desc, then id desc: a total, stable order), paged by
 * an opaque nextToken that holds where the last page ended, so rows started meanwhile neither
 * repeat nor shift the pages.
 */
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { executionSummarySelect, toExecutionSummary, type ExecutionSummary } from './execution-dto';
import { decodePageToken, encodePageToken } from './page-token';

export interface ListExecutionsOptions {
  /** id or name */
  workflowId?: string;
  status?: string;
  /** only executions of this version of the workflow */
  version?: number;
  /** only executions redriven at least once (true) or never (false) */
  redriven?: boolean;
  startedAfter?: Date;
  startedBefore?: Date;
  /** only executions whose name starts with exactly this (case-sensitive; `_` is no wildcard) */
  namePrefix?: string;
  /** only executions that ended with exactly this error name (e.g. States.Timeout) */
  error?: string;
  /** only executions of STANDARD or of EXPRESS workflows (the console lists them apart) */
  type?: 'STANDARD' | 'EXPRESS';
  /** the child executions of this Distributed Map run (otherwise they are left out, as on AWS) */
  mapRunId?: string;
  maxResults?: number;
  nextToken?: string;
  /** an API key needs executions:read */
  actor: Actor;
}

const positionSchema = z.object({ t: z.number().int(), i: z.string() });

export async function listExecutions(
  options: ListExecutionsOptions,
): Promise<{ executions: ExecutionSummary[]; nextToken?: string }> {
  await authorize(options.actor, 'executions:read');
  const take = options.maxResults ?? 100;
  const where: Prisma.ExecutionWhereInput[] = [];
  if (options.workflowId)
    where.push({ workflow: { OR: [{ id: options.workflowId }, { name: options.workflowId }] } });
  if (options.status) where.push({ status: options.status });
  if (options.version !== undefined) where.push({ workflowVersion: { version: options.version } });
  if (options.redriven !== undefined) where.push({ redriveCount: options.redriven ? { gt: 0 } : 0 });
  if (options.startedAfter) where.push({ startedAt: { gte: options.startedAfter } });
  if (options.startedBefore) where.push({ startedAt: { lt: options.startedBefore } });
  if (options.namePrefix) where.push(namePrefixWhere(options.namePrefix));
  if (options.error) where.push({ error: options.error });
  if (options.type) where.push({ workflow: { type: options.type } });
  where.push({ mapRunId: options.mapRunId ?? null });
  if (options.nextToken) {
    const { t, i } = decodePageToken(options.nextToken, positionSchema);
    const at = new Date(t);
    where.push({ OR: [{ startedAt: { lt: at } }, { startedAt: at, id: { lt: i } }] });
  }
  const rows = await db.execution.findMany({
    where: { AND: where },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: take + 1,
    select: executionSummarySelect,
  });
  const page = rows.slice(0, take).map(toExecutionSummary);
  const last = page.at(-1);
  return rows.length > take && last
    ? { executions: page, nextToken: encodePageToken({ t: last.startedAt.getTime(), i: last.id }) }
    : { executions: page };
}

/**
 * Names starting with `prefix`. LIKE (startsWith) alone would read `_` as a wildcard and, on
 * SQLite, ignore case: the range on the binary order keeps exactly the names that begin with it.
 */
function namePrefixWhere(prefix: string): Prisma.ExecutionWhereInput {
  return { name: { startsWith: prefix, gte: prefix, lt: `${prefix}\u{10FFFF}` } };
}
