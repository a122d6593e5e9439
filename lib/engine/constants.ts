/** Engine limits and defaults, AWS's where AWS has one. */

/** History events allowed per execution; then the execution fails (AWS: 25,000). */
export const MAX_HISTORY_EVENTS = 25_000;
/** Error of an execution that hit the history limit. */
export const HISTORY_LIMIT_ERROR = 'States.Runtime';
/** How long a worker keeps an execution it claimed before another may take it. */
export const LEASE_MS = 15_000;
/** States stepped in one transaction before the worker commits and goes on in a new one. */
export const STEP_BUDGET = 500;
/** Runnable frames loaded per execution in one transaction (more: it stays runnable for the next). */
export const MAX_FRAMES_PER_TX = 200;
/** An `invoke` task (function:, http:invoke) claimed this long ago without an answer is run again. */
export const INVOKE_RETRY_MS = 60_000;
/** GetActivityTask long-poll (AWS: 60 s). */
export const ACTIVITY_POLL_MS = 60_000;
/** The worker's poll for work from other processes and due timers. */
export const DEFAULT_POLL_MS = 250;
/** The role ARN shown in ExecutionStarted and `$$.Execution.RoleArn`. */
export const ROLE_ARN = 'arn:aws:iam::123456789012:role/signoff-engine';
/** Region and account in the ARNs of `$$.Execution.Id` and `$$.StateMachine.Id`. */
export const ARN_PREFIX = 'arn:aws:states:us-east-1:123456789012';

/** `$$.Execution.Id` of an execution. */
export const executionArnOf = (workflowName: string, name: string) =>
  `${ARN_PREFIX}:execution:${workflowName}:${name}`;
