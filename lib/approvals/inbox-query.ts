/**
 * The inbox's query as the URL carries it: tab, filters, search, sort, page. Parsing never
 * throws (every field falls back to its default through `.catch`), so a hand-edited or stale
 * bookmark opens the inbox instead of an error; serializeInboxQuery writes it back, leaving out
 * what is default, for links, bookmarks and saved views.
 */
import { z } from 'zod';

const INBOX_TABS = ['todo', 'claimed', 'decided', 'team'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

/** The rows a page shows unless the URL asks for another number (at most MAX_LIMIT). */
export const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

/** A URL parameter given twice arrives as an array: the first one counts. */
const first = (value: unknown) => (Array.isArray(value) ? (value[0] as unknown) : value);

const optionalText = (max: number) =>
  z.preprocess(first, z.string().trim().min(1).max(max).optional()).catch(undefined);

const flag = z.preprocess((value) => {
  const text = first(value);
  return text === true || text === '1' || text === 'true' || text === 'on';
}, z.boolean());

/** 2026-12-05, or a full ISO time with its offset; read as UTC when it has none. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Links written before the tabs (`?status=pending|decided&sort=age|due`, e.g. the admin
 * dashboard's) still open what they meant: the to-do or decided tab, oldest first.
 */
function fromLegacy(input: unknown): unknown {
  if (input === null || typeof input !== 'object') return {};
  const params = { ...(input as Record<string, unknown>) };
  const status = first(params.status);
  if ((status === 'pending' || status === 'decided') && params.tab === undefined) {
    params.tab = status === 'pending' ? 'todo' : 'decided';
    delete params.status;
  }
  if (first(params.sort) === 'age') params.sort = params.tab === 'decided' ? 'newest' : 'oldest';
  return params;
}

const querySchema = z.object({
  tab: z.preprocess(first, z.enum(INBOX_TABS)).catch('todo'),
  /** words searched in title, details and requester (all must match) */
  q: optionalText(200),
  /** a workflow's name */
  workflow: optionalText(80),
  /** the requester's label as the list shows it (an email, "API key NAME"), any case */
  requester: optionalText(320),
  /** how the viewer was asked: directly (or added, escalated), through a group, or delegated */
  scope: z.preprocess(first, z.enum(['me', 'group', 'delegated']).optional()).catch(undefined),
  /** only tasks due before this time */
  dueBefore: z
    .preprocess(
      first,
      z
        .string()
        .trim()
        .regex(ISO_TIME)
        .refine((text) => !Number.isNaN(Date.parse(text)))
        .optional(),
    )
    .catch(undefined),
  /** only pending tasks past their due time */
  overdue: flag.catch(false),
  /** only tasks whose Escalation has asked more people */
  escalated: flag.catch(false),
  /** the team tab's status: still open (default), closed, or both; other tabs ignore it */
  status: z.preprocess(first, z.enum(['open', 'closed', 'all'])).catch('open'),
  sort: z.preprocess(first, z.enum(['newest', 'oldest', 'due'])).catch('newest'),
  /** where the next page starts (opaque; from a listing's nextCursor) */
  cursor: z
    .preprocess(
      first,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,600}$/)
        .optional(),
    )
    .catch(undefined),
  limit: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_LIMIT)).catch(DEFAULT_LIMIT),
});

export const inboxQuerySchema = z.preprocess(fromLegacy, querySchema);

export type InboxQuery = z.infer<typeof inboxQuerySchema>;

const DEFAULTS = inboxQuerySchema.parse({});

/** The order fields appear in a URL. */
const ORDER: ReadonlyArray<keyof InboxQuery> = [
  'tab',
  'q',
  'workflow',
  'requester',
  'scope',
  'dueBefore',
  'overdue',
  'escalated',
  'status',
  'sort',
  'limit',
  'cursor',
];

/** The query as URL parameters without the leading `?`; defaults left out ("" for the default view). */
export function serializeInboxQuery(query: Partial<InboxQuery>): string {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = query[key];
    if (value === undefined || value === DEFAULTS[key] || value === false) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  return params.toString();
}
