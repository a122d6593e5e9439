/**
 * Parallel: starts every branch on the same input (the engine runs them), then joins: the
 * results in branch order, or the first failure (then Retry / Catch). Branches see the outer
 * variables read-only; what they assign stays inside.
 */
import { processResult, stateParameters } from '../dataflow';
import { StatesErrorName } from '../errors';
import { handleFailure } from '../failure';
import { exitState, pauseState, stillPaused } from '../step-run';
import type { JsonValue } from '../types';
import type { StateHandler } from './state-handler';
import { subDefinition } from './sub-definition';

export const parallelState: StateHandler = {
  async enter(run) {
    const input = await stateParameters(run, run.language === 'JSONata' ? 'Arguments' : 'Parameters');
    const branches = Array.isArray(run.state.Branches) ? run.state.Branches : [];
    run.history.add('ParallelStateStarted');
    return pauseState(run, 'branches', {
      type: 'StartBranches',
      kind: 'Parallel',
      branches: branches.map((branch) => ({ definition: subDefinition(branch, run.definition), input })),
      variables: run.variables,
    });
  },

  async resume(run, continuation, event) {
    if (event.type !== 'BranchesCompleted') return stillPaused(run, continuation);
    const failed = event.outcomes.find((o) => o.status === 'FAILED');
    if (failed && failed.status === 'FAILED') {
      run.history.add('ParallelStateFailed');
      return handleFailure(run, failed.error ?? StatesErrorName.BranchFailed, failed.cause);
    }
    run.history.add('ParallelStateSucceeded');
    const results: JsonValue[] = event.outcomes.map((o) => (o.status === 'SUCCEEDED' ? o.output : null));
    const { output, assigned } = await processResult(run, results, true);
    return exitState(run, output, assigned);
  },
};
