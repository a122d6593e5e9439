// GET /api/health — liveness and database reachability (no authentication)
import { db } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  try {
    await db.$queryRawUnsafe('SELECT 1');
    return Response.json({ status: 'ok', database: 'ok' });
  } catch (error) {
    console.error('[health] database check failed', error);
    return Response.json({ status: 'error', database: 'unreachable' }, { status: 503 });
  }
}
