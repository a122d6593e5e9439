/**
 * Registers the integrations that live above the engine (approval, email:send, nested
 * executions) on import.
 * Import it in every process that runs the engine or calls its control functions (a stop
 * closes approval tasks through them): instrumentation.ts, scripts/worker.ts, tests and
 * benchmarks.
 */
import { registerApprovals } from './approvals/register';
import { registerNestedExecutions } from './executions/nested-executions';
import { registerMail } from './mail/register';

registerApprovals();
registerMail();
registerNestedExecutions();

export { startMailSender, wakeMailSender } from './mail/mail-sender';
