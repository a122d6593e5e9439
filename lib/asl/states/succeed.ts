/** Succeed: ends the (sub)execution successfully with its (filtered) input. */
import { effectiveInput } from '../dataflow';
import { evaluateJsonataTemplate } from '../jsonata/evaluate';
import { selectPath } from '../paths/io-paths';
import { exitState, jsonataScope, pathScope } from '../step-run';
import type { StateHandler } from './state-handler';

export const succeedState: StateHandler = {
  async enter(run) {
    if (run.language === 'JSONata') {
      const output =
        run.state.Output === undefined
          ? run.input
          : await evaluateJsonataTemplate(run.state.Output, 'Output', jsonataScope(run));
      return exitState(run, output);
    }
    const output = selectPath(run.state.OutputPath, pathScope(run, effectiveInput(run)));
    return exitState(run, output);
  },
};
