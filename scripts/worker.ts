/**
 * `npm run worker`: the engine alone, without the web server, on the same database
 * (DATABASE_URL). SIGTERM / SIGINT finish the current transaction and release the leases.
 */
import { startEngine } from '../lib/engine';
import { startMailSender } from '../lib/register-integrations';

const mail = startMailSender();
const engine = startEngine();
console.log(`[worker] engine started (pid ${process.pid})`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: finishing the current transaction`);
  await engine.stop();
  await mail.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
// Started by a parent over an IPC channel (the tests do): stop when the parent goes away, so a
// killed test run leaves no worker behind.
if (process.send) process.on('disconnect', () => void shutdown('parent gone'));
