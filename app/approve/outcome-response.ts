/**
 * The pages for links that can no longer decide (already decided, expired, cancelled). App
 * Router pages cannot answer 409/410, so these are route handlers rendering a small escaped
 * HTML page with the right status; the link page redirects here (307) with the token.
 */
import { getLinkView, type LinkTaskView } from '@/lib/approvals/get-link-view';
import { escapeHtml } from '@/lib/mail/templates/html';

export type OutcomeKind = 'already-decided' | 'expired' | 'cancelled';

const STATUS: Record<OutcomeKind, number> = { 'already-decided': 409, expired: 410, cancelled: 410 };

function describe(kind: OutcomeKind, task: LinkTaskView | null): { heading: string; body: string } {
  if (!task) return { heading: 'This link is not valid', body: 'Nothing was decided with it.' };
  if (kind === 'already-decided') {
    const decision = task.outcome?.Decision ?? task.status.toLowerCase();
    const by = (task.outcome?.Decisions ?? []).map((d) => `${d.By} (${d.Decision})`).join(', ');
    return {
      heading: 'Already decided',
      body: `“${task.title}” was already ${decision}${by ? ` by ${by}` : ''}${task.outcome?.DecidedAt ? ` on ${task.outcome.DecidedAt.slice(0, 16).replace('T', ' ')} UTC` : ''}. Your link changes nothing now.`,
    };
  }
  if (kind === 'expired')
    return {
      heading: 'This request expired',
      body: `“${task.title}” was not decided before it expired; the workflow went on without a decision. Ask ${task.requester} to start a new request if it is still needed.`,
    };
  return {
    heading: 'This request was cancelled',
    body: `“${task.title}” no longer needs a decision: its workflow stopped, or enough people decided already.`,
  };
}

export async function outcomeResponse(request: Request, kind: OutcomeKind): Promise<Response> {
  const token = new URL(request.url).searchParams.get('t') ?? '';
  const view = token ? await getLinkView(token, { record: false }) : { kind: 'invalid' as const };
  const { heading, body } = describe(kind, view.kind === 'invalid' ? null : view.task);
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(heading)} · Signoff</title></head>` +
    `<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;background:#f8fafc;color:#0f172a">` +
    `<main style="max-width:36rem;margin:0 auto"><p><a href="/" style="color:#0f172a;font-weight:600;text-decoration:none">Signoff</a></p>` +
    `<h1 style="font-size:1.5rem">${escapeHtml(heading)}</h1><p style="line-height:1.5">${escapeHtml(body)}</p>` +
    `<p><a href="/inbox" style="color:#0f172a">Open the inbox</a></p></main></body></html>`;
  return new Response(html, {
    status: STATUS[kind],
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}
