// GET /api/v1/audit — export the audit trail (JSON or CSV), optionally filtered
import { exportAudit } from '@/lib/audit/export-audit';
import { exportAuditQuerySchema } from '@/lib/audit/schemas';
import { apiRoute, readQuery, otherMethods } from '@/lib/http/api-route';

export const GET = apiRoute({ auth: 'apiKey' }, async ({ request, actor }) => {
  const { format = 'json', from, to, ...filters } = exportAuditQuerySchema.parse(readQuery(request));
  const text = await exportAudit({
    format,
    filters: { ...filters, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
    actor,
  });
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json';
  return new Response(text, {
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename="signoff-audit.${format}"`,
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
