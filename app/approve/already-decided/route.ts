// GET /approve/already-decided — a link that can no longer decide: says what happened to the request (409 Conflict).
import { outcomeResponse } from '../outcome-response';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return outcomeResponse(request, 'already-decided');
}
