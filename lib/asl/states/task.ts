/**
 * Task: resolves its resource payload and timeouts, asks the engine to run the work (pause on an
 * InvokeTask effect), then turns the task's result or error into the state's output, a retry or
 * a catch. Every task gets a token (`$$.Task.Token`); callback resources are completed by it.
 * An activity's events are AWS's Activity* ones (ActivityScheduled here; ActivityStarted when a
 * worker takes the task, which the engine records), every other resource's are Task* events.
 */
import { processResult, stateParameters } from '../dataflow';
import { handleFailure } from '../failure';
import { activityName, inputDetails, outputDetails, payloadDetails, resourceParts } from '../history';
import { addSeconds } from '../timestamps';
import { effectiveInput } from '../dataflow';
import { exitState, pauseState, serializePayload, stillPaused } from '../step-run';
import type { Effect, JsonObject } from '../types';
import { uuidFrom } from '../uuid';
import type { StateHandler } from './state-handler';
import { resolveSeconds } from './timeouts';

export const taskState: StateHandler = {
  async enter(run) {
    const resource = typeof run.state.Resource === 'string' ? run.state.Resource : '';
    const taskToken = run.env.newTaskToken ? run.env.newTaskToken() : uuidFrom(run.env.random);
    run.context = { ...run.context, Task: { Token: taskToken } };
    run.contextObject = undefined;
    const input = await stateParameters(run, run.language === 'JSONata' ? 'Arguments' : 'Parameters');
    const parametersText = serializePayload(run, input);
    const baseInput = run.language === 'JSONata' ? run.input : effectiveInput(run);
    const timeoutSeconds = await resolveSeconds(run, 'TimeoutSeconds', baseInput);
    const heartbeatSeconds = await resolveSeconds(run, 'HeartbeatSeconds', baseInput);
    const timeouts: JsonObject = {};
    if (timeoutSeconds !== undefined) timeouts.timeoutInSeconds = timeoutSeconds;
    if (heartbeatSeconds !== undefined) timeouts.heartbeatInSeconds = heartbeatSeconds;
    if (activityName(resource) !== undefined) {
      run.history.add('ActivityScheduled', 'activityScheduledEventDetails', {
        resource,
        ...inputDetails(parametersText),
        ...timeouts,
      });
    } else {
      const parts = resourceParts(resource);
      run.history.add('TaskScheduled', 'taskScheduledEventDetails', {
        ...parts,
        region: 'us-east-1',
        parameters: parametersText,
        ...timeouts,
      });
      run.history.add('TaskStarted', 'taskStartedEventDetails', parts);
    }
    const effect: Effect = { type: 'InvokeTask', resource, input, taskToken };
    if (timeoutSeconds !== undefined) {
      effect.timeoutSeconds = timeoutSeconds;
      effect.timeoutAt = addSeconds(run.env.now, timeoutSeconds);
    }
    if (heartbeatSeconds !== undefined) effect.heartbeatSeconds = heartbeatSeconds;
    return pauseState(run, 'task', effect, { resource });
  },

  async resume(run, continuation, event) {
    const resource = continuation.resource ?? '';
    const activity = activityName(resource) !== undefined;
    const parts = activity ? {} : resourceParts(resource);
    if (event.type === 'TaskSucceeded') {
      const text = serializePayload(run, event.output);
      if (activity)
        run.history.add('ActivitySucceeded', 'activitySucceededEventDetails', outputDetails(text));
      else
        run.history.add('TaskSucceeded', 'taskSucceededEventDetails', {
          ...parts,
          ...payloadDetails(text, 'output'),
        });
      const { output, assigned } = await processResult(run, event.output, true);
      return exitState(run, output, assigned);
    }
    if (event.type === 'TaskFailed' || event.type === 'TaskTimedOut') {
      const details: JsonObject = { ...parts, error: event.error };
      if (event.cause !== undefined) details.cause = event.cause;
      const [type, key] = (activity ? ACTIVITY_ENDINGS : TASK_ENDINGS)[event.type];
      run.history.add(type, key, details);
      return handleFailure(run, event.error, event.cause);
    }
    return stillPaused(run, continuation);
  },
};

/** The history event (type, details member) of a failed or timed-out task, by resource kind. */
const TASK_ENDINGS = {
  TaskFailed: ['TaskFailed', 'taskFailedEventDetails'],
  TaskTimedOut: ['TaskTimedOut', 'taskTimedOutEventDetails'],
} as const;
const ACTIVITY_ENDINGS = {
  TaskFailed: ['ActivityFailed', 'activityFailedEventDetails'],
  TaskTimedOut: ['ActivityTimedOut', 'activityTimedOutEventDetails'],
} as const;
