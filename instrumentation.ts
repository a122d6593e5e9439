/**
 * Next.js calls register() once per server process. The integrations above the engine
 * (approvals, email:send) register in every server process, since route handlers call the
 * engine's control functions (StopExecution closes approval tasks through them); the engine
 * and the outbox sender run inside the web server by default (SIGNOFF_ENGINE=off leaves them
 * to a separate `npm run worker`).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const integrations = await import('./lib/register-integrations');
  if (process.env.SIGNOFF_ENGINE === 'off') return;
  integrations.startMailSender();
  const { startEngine } = await import('./lib/engine');
  startEngine();
}
