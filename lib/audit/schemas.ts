import { z } from 'zod';

const isoDate = z.iso.datetime({ offset: true });

export const exportAuditQuerySchema = z.object({
  format: z.enum(['json', 'csv']).optional().describe('json (default) or csv'),
  action: z.string().max(64).optional(),
  actorId: z.string().max(200).optional(),
  targetType: z.string().max(64).optional(),
  targetId: z.string().max(200).optional(),
  from: isoDate.optional().describe('entries at or after this instant'),
  to: isoDate.optional().describe('entries before this instant'),
});
