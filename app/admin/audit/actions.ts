'use server';
/**
 * The audit page's actions: export what the filters show (every page) as CSV or JSON text for
 * the browser to download, and verify the hash chain. Signed in and parsed here; the services
 * authorize (an active admin).
 */
import { z } from 'zod';
import { checkAuditChain, type AuditChainReport } from '@/lib/audit/check-audit-chain';
import { exportAudit } from '@/lib/audit/export-audit';
import { authedAction, type ActionResult } from '@/lib/auth/authed-action';
import { userActor } from '@/lib/auth/session';
import { auditQuerySchema, filtersOf } from './audit-query';

export interface AuditFile {
  filename: string;
  type: string;
  text: string;
}

const exportSchema = auditQuerySchema.and(z.object({ format: z.enum(['csv', 'json']) }));

const exportFile = authedAction(exportSchema, async (query, user): Promise<AuditFile> => {
  const text = await exportAudit({ format: query.format, filters: filtersOf(query), actor: userActor(user) });
  const day = new Date().toISOString().slice(0, 10);
  const type = query.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
  return { filename: `audit-${day}.${query.format}`, type, text };
});

export async function exportAuditFile(
  prev: ActionResult<AuditFile> | null,
  formData: FormData,
): Promise<ActionResult<AuditFile>> {
  return exportFile(prev, formData);
}

const verify = authedAction(z.object({}), async (_input, user) =>
  checkAuditChain({ actor: userActor(user) }),
);

export async function verifyChain(
  prev: ActionResult<AuditChainReport> | null,
  formData: FormData,
): Promise<ActionResult<AuditChainReport>> {
  return verify(prev, formData);
}
