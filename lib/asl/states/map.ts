/**
 * Map (inline processing; distributed-style processing runs the same way in-process): reads the
 * items (ItemsPath / Items, or an ItemReader the engine runs first: map-reader.ts), prepares one
 * input per item (ItemSelector / legacy Parameters, with `$$.Map.Item`; then ItemBatcher), lets
 * the engine run the item processor (ItemProcessor or legacy Iterator) on each, then joins the
 * results.
 */
import { effectiveInput, processResult } from '../dataflow';
import { StatesError, StatesErrorName } from '../errors';
import { handleFailure } from '../failure';
import type { JsonValue } from '../json';
import { evaluateJsonataTemplate } from '../jsonata/evaluate';
import { evaluatePayloadTemplate } from '../paths/payload-template';
import { exitState, jsonataScope, pathScope, pauseState, stillPaused, type StateRun } from '../step-run';
import type { BranchOutcome, Continuation, ResumeEvent } from '../types';
import type { StateHandler } from './state-handler';
import { exceedsTolerance, mapItems, mapMaxConcurrency, mapTolerance } from './map-config';
import { batchInputs, itemsFromReader, readerEffect, writerEffect } from './map-reader';
import { subDefinition } from './sub-definition';

const THRESHOLD_EXCEEDED = 'The specified tolerated failure threshold was exceeded';

export const mapState: StateHandler = {
  async enter(run) {
    const reader = await readerEffect(run);
    if (reader) return pauseState(run, 'reading', reader);
    return startItems(run, await mapItems(run));
  },

  async resume(run, continuation, event) {
    if (continuation.phase === 'reading') {
      if (event.type === 'TaskSucceeded') {
        let items: JsonValue[];
        try {
          items = await itemsFromReader(run, event.output);
        } catch (error) {
          if (!(error instanceof StatesError)) throw error;
          return handleFailure(run, error.error, error.cause);
        }
        return startItems(run, items);
      }
      if (event.type === 'TaskFailed' || event.type === 'TaskTimedOut')
        return handleFailure(
          run,
          StatesErrorName.ItemReaderFailed,
          `The item reader failed: ${event.error}${event.cause ? `: ${event.cause}` : ''}`,
        );
      return stillPaused(run, continuation);
    }
    if (continuation.phase === 'writing') return written(run, continuation, event);
    return joinItems(run, continuation, event);
  },
};

/** Prepares each item's input (ItemSelector, then ItemBatcher) and starts the item processor on each. */
async function startItems(run: StateRun, items: JsonValue[]) {
  const maxConcurrency = await mapMaxConcurrency(run);
  const tolerance = await mapTolerance(run);
  const prepared: JsonValue[] = [];
  for (let i = 0; i < items.length; i++) prepared.push(await itemInput(run, i, items[i]));
  const inputs = await batchInputs(run, prepared);
  const batched = inputs !== prepared;
  const processor = subDefinition(run.state.ItemProcessor ?? run.state.Iterator, run.definition);
  run.history.add('MapStateStarted', 'mapStateStartedEventDetails', { length: inputs.length });
  return pauseState(
    run,
    'branches',
    {
      type: 'StartBranches',
      kind: 'Map',
      branches: inputs.map((input, i) => ({
        definition: processor,
        input,
        item: { Index: i, Value: batched ? input : items[i] },
      })),
      variables: run.variables,
      maxConcurrency,
      ...(tolerance.count !== undefined ? { toleratedFailureCount: tolerance.count } : {}),
      ...(tolerance.percentage !== undefined ? { toleratedFailurePercentage: tolerance.percentage } : {}),
      ...(isDistributed(run)
        ? { distributed: typeof run.state.Label === 'string' ? { label: run.state.Label } : {} }
        : {}),
    },
    { tolerance },
  );
}

/** The error of an item's processor stopped because another item failed the Map. */
const STOPPED_BY_SIBLING = 'States.Aborted';

/** Every item's processor ended: the results in item order, or the Map's failure. */
async function joinItems(run: StateRun, continuation: Continuation, event: ResumeEvent) {
  if (event.type !== 'BranchesCompleted') return stillPaused(run, continuation);
  const failures = event.outcomes.filter(
    (o): o is Extract<BranchOutcome, { status: 'FAILED' }> => o.status === 'FAILED',
  );
  const tolerance = continuation.tolerance ?? {};
  if (exceedsTolerance(tolerance, failures.length, event.outcomes.length)) {
    if (event.mapRunArn)
      run.history.add('MapRunFailed', 'mapRunFailedEventDetails', {
        error: 'States.ExceedToleratedFailureThreshold',
      });
    run.history.add('MapStateFailed');
    if (tolerance.count === undefined && tolerance.percentage === undefined) {
      // An iteration that failed without an Error name (a Fail state without Error) fails the
      // Map, and then the execution, without one too (AWS, recorded); Retry / Catch still see it
      // as States.BranchFailed.
      // The first failure in item order that is not a sibling stopped because of it: which
      // item ends first is a race between workers, the item that failed is not.
      const { error, cause } = failures.find((f) => f.error !== STOPPED_BY_SIBLING) ?? failures[0];
      return handleFailure(run, error, cause, error ?? StatesErrorName.BranchFailed);
    }
    return handleFailure(run, StatesErrorName.ExceedToleratedFailureThreshold, THRESHOLD_EXCEEDED);
  }
  if (event.mapRunArn) run.history.add('MapRunSucceeded');
  const writer = await writerEffect(run, event.outcomes, event.mapRunArn);
  if (writer) return pauseState(run, 'writing', writer);
  run.history.add('MapStateSucceeded');
  const results = event.outcomes.map((o) =>
    o.status === 'SUCCEEDED' ? o.output : { Error: o.error, Cause: o.cause ?? null },
  );
  const { output, assigned } = await processResult(run, results, true);
  return exitState(run, output, assigned);
}

/** The ResultWriter wrote the results: its answer (where they are) is the Map's result. */
async function written(run: StateRun, continuation: Continuation, event: ResumeEvent) {
  if (event.type === 'TaskSucceeded') {
    run.history.add('MapStateSucceeded');
    const { output, assigned } = await processResult(run, event.output, true);
    return exitState(run, output, assigned);
  }
  if (event.type === 'TaskFailed' || event.type === 'TaskTimedOut') {
    run.history.add('MapStateFailed');
    const cause = `The result writer failed: ${event.error}${event.cause ? `: ${event.cause}` : ''}`;
    return handleFailure(run, StatesErrorName.ResultWriterFailed, cause);
  }
  return stillPaused(run, continuation);
}

function isDistributed(run: StateRun): boolean {
  const processor = run.state.ItemProcessor as { ProcessorConfig?: { Mode?: unknown } } | undefined;
  return processor?.ProcessorConfig?.Mode === 'DISTRIBUTED';
}

async function itemInput(run: StateRun, index: number, value: JsonValue): Promise<JsonValue> {
  const selector = run.state.ItemSelector ?? run.state.Parameters;
  if (selector === undefined) return value;
  const itemRun: StateRun = {
    ...run,
    context: { ...run.context, Map: { Item: { Index: index, Value: value } } },
    contextObject: undefined,
  };
  if (run.language === 'JSONata')
    return evaluateJsonataTemplate(selector, 'ItemSelector', jsonataScope(itemRun));
  return evaluatePayloadTemplate(selector, pathScope(itemRun, effectiveInput(run)));
}
