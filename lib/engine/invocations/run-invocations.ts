/**
 * Runs `invoke` tasks (function:, http:invoke) after the commit that scheduled them: claim the
 * row (compare-and-set on dispatchedAt), make the call outside any transaction, then apply the
 * result in a new one. A claim older than INVOKE_RETRY_MS without an answer (the worker died
 * mid-call) is run again: at-least-once, as Lambda invocations are. An AWS `.sync` job answers
 * "poll again later": the token rests until its TaskPoll timer fires (schedulePoll).
 */
import type { JsonValue } from '../../asl';
import { db, type Tx } from '../../db/client';
import { isAppError } from '../../errors';
import { engineNow } from '../clock';
import { INVOKE_RETRY_MS } from '../constants';
import type { InvokeOutcome } from '../integrations/integration';
import { integrationFor } from '../integrations/registry';
import { engineStore } from '../store/store';
import { finishToken } from '../tokens/complete-task-token';
import { retryTransaction } from '../tx-retry';

/** Pending invocations nobody is running (or whose runner vanished); asked through the engine's store on every pass. */
export function findStaleInvocations(limit = 50): Promise<string[]> {
  return engineStore().staleInvocations(new Date(engineNow().getTime() - INVOKE_RETRY_MS), limit);
}

/** Claims and runs the given invocations concurrently; returns how many it ran. */
export async function runInvocations(ids: string[], workerName: string): Promise<number> {
  const ran = await Promise.all(ids.map((id) => runOne(id, workerName)));
  return ran.filter(Boolean).length;
}

async function runOne(id: string, workerName: string): Promise<boolean> {
  const token = await db.taskToken.findUnique({ where: { id } });
  if (!token || token.status !== 'PENDING' || !token.kind.startsWith('invoke')) return false;
  const claimed = await db.taskToken.updateMany({
    where: { id, status: 'PENDING', kind: token.kind, dispatchedAt: token.dispatchedAt },
    data: { dispatchedAt: engineNow(), workerName },
  });
  if (claimed.count === 0) return false;
  const integration = integrationFor(token.resource);
  const polled = token.pollState === null ? undefined : (JSON.parse(token.pollState) as PollState);
  const outcome: InvokeOutcome = integration?.invoke
    ? await integration
        .invoke(token.resource, JSON.parse(token.input ?? 'null') as JsonValue, polled?.poll)
        .catch((e: Error) => ({ error: 'States.Runtime', cause: e.message }))
    : { error: 'States.Runtime', cause: `No integration can invoke '${token.resource}'.` };
  await retryTransaction(async (tx) => {
    if ('poll' in outcome) return schedulePoll(tx, token, outcome, (polled?.polls ?? 0) + 1);
    if (token.kind === 'invoke-callback' && 'output' in outcome) {
      await tx.taskToken.updateMany({
        where: { id, status: 'PENDING' },
        data: { kind: 'callback', input: null },
      }); // the input may carry the raw token
      return;
    }
    await finishToken(tx, token, outcome, engineNow()).catch((error: unknown) => {
      if (!isAppError(error)) throw error; // the task timed out or was cancelled meanwhile
    });
  });
  return true;
}

interface PollState {
  poll: JsonValue;
  polls: number;
}

/**
 * A `.sync` job still running: the token rests as `sync-wait` (no worker picks it up) with what
 * to poll, and a TaskPoll timer turns it back into an invocation when the next poll is due.
 */
async function schedulePoll(
  tx: Tx,
  token: { id: string; executionId: string; frameId: string },
  { poll, afterSeconds }: { poll: JsonValue; afterSeconds: number },
  polls: number,
): Promise<void> {
  const state: PollState = { poll, polls };
  const { count } = await tx.taskToken.updateMany({
    where: { id: token.id, status: 'PENDING' },
    data: { kind: 'sync-wait', pollState: JSON.stringify(state), dispatchedAt: null, workerName: null },
  });
  if (count === 0) return; // the task ended meanwhile (timeout, stop)
  await tx.timer.create({
    data: {
      key: `${token.id}:Poll:${polls}`,
      executionId: token.executionId,
      frameId: token.frameId,
      taskTokenId: token.id,
      purpose: 'TaskPoll',
      dueAt: new Date(engineNow().getTime() + afterSeconds * 1000),
    },
  });
}

/** A TaskPoll timer fired: the resting `.sync` token becomes an invocation again. */
export async function resumePolling(tx: Tx, taskTokenId: string): Promise<void> {
  await tx.taskToken.updateMany({
    where: { id: taskTokenId, status: 'PENDING', kind: 'sync-wait' },
    data: { kind: 'invoke' },
  });
}
