/** The mail page's query (?status=&cursor=&resent=): which tab, which page, and whether a resend just happened. */
import { z } from 'zod';
import { OUTBOX_FILTERS, type OutboxFilter } from '@/lib/mail/list-outbox';

export const mailViewSchema = z.object({
  status: z
    .string()
    .optional()
    .transform((value) => value || 'all')
    .pipe(z.enum(OUTBOX_FILTERS, { error: 'Choose All, Queued, Sent or Failed.' })),
  cursor: z
    .string()
    .max(300, 'This page link is not valid.')
    .optional()
    .transform((value) => value || undefined),
});

export function mailHref({
  status,
  cursor,
  resent,
}: {
  status: OutboxFilter;
  cursor?: string;
  resent?: boolean;
}): string {
  const params = new URLSearchParams();
  if (status !== 'all') params.set('status', status);
  if (cursor) params.set('cursor', cursor);
  if (resent) params.set('resent', '1');
  const query = params.toString();
  return query ? `/admin/mail?${query}` : '/admin/mail';
}
