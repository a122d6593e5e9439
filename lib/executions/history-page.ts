/**
 * One page of an execution's history as the console's event table shows it: each event with
 * the state it belongs to (followed back through previousEventId, as AWS's console shows a
 * step per event), the time since the event before it, and its details as JSON text. Paged by
 * getExecutionHistory's nextToken (which authorizes: an API key needs executions:read).
 */
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { getExecutionHistory, type HistoryEventDto } from './get-execution-history';

export interface HistoryRowView {
  id: number;
  type: string;
  /** ISO */
  timestamp: string;
  /** the state the event belongs to; null for the execution's own events */
  step: string | null;
  /** ms since event id - 1; null for the first event */
  sincePreviousMs: number | null;
  /** the details member(s) as indented JSON, clipped to DETAILS_MAX_CHARS */
  details: string;
  /** a failure, time-out or abort */
  failure: boolean;
}

export interface HistoryPageOptions {
  executionId: string;
  nextToken?: string;
  newestFirst?: boolean;
  pageSize?: number;
  actor: Actor;
}

/** Enough to read any event; a 256 KiB payload is cut (the API gives it whole). */
const DETAILS_MAX_CHARS = 20_000;
/** Queries spent following chains back past the page (a task's events are a few hops deep). */
const MAX_ROUNDS = 8;

interface Link {
  previousEventId: number;
  type: string;
  name?: string;
}

export async function getHistoryPage(
  options: HistoryPageOptions,
): Promise<{ events: HistoryRowView[]; nextToken?: string }> {
  const { executionId, newestFirst = false, pageSize = 100 } = options;
  const page = await getExecutionHistory({
    executionId,
    maxResults: pageSize,
    nextToken: options.nextToken,
    reverseOrder: newestFirst,
    actor: options.actor,
  });
  const times = new Map(page.events.map((e) => [e.id, e.timestamp.getTime()]));
  const firstId = Math.min(...page.events.map((e) => e.id));
  if (page.events.length > 0 && firstId > 1) {
    const before = await db.historyEvent.findUnique({
      where: { executionId_seq: { executionId, seq: firstId - 1 } },
      select: { timestamp: true },
    });
    if (before) times.set(firstId - 1, before.timestamp.getTime());
  }
  const steps = await stepNames(executionId, page.events);
  const events = page.events.map((event): HistoryRowView => {
    const before = times.get(event.id - 1);
    return {
      id: event.id,
      type: event.type,
      timestamp: event.timestamp.toISOString(),
      step: steps.get(event.id) ?? null,
      sincePreviousMs: before === undefined ? null : event.timestamp.getTime() - before,
      details: detailsText(event),
      failure: /(Failed|TimedOut|Aborted)$/.test(event.type),
    };
  });
  return page.nextToken ? { events, nextToken: page.nextToken } : { events };
}

function detailsText({
  id: _id,
  previousEventId: _p,
  type: _t,
  timestamp: _ts,
  ...members
}: HistoryEventDto) {
  const values = Object.values(members);
  if (values.length === 0) return '';
  const text = JSON.stringify(values.length === 1 ? values[0] : members, null, 2);
  return text.length > DETAILS_MAX_CHARS ? `${text.slice(0, DETAILS_MAX_CHARS)}\n… (cut here)` : text;
}

function nameOf(members: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(members)) {
    if (!key.endsWith('EventDetails') || value === null || typeof value !== 'object') continue;
    const name = (value as { name?: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

/** The state of each event: its own name, else the first name back along previousEventId. */
async function stepNames(executionId: string, events: HistoryEventDto[]): Promise<Map<number, string>> {
  const links = new Map<number, Link>();
  for (const e of events)
    links.set(e.id, { previousEventId: e.previousEventId, type: e.type, name: nameOf(e) });
  /** The first link with a name back from `id`, else the last one known. */
  const walk = (id: number) => {
    let link = links.get(id);
    for (let hop = 0; link && link.name === undefined && hop < 100; hop++) {
      const previous = links.get(link.previousEventId);
      if (!previous) break;
      link = previous;
    }
    return link;
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const missing = new Set<number>();
    for (const e of events) {
      if (e.type.startsWith('Execution')) continue;
      const end = walk(e.id);
      if (end === undefined) continue;
      if (end.name === undefined && end.previousEventId > 0 && !links.has(end.previousEventId))
        missing.add(end.previousEventId);
    }
    if (missing.size === 0) break;
    const rows = await db.historyEvent.findMany({
      where: { executionId, seq: { in: [...missing] } },
      select: { seq: true, previousEventId: true, type: true, details: true },
    });
    for (const row of rows)
      links.set(row.seq, {
        previousEventId: row.previousEventId,
        type: row.type,
        name: nameOf(JSON.parse(row.details) as Record<string, unknown>),
      });
    if (rows.length === 0) break;
  }
  const names = new Map<number, string>();
  for (const e of events) {
    if (e.type.startsWith('Execution')) continue;
    const name = walk(e.id)?.name;
    if (name !== undefined) names.set(e.id, name);
  }
  return names;
}
