/**
 * Map (inline processing; distributed-style processing runs the same way in-process): prepares
 * one input per item (ItemSelector / legacy Parameters, with `$$.Map.Item`), lets the engine run
 * the item processor (ItemProcessor or legacy Iterator) on each, then joins the results.
 */
import { effectiveInput, processResult } from '../dataflow';
import { StatesErrorName } from '../errors';
import { handleFailure } from '../failure';
import type { JsonValue } from '../json';
import { evaluateJsonataTemplate } from '../jsonata/evaluate';
import { evaluatePayloadTemplate } from '../paths/payload-template';
import { exitState, jsonataScope, pathScope, pauseState, stillPaused, type StateRun } from '../step-run';
import type { BranchOutcome } from '../types';
import type { StateHandler } from './state-handler';
import { exceedsTolerance, mapItems, mapMaxConcurrency, mapTolerance } from './map-config';
import { subDefinition } from './sub-definition';

const THRESHOLD_EXCEEDED = 'The specified tolerated failure threshold was exceeded';

export const mapState: StateHandler = {
  async enter(run) {
    const items = await mapItems(run);
    const maxConcurrency = await mapMaxConcurrency(run);
    const tolerance = await mapTolerance(run);
    const inputs: JsonValue[] = [];
    for (let i = 0; i < items.length; i++) inputs.push(await itemInput(run, i, items[i]));
    const processor = subDefinition(run.state.ItemProcessor ?? run.state.Iterator, run.definition);
    run.history.add('MapStateStarted', 'mapStateStartedEventDetails', { length: items.length });
    return pauseState(
      run,
      'branches',
      {
        type: 'StartBranches',
        kind: 'Map',
        branches: inputs.map((input, i) => ({
          definition: processor,
          input,
          item: { Index: i, Value: items[i] },
        })),
        variables: run.variables,
        maxConcurrency,
        ...(tolerance.count !== undefined ? { toleratedFailureCount: tolerance.count } : {}),
        ...(tolerance.percentage !== undefined ? { toleratedFailurePercentage: tolerance.percentage } : {}),
      },
      { tolerance },
    );
  },

  async resume(run, continuation, event) {
    if (event.type !== 'BranchesCompleted') return stillPaused(run, continuation);
    const failures = event.outcomes.filter(
      (o): o is Extract<BranchOutcome, { status: 'FAILED' }> => o.status === 'FAILED',
    );
    const tolerance = continuation.tolerance ?? {};
    if (exceedsTolerance(tolerance, failures.length, event.outcomes.length)) {
      run.history.add('MapStateFailed');
      if (tolerance.count === undefined && tolerance.percentage === undefined) {
        // An iteration that failed without an Error name (a Fail state without Error) fails the
        // Map, and then the execution, without one too (AWS, recorded); Retry / Catch still see it
        // as States.BranchFailed.
        const { error, cause } = failures[0];
        return handleFailure(run, error, cause, error ?? StatesErrorName.BranchFailed);
      }
      return handleFailure(run, StatesErrorName.ExceedToleratedFailureThreshold, THRESHOLD_EXCEEDED);
    }
    run.history.add('MapStateSucceeded');
    const results = event.outcomes.map((o) =>
      o.status === 'SUCCEEDED' ? o.output : { Error: o.error, Cause: o.cause ?? null },
    );
    const { output, assigned } = await processResult(run, results, true);
    return exitState(run, output, assigned);
  },
};

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
