/**
 * Next.js calls register() once per server process: the engine runs inside the web server by
 * default (SIGNOFF_ENGINE=off leaves it to a separate `npm run worker`).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.SIGNOFF_ENGINE !== 'off') {
    (await import('./lib/register-integrations')).startMailSender(); // approvals + email:send, and the outbox sender
    const { startEngine } = await import('./lib/engine');
    startEngine();
  }
}
