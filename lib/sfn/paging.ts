/** nextToken paging over a list the caller already holds (state machines, activities, versions). */
import { sfnError } from './sfn-error';

/** AWS's default page size for list calls when maxResults is 0 or absent. */
const DEFAULT_PAGE_SIZE = 100;

export function pageOf<T>(
  items: T[],
  maxResults: number | undefined,
  nextToken: string | undefined,
): { page: T[]; nextToken?: string } {
  const size = maxResults || DEFAULT_PAGE_SIZE;
  const start = nextToken ? decodeOffset(nextToken) : 0;
  const page = items.slice(start, start + size);
  const end = start + page.length;
  return end < items.length
    ? { page, nextToken: Buffer.from(JSON.stringify({ o: end })).toString('base64url') }
    : { page };
}

function decodeOffset(token: string): number {
  try {
    const { o } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // falls through to InvalidToken
  }
  throw sfnError('InvalidToken', 'Invalid Token: the nextToken was not issued by this list.');
}
