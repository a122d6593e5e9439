/** Wires Distributed Map runs to the engine's begin and stop (advance-execution.ts calls it on load). */
import { registerMapRuns } from '../advance/map-run';
import { beginExecution } from './begin-execution';
import { stopExecution } from './stop-execution';

export function registerDistributedMap(): void {
  registerMapRuns({
    begin: (tx, { executionId, path }) => beginExecution(tx, { executionId }, path),
    stop: stopExecution,
  });
}
