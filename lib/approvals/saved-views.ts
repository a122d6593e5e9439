/**
 * Saved views: a person's named inbox queries (tab, filters, search, sort; never a cursor),
 * private to them. A view is stored as the URL parameters it stands for, so opening one is
 * `/inbox?${view.search}`, and a view saved under an older query schema still parses.
 */
import { z } from 'zod';
import { db } from '../db/client';
import { AppError } from '../errors';
import { inboxQuerySchema, serializeInboxQuery, type InboxQuery } from './inbox-query';

/** The most views one person keeps. */
const MAX_VIEWS = 50;

const viewNameSchema = z.string().trim().min(1, 'Give the view a name.').max(60, 'At most 60 characters.');

export interface SavedViewDto {
  id: string;
  name: string;
  query: InboxQuery;
  /** the query as URL parameters, without `?` ("" for the default view) */
  search: string;
  createdAt: string;
  updatedAt: string;
}

function toDto(row: {
  id: string;
  name: string;
  query: string;
  createdAt: Date;
  updatedAt: Date;
}): SavedViewDto {
  let params: unknown = {};
  try {
    params = JSON.parse(row.query);
  } catch {
    // A damaged row opens as the default view rather than failing the list.
  }
  const query = inboxQuerySchema.parse(params);
  return {
    id: row.id,
    name: row.name,
    query,
    search: serializeInboxQuery(query),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function parseName(name: string): string {
  const parsed = viewNameSchema.safeParse(name);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0].message;
  throw new AppError('INVALID_INPUT', `name: ${message}`, { details: { fieldErrors: { name: [message] } } });
}

/**
 * Saves the query under `name` for the person. CONFLICT when they already have a view of that
 * name, unless `replace` (then that view takes the new query).
 */
export async function saveView({
  viewer,
  name,
  query,
  replace = false,
}: {
  viewer: { id: string };
  name: string;
  query: Partial<InboxQuery>;
  replace?: boolean;
}): Promise<SavedViewDto> {
  const viewName = parseName(name);
  const stored = JSON.stringify(
    Object.fromEntries(new URLSearchParams(serializeInboxQuery({ ...query, cursor: undefined }))),
  );
  const where = { userId_name: { userId: viewer.id, name: viewName } };
  const existing = await db.savedView.findUnique({ where, select: { id: true } });
  if (existing && !replace) throw new AppError('CONFLICT', `You already have a view named "${viewName}".`);
  if (existing) return toDto(await db.savedView.update({ where, data: { query: stored } }));
  if ((await db.savedView.count({ where: { userId: viewer.id } })) >= MAX_VIEWS)
    throw new AppError('CONFLICT', `You can keep up to ${MAX_VIEWS} saved views; delete one first.`);
  try {
    return toDto(await db.savedView.create({ data: { userId: viewer.id, name: viewName, query: stored } }));
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002')
      throw new AppError('CONFLICT', `You already have a view named "${viewName}".`);
    throw error;
  }
}

/** The person's views, by name. */
export async function listSavedViews({ viewer }: { viewer: { id: string } }): Promise<SavedViewDto[]> {
  const rows = await db.savedView.findMany({ where: { userId: viewer.id }, orderBy: { name: 'asc' } });
  return rows.map(toDto);
}

/** Deletes one of the person's views; NOT_FOUND for anyone else's or an unknown id. */
export async function deleteSavedView({ viewer, id }: { viewer: { id: string }; id: string }): Promise<void> {
  const { count } = await db.savedView.deleteMany({ where: { id, userId: viewer.id } });
  if (count === 0) throw new AppError('NOT_FOUND', 'You have no such saved view.');
}
