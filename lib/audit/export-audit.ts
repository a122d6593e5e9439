/** Exports the audit trail (optionally filtered) as CSV or JSON text, oldest first. An API key needs audit:read. */
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { csvCell } from '../csv';
import { db } from '../db/client';
import { auditWhere, type AuditFilters } from './audit-filters';

export interface ExportAuditOptions {
  format: 'csv' | 'json';
  filters?: AuditFilters;
  actor: Actor;
}

const COLUMNS = [
  'seq',
  'at',
  'actorType',
  'actorId',
  'actorLabel',
  'action',
  'targetType',
  'targetId',
  'ip',
  'userAgent',
  'reason',
  'data',
  'prevHash',
  'hash',
] as const;

export async function exportAudit({ format, filters, actor }: ExportAuditOptions): Promise<string> {
  await authorize(actor, 'audit:read');
  const rows = await db.auditEntry.findMany({ where: auditWhere(filters), orderBy: { seq: 'asc' } });
  if (format === 'json') {
    return JSON.stringify(
      rows.map((row) => ({ ...row, at: row.at.toISOString(), data: JSON.parse(row.data) as unknown })),
    );
  }
  const lines = rows.map((row) =>
    COLUMNS.map((column) => csvCell(column === 'at' ? row.at.toISOString() : row[column])).join(','),
  );
  return [COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}
