/** Pass: passes its input (or `Result`, or `Parameters`) to its output, through the dataflow. */
import { processResult, stateParameters } from '../dataflow';
import { exitState } from '../step-run';
import type { StateHandler } from './state-handler';

export const passState: StateHandler = {
  async enter(run) {
    if (run.language === 'JSONata') {
      const { output, assigned } = await processResult(run, run.input, false);
      return exitState(run, output, assigned);
    }
    const result = run.state.Result !== undefined ? run.state.Result : await stateParameters(run);
    const { output, assigned } = await processResult(run, result, false);
    return exitState(run, output, assigned);
  },
};
