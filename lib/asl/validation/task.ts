/** Task-specific checks: the Resource names an integration, and the heartbeat is shorter than the timeout. */
import { type QueryLanguage, type ValidationContext, report } from './context';
import { DiagnosticCode } from './diagnostic';
import { type JsonRecord, quote } from './json-type';
import { joinPointer } from './pointer';
import { didYouMean } from './suggest';
import { checkApprovalPayload } from './approval';
import { checkRetryAndCatch } from './retry-catch';

/** The integrations of DESIGN.md §3; each may carry `.waitForTaskToken`. */
const RESOURCE =
  /^(approval|http:invoke|email:send|activity:\S+|function:\S+|arn:\S+?)(\.waitForTaskToken)?$/;
const fixedResources = ['approval', 'http:invoke', 'email:send', 'arn:aws:states:::mock'];
const WAIT_SUFFIX = '.waitForTaskToken';

/** True when `resource` names one of our integrations. */
function isKnownResource(resource: string): boolean {
  return RESOURCE.test(resource);
}

/** The integration name without `.waitForTaskToken`. */
function baseResource(resource: string): string {
  return resource.endsWith(WAIT_SUFFIX) ? resource.slice(0, -WAIT_SUFFIX.length) : resource;
}

export function checkTask(
  state: JsonRecord,
  path: string,
  ctx: ValidationContext,
  language: QueryLanguage,
): void {
  checkResource(state.Resource, joinPointer(path, 'Resource'), ctx);
  checkHeartbeat(state, path, ctx);
  checkRetryAndCatch(state, path, ctx, language);
  if (typeof state.Resource === 'string' && baseResource(state.Resource) === 'approval')
    checkApprovalPayload(state, path, ctx, language);
}

function checkResource(resource: unknown, path: string, ctx: ValidationContext): void {
  if (typeof resource !== 'string' || isKnownResource(resource)) return;
  const hint =
    didYouMean(baseResource(resource), fixedResources) ||
    '; use approval, http:invoke, email:send, activity:NAME, function:NAME or an arn:…, optionally with ".waitForTaskToken".';
  report(ctx, path, DiagnosticCode.INVALID_RESOURCE, `${quote(resource)} is not a known resource${hint}`);
}

function checkHeartbeat(state: JsonRecord, path: string, ctx: ValidationContext): void {
  const { TimeoutSeconds: timeout, HeartbeatSeconds: heartbeat } = state;
  const valid = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1;
  if (!valid(timeout) || !valid(heartbeat) || heartbeat < timeout) return;
  report(
    ctx,
    joinPointer(path, 'HeartbeatSeconds'),
    DiagnosticCode.INVALID_VALUE,
    `"HeartbeatSeconds" (${heartbeat}) must be less than "TimeoutSeconds" (${timeout}).`,
  );
}
