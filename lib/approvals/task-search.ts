/**
 * Full-text search over approval tasks: every access to the index is here.
 *
 * The table "ApprovalTaskSearch" is unknown to Prisma (lib/db/external-tables.ts), made by hand
 * in each database's migrations: on SQLite an FTS5 table (title, details, requester), on
 * PostgreSQL a `tsvector` column with a GIN index (the 'simple' configuration: words as
 * written, no stemming, as FTS5's unicode61 tokenizer). A task's row is written in the
 * transaction that writes the task, and ApprovalTask.searchRowId holds its rowid: a search
 * reads only rowids from the index and matches them against that indexed column.
 */
import type { Tx } from '../db/client';
import { isPostgres } from '../db/database-url';
import { Prisma } from '../db/generated/client';

/** The most search terms a query keeps (the rest are ignored). */
const MAX_TERMS = 12;
/** The most characters of a task's details that are indexed. */
const MAX_DETAILS_TEXT = 20_000;

/** The text and number values of a task's Details, in document order (what a person reads). */
export function detailsText(details: unknown): string {
  const parts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') parts.push(value);
    else if (typeof value === 'number' && Number.isFinite(value)) parts.push(String(value));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(details);
  return parts.join(' ').slice(0, MAX_DETAILS_TEXT);
}

/** A phrase FTS5 reads literally: the term in double quotes, its own quotes doubled. */
const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/**
 * What a person typed, as an FTS5 query that can never be a syntax error: each whitespace-
 * separated term becomes a quoted phrase (so `"`, `AND(`, `*`, `NEAR` are just text), all of
 * them must match (AND), the last one also as a prefix when it has 3 characters or more (the
 * word being typed), and only title, details and requester are searched. Terms without a letter
 * or digit cannot match anything and are dropped; null when nothing is left.
 */
export function ftsQuery(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  const phrases = terms.map((term, i) =>
    i === terms.length - 1 && term.length >= 3 ? `${quote(term)}*` : quote(term),
  );
  return `{title details requester} : (${phrases.join(' ')})`;
}

/**
 * Text as FTS5's unicode61 tokenizer (remove_diacritics 2) sees it: runs of letters and digits,
 * lower-cased, accents dropped. PostgreSQL's index and queries are made of these words only, so
 * both databases find the same tasks (its own parser would keep `a@b.com` or `x-1` whole).
 */
export function searchWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * The same for PostgreSQL: a `to_tsquery('simple', …)` text that can never be a syntax error
 * (only words of letters and digits). Every word must match (&), the last one also as a prefix
 * (`:*`) when it has 3 characters or more.
 */
export function tsQuery(text: string): string | null {
  const words = text.split(/\s+/).slice(0, MAX_TERMS).flatMap(searchWords);
  if (words.length === 0) return null;
  return words
    .map((word, i) => (i === words.length - 1 && word.length >= 3 ? `${word}:*` : word))
    .join(' & ');
}

/**
 * The condition "task t matches the search", to AND into a query over `"ApprovalTask" t`;
 * null when the text holds nothing searchable (then nothing is filtered).
 */
export function searchCondition(text: string | undefined): Prisma.Sql | null {
  if (isPostgres()) {
    const query = text ? tsQuery(text) : null;
    if (!query) return null;
    return Prisma.sql`t."searchRowId" IN (SELECT "rowid" FROM "ApprovalTaskSearch" WHERE "document" @@ to_tsquery('simple', ${query}))`;
  }
  const query = text ? ftsQuery(text) : null;
  if (!query) return null;
  return Prisma.sql`t."searchRowId" IN (SELECT "rowid" FROM "ApprovalTaskSearch" WHERE "ApprovalTaskSearch" MATCH ${query})`;
}

export interface SearchableTask {
  id: string;
  title: string;
  /** the Details JSON as stored */
  details: string;
  requesterLabel: string | null;
  /** the task's current row, when it has one */
  searchRowId: number | null;
}

/** Writes (or rewrites) the task's row of the index, in the caller's transaction. */
export async function indexTaskForSearch(tx: Tx, task: SearchableTask): Promise<void> {
  if (task.searchRowId !== null)
    await tx.$executeRaw`DELETE FROM "ApprovalTaskSearch" WHERE "rowid" = ${task.searchRowId}`;
  if (isPostgres()) {
    const document = searchWords(
      [task.title, detailsText(JSON.parse(task.details)), task.requesterLabel ?? ''].join(' '),
    ).join(' ');
    const [{ rowid }] = await tx.$queryRaw<Array<{ rowid: number }>>`
      INSERT INTO "ApprovalTaskSearch" ("document") VALUES (to_tsvector('simple', ${document})) RETURNING "rowid"`;
    await tx.$executeRaw`UPDATE "ApprovalTask" SET "searchRowId" = ${rowid} WHERE "id" = ${task.id}`;
    return;
  }
  await tx.$executeRaw`INSERT INTO "ApprovalTaskSearch" ("title", "details", "requester")
    VALUES (${task.title}, ${detailsText(JSON.parse(task.details))}, ${task.requesterLabel ?? ''})`;
  // The same connection (the transaction's), so this is the row just written.
  const [{ rowid }] = await tx.$queryRaw<
    Array<{ rowid: bigint | number }>
  >`SELECT last_insert_rowid() AS rowid`;
  await tx.$executeRaw`UPDATE "ApprovalTask" SET "searchRowId" = ${Number(rowid)} WHERE "id" = ${task.id}`;
}
