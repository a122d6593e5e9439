/**
 * The audit trail's filters and the Prisma `where` they make, shared by the console's listing
 * (list-audit.ts) and the export (export-audit.ts), so an export holds exactly what the table
 * shows.
 */
import { containsIgnoringCase } from '../db/sql-dialect';
import type { Prisma } from '../db/generated/client';

export interface AuditFilters {
  /** an audit event type (audit-event.ts), exactly */
  action?: string;
  /** the actor's id, exactly (the REST API's filter) */
  actorId?: string;
  /** a piece of the actor's id or label (an email, a key name), as typed in the console */
  actorContains?: string;
  targetType?: string;
  targetId?: string;
  /** entries at or after this instant */
  from?: Date;
  /** entries before this instant */
  to?: Date;
}

export function auditWhere(filters: AuditFilters = {}): Prisma.AuditEntryWhereInput {
  const { action, actorId, actorContains, targetType, targetId, from, to } = filters;
  return {
    action,
    actorId,
    targetType,
    targetId,
    at: from || to ? { gte: from, lt: to } : undefined,
    ...(actorContains
      ? {
          OR: [
            { actorId: containsIgnoringCase(actorContains) },
            { actorLabel: containsIgnoringCase(actorContains) },
          ],
        }
      : {}),
  };
}
