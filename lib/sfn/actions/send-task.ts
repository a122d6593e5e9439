// AWSStepFunctions.SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat — through the engine's one door
import { z } from 'zod';
import { completeTask } from '../../executions';
import { defineAction } from '../action';
import { assertJsonText } from '../checks';
import { sfnError } from '../sfn-error';

const taskToken = z.string().max(2048);

/** An empty token is AWS's InvalidToken, not a ValidationException. */
function tokenOf(text: string): string {
  if (text.length === 0) throw sfnError('InvalidToken', 'Invalid Token: the task token is empty.');
  return text;
}

export const sendTaskSuccess = defineAction(
  z.object({ taskToken, output: z.string() }),
  async (body, ctx) => {
    assertJsonText(body.output, 'InvalidOutput');
    await completeTask({
      taskToken: tokenOf(body.taskToken),
      result: { type: 'success', output: body.output },
      actor: ctx.actor,
      request: ctx.request,
    });
    return {};
  },
);

export const sendTaskFailure = defineAction(
  z.object({ taskToken, error: z.string().max(256).optional(), cause: z.string().max(32768).optional() }),
  async (body, ctx) => {
    await completeTask({
      taskToken: tokenOf(body.taskToken),
      result: { type: 'failure', error: body.error, cause: body.cause },
      actor: ctx.actor,
      request: ctx.request,
    });
    return {};
  },
);

export const sendTaskHeartbeat = defineAction(z.object({ taskToken }), async (body, ctx) => {
  await completeTask({
    taskToken: tokenOf(body.taskToken),
    result: { type: 'heartbeat' },
    actor: ctx.actor,
    request: ctx.request,
  });
  return {};
});
