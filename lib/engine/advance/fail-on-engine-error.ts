/**
 * An execution whose step throws something that is not a lost race (an engine bug, a corrupt
 * row) would be retried on every pass forever; instead it fails with States.Runtime and the
 * error's message as the cause, so it is visible, stoppable and redrivable.
 */
import { executionEndedEvent } from '../../asl';
import { retryTransaction } from '../tx-retry';
import { abortFrames } from './abort-frames';
import { endExecution } from './end-frame';
import { flushSession } from './flush-session';
import { EXECUTION_SELECT } from './session';
import { rootFrameIds } from './open-session';
import { Session } from './session';

export async function failOnEngineError(executionId: string, error: unknown): Promise<void> {
  const cause = `Internal engine error: ${error instanceof Error ? error.message : String(error)}`.slice(
    0,
    32_000,
  );
  await retryTransaction(async (tx) => {
    const execution = await tx.execution.findUnique({ where: { id: executionId }, select: EXECUTION_SELECT });
    if (!execution || execution.status !== 'RUNNING') return;
    // The definition itself may be what broke: the session must not need it.
    const session = new Session(tx, execution, {
      definition: { StartAt: '', States: {} },
      workflowName: '',
      subDefinitions: new Map(),
    });
    await abortFrames(session, await rootFrameIds(session), { kind: 'engine-error' }, true);
    session.record(
      undefined,
      executionEndedEvent(
        { status: 'FAILED', error: 'States.Runtime', cause },
        session.cursor(undefined),
        session.env,
      ),
    );
    endExecution(session, { status: 'FAILED', error: 'States.Runtime', cause });
    await flushSession(session, { runnable: false, leaseOwner: null });
  });
}
