/**
 * The audit page's query (?actor=&action=&targetType=&targetId=&from=&to=&cursor=), parsed once
 * for the page and again, from the same values, by the export action, so an export holds what
 * the table shows. Times are UTC; a day alone means its start for "from" and its end for "to".
 */
import { z } from 'zod';
import type { AuditFilters } from '@/lib/audit/audit-filters';
import { isAuditAction } from '@/lib/audit/audit-actions';

/** What the filter form shows back: the raw text of each field. */
const FILTER_FIELDS = ['actor', 'action', 'targetType', 'targetId', 'from', 'to'] as const;
export type AuditFilterValues = Partial<Record<(typeof FILTER_FIELDS)[number], string>>;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((value) => value || undefined);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?$/;

/** A UTC instant from a day or a day and time; `endOfDay`: a day alone means the next day's start. */
const instant = (endOfDay: boolean) =>
  text(40).transform((value, ctx) => {
    if (!value) return undefined;
    const iso = DAY.test(value)
      ? `${value}T00:00:00Z`
      : DAY_TIME.test(value)
        ? value.replace(/Z?$/, 'Z')
        : '';
    const at = new Date(iso);
    if (!iso || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value.slice(0, 10)) {
      ctx.addIssue({ code: 'custom', message: 'Enter a date like 2026-03-01 or 2026-03-01T09:30 (UTC).' });
      return z.NEVER;
    }
    return DAY.test(value) && endOfDay ? new Date(at.getTime() + 86_400_000) : at;
  });

export const auditQuerySchema = z
  .object({
    actor: text(200),
    action: text(64).refine((value) => !value || isAuditAction(value), 'Choose an action from the list.'),
    targetType: text(64),
    targetId: text(200),
    from: instant(false),
    to: instant(true),
    cursor: text(200),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ['to'], message: 'Choose a time after From.' });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export function filtersOf(query: AuditQuery): AuditFilters {
  const { actor, action, targetType, targetId, from, to } = query;
  return { actorContains: actor, action, targetType, targetId, from, to };
}

/** The first value of each search parameter (a repeated one keeps its first). */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[key, first]];
    }),
  );
}

/** The filter fields' raw values, for the form, the export and the page links. */
export function filterValues(raw: Record<string, string>): AuditFilterValues {
  return Object.fromEntries(FILTER_FIELDS.flatMap((field) => (raw[field] ? [[field, raw[field]]] : [])));
}

/** /admin/audit with these filters (empty ones left out) and a cursor. */
export function auditHref(values: AuditFilterValues, cursor?: string): string {
  const params = new URLSearchParams(
    Object.entries({ ...values, cursor }).filter((entry): entry is [string, string] => !!entry[1]),
  );
  const query = params.toString();
  return query ? `/admin/audit?${query}` : '/admin/audit';
}
