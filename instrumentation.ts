/**
 * Next.js calls register() once per server process: the engine runs inside the web server by
 * default (SIGNOFF_ENGINE=off leaves it to a separate `npm run worker`).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.SIGNOFF_ENGINE !== 'off') {
    const { startEngine } = await import('./lib/engine');
    startEngine();
  }
}
