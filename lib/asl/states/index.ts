/** One module per state type, looked up by `Type`. */
import { choiceState } from './choice';
import { failStateHandler } from './fail';
import { mapState } from './map';
import { parallelState } from './parallel';
import { passState } from './pass';
import { succeedState } from './succeed';
import { taskState } from './task';
import { waitState } from './wait';
import type { StateHandler } from './state-handler';

export const stateHandlers: Record<string, StateHandler> = {
  Pass: passState,
  Task: taskState,
  Choice: choiceState,
  Wait: waitState,
  Succeed: succeedState,
  Fail: failStateHandler,
  Parallel: parallelState,
  Map: mapState,
};
