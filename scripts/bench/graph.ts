/**
 * Graph layout benchmark: the console's graph of a 204-state definition with nested Parallel
 * and Map (lib/asl/graph/large-definition.ts), built and laid out by ELK as the browser does it,
 * in this process (no browser: the drawing itself is measured by the end-to-end graph test).
 * Reports the median and slowest of 7 runs after one warm-up.
 * Runnable alone: `npx tsx scripts/bench/graph.ts`.
 */
import { layoutWorkflowGraph } from '../../components/graph/layout';
import { buildWorkflowGraph } from '../../lib/asl/graph/graph-model';
import { largeDefinition } from '../../lib/asl/graph/large-definition';
import { runAlone } from './run-alone';

export async function benchGraph(): Promise<object[]> {
  const definition = JSON.stringify(largeDefinition());
  const once = async () => {
    const started = performance.now();
    await layoutWorkflowGraph(buildWorkflowGraph(definition));
    return performance.now() - started;
  };
  const cold = await once();
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) runs.push(await once());
  runs.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return [
    {
      metric: 'graph.layout_200_states_ms',
      value: round(runs[3]),
      max_ms: round(runs[6]),
      cold_ms: round(cold),
      states: 204,
    },
  ];
}

runAlone(import.meta.url, benchGraph);
