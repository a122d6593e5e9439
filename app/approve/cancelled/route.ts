// GET /approve/cancelled — a link that can no longer decide: says what happened to the request (410 Gone).
import { outcomeResponse } from '../outcome-response';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return outcomeResponse(request, 'cancelled');
}
