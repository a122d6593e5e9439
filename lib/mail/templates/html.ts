/**
 * The pieces every mail template is made of. Every interpolated value goes through
 * escapeHtml: titles, details and names come from workflow input, which anyone starting an
 * execution controls.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export function buttonHtml(label: string, href: string, color: string): string {
  return `<a href="${escapeHtml(href)}" style="display:inline-block;margin:4px 8px 4px 0;padding:10px 18px;border-radius:6px;background:${color};color:#ffffff;text-decoration:none;font-weight:600">${escapeHtml(label)}</a>`;
}

/** The frame around every message body (the body is already escaped HTML). */
export function layoutHtml(heading: string, body: string): string {
  return (
    `<!doctype html><html><body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#0f172a">` +
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">` +
    `<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(heading)}</h1>${body}` +
    `<p style="margin-top:24px;font-size:12px;color:#64748b">Sent by Signoff.</p></div></body></html>`
  );
}

export function formatWhen(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
