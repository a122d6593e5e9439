/**
 * GET /inbox/events — server-sent events for an open inbox page: `change` whenever something
 * the signed-in person sees moves (a task arrives, is claimed, released, decided or closed,
 * here or by another process), checked every 2 seconds against `inboxVersion`. The page sends
 * the version it was rendered with (`?v=`), so a change between render and connect is not lost.
 */
import { inboxVersion } from '@/lib/approvals/inbox-version';
import { getSessionUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

const CHECK_MS = 2000;
/** a browser reconnects by itself; a bounded stream frees the server from forgotten tabs */
const MAX_STREAM_MS = 10 * 60_000;

export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user)
    return Response.json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' } }, { status: 401 });
  let seen = new URL(request.url).searchParams.get('v') ?? (await inboxVersion({ viewer: user }));
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const started = Date.now();
      const close = () => {
        clearInterval(timer);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      send('retry: 3000\n\n');
      timer = setInterval(() => {
        if (request.signal.aborted || Date.now() - started > MAX_STREAM_MS) return close();
        inboxVersion({ viewer: user }).then(
          (version) => {
            if (version === seen) return send(': ping\n\n');
            seen = version;
            send(`event: change\ndata: ${version}\n\n`);
          },
          () => close(),
        );
      }, CHECK_MS);
      request.signal.addEventListener('abort', close);
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' },
  });
}
