/**
 * ASL interpreter benchmark: a 10-state Pass/Choice loop (a counter incremented with
 * States.MathAdd, seven Pass states reshaping the payload, a Choice looping back until the
 * count is reached) run in memory, no database. Reports interpreter steps per second.
 * Runnable alone: `npx tsx scripts/bench/asl.ts` prints the JSON lines.
 */
import { runInMemory } from '../../lib/asl/driver';
import type { Definition } from '../../lib/asl/types';

const LOOPS = 50_000;
const STATES_PER_LOOP = 10;

function loopDefinition(limit: number): Definition {
  const passes: Definition['States'] = {};
  const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
  names.forEach((name, i) => {
    passes[name] = {
      Type: 'Pass',
      Parameters: { 'count.$': '$.count', 'step.$': '$$.State.Name', tag: name },
      Next: names[i + 1] ?? 'Check',
    };
  });
  return {
    StartAt: 'Init',
    States: {
      Init: { Type: 'Pass', Result: { count: 0 }, Next: 'Increment' },
      Increment: { Type: 'Pass', Parameters: { 'count.$': 'States.MathAdd($.count, 1)' }, Next: 'A' },
      ...passes,
      Check: {
        Type: 'Choice',
        Choices: [{ Variable: '$.count', NumericLessThan: limit, Next: 'Increment' }],
        Default: 'Done',
      },
      Done: { Type: 'Succeed' },
    },
  };
}

/** Runs the loop and returns `[{ metric: 'asl.steps_per_s', value }]`. */
export async function benchAsl(): Promise<object[]> {
  const warmup = loopDefinition(5_000);
  await runInMemory(warmup, {}, { maxEvents: Infinity, recordHistory: false });
  const definition = loopDefinition(LOOPS);
  const started = performance.now();
  const result = await runInMemory(definition, {}, { maxEvents: Infinity, recordHistory: false });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 'SUCCEEDED')
    throw new Error(`benchmark execution failed: ${result.error} ${result.cause}`);
  const steps = LOOPS * STATES_PER_LOOP + 2;
  return [{ metric: 'asl.steps_per_s', value: Math.round(steps / seconds) }];
}

if (process.argv[1] && /bench[\\/]asl\.ts$/.test(process.argv[1])) {
  benchAsl()
    .then((lines) => lines.forEach((line) => process.stdout.write(`${JSON.stringify(line)}\n`)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
