/**
 * A large definition for measuring and checking the graph: `blocks` repeats of a Choice, a
 * Task with a Catch, and a Parallel whose branches hold a Map and a nested Parallel; 12 blocks
 * make 204 states. Used by the layout test, the bench and the end-to-end graph test.
 */
type State = Record<string, unknown>;

function chain(prefix: string, names: string[], last: State = { End: true }): Record<string, State> {
  return Object.fromEntries(
    names.map((name, i) => [
      `${prefix}${name}`,
      { Type: 'Pass', ...(i === names.length - 1 ? last : { Next: `${prefix}${names[i + 1]}` }) },
    ]),
  );
}

function block(i: number, next: string | undefined): Record<string, State> {
  const p = `B${i}`;
  const end = next ? { Next: next } : { End: true };
  return {
    [`${p}Check`]: {
      Type: 'Choice',
      Choices: [{ Variable: `$.n${i}`, NumericGreaterThan: i * 10, Next: `${p}Big` }],
      Default: `${p}Small`,
    },
    [`${p}Big`]: { Type: 'Pass', Next: `${p}Work` },
    [`${p}Small`]: { Type: 'Pass', Next: `${p}Work` },
    [`${p}Work`]: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Catch: [{ ErrorEquals: ['States.ALL'], Next: `${p}Recover` }],
      Next: `${p}Fan`,
    },
    [`${p}Recover`]: { Type: 'Pass', Next: `${p}Fan` },
    [`${p}Fan`]: {
      Type: 'Parallel',
      Branches: [
        { StartAt: `${p}a1`, States: chain(`${p}`, ['a1', 'a2', 'a3']) },
        {
          StartAt: `${p}Items`,
          States: {
            [`${p}Items`]: {
              Type: 'Map',
              ItemsPath: '$.items',
              ItemProcessor: { StartAt: `${p}m1`, States: chain(`${p}`, ['m1', 'm2', 'm3']) },
              End: true,
            },
          },
        },
        {
          StartAt: `${p}Inner`,
          States: {
            [`${p}Inner`]: {
              Type: 'Parallel',
              Branches: [
                { StartAt: `${p}i1`, States: chain(`${p}`, ['i1', 'i2']) },
                { StartAt: `${p}j1`, States: chain(`${p}`, ['j1']) },
              ],
              End: true,
            },
          },
        },
      ],
      ...end,
    },
  };
}

export function largeDefinition(blocks = 12): { StartAt: string; States: Record<string, State> } {
  const states: Record<string, State> = {};
  for (let i = 0; i < blocks; i++)
    Object.assign(states, block(i, i + 1 < blocks ? `B${i + 1}Check` : undefined));
  return { StartAt: 'B0Check', States: states };
}
