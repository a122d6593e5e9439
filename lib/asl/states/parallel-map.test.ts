import { describe, expect, it } from 'vitest';
import { oneState, resume, step } from '../test-helpers';
import type { JsonObject } from '../json';
import type { ResumeEvent } from '../types';

const inner: JsonObject = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };

describe('Parallel state', () => {
  it('starts every branch on the effective input with the outer variables', async () => {
    const def = oneState({ Type: 'Parallel', Parameters: { 'x.$': '$.x' }, Branches: [inner, inner] });
    const paused = await step(def, { x: 1 }, { variables: { v: 1 } });
    expect(paused.effects).toEqual([
      {
        type: 'StartBranches',
        kind: 'Parallel',
        branches: [
          { definition: inner, input: { x: 1 } },
          { definition: inner, input: { x: 1 } },
        ],
        variables: { v: 1 },
      },
    ]);
    expect(paused.history.map((e) => e.type)).toEqual(['ParallelStateEntered', 'ParallelStateStarted']);
  });

  it('joins results in branch order through ResultSelector and ResultPath', async () => {
    const def = oneState({
      Type: 'Parallel',
      Branches: [inner, inner],
      ResultSelector: { 'first.$': '$[0]' },
      ResultPath: '$.r',
    });
    const done = await resume(def, await step(def, { a: 1 }), {
      type: 'BranchesCompleted',
      outcomes: [
        { status: 'SUCCEEDED', output: 'one' },
        { status: 'SUCCEEDED', output: 'two' },
      ],
    });
    expect(done.next).toEqual({ kind: 'succeed', output: { a: 1, r: { first: 'one' } } });
    expect(done.history.map((e) => e.type)).toEqual(['ParallelStateSucceeded', 'ParallelStateExited']);
  });

  it('fails with the failed branch error, which Catch can route', async () => {
    const def = oneState(
      { Type: 'Parallel', Branches: [inner], Catch: [{ ErrorEquals: ['Oops'], Next: 'H' }] },
      { H: { Type: 'Succeed' } },
    );
    const done = await resume(def, await step(def, {}), {
      type: 'BranchesCompleted',
      outcomes: [{ status: 'FAILED', error: 'Oops', cause: 'c' }],
    });
    expect(done.next).toEqual({ kind: 'goto', state: 'H', output: { Error: 'Oops', Cause: 'c' } });
  });

  it('inherits the top-level QueryLanguage in branches', async () => {
    const def = oneState({ Type: 'Parallel', Branches: [inner] }, {}, { QueryLanguage: 'JSONata' });
    const paused = await step(def, {});
    expect(paused.effects[0]).toMatchObject({
      branches: [{ definition: { ...inner, QueryLanguage: 'JSONata' } }],
    });
  });
});

describe('Map state', () => {
  it('builds one input per item with ItemSelector and $$.Map.Item', async () => {
    const def = oneState({
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 2,
      ItemSelector: { 'v.$': '$$.Map.Item.Value', 'i.$': '$$.Map.Item.Index', 'k.$': '$.k' },
      ItemProcessor: inner,
    });
    const paused = await step(def, { items: ['a', 'b'], k: 0 });
    expect(paused.effects[0]).toMatchObject({
      type: 'StartBranches',
      kind: 'Map',
      maxConcurrency: 2,
      branches: [
        { input: { v: 'a', i: 0, k: 0 }, item: { Index: 0, Value: 'a' } },
        { input: { v: 'b', i: 1, k: 0 }, item: { Index: 1, Value: 'b' } },
      ],
    });
    expect(paused.history[1]).toMatchObject({
      type: 'MapStateStarted',
      mapStateStartedEventDetails: { length: 2 },
    });
  });

  it('joins the item outputs in order', async () => {
    const def = oneState({ Type: 'Map', Iterator: inner });
    const done = await resume(def, await step(def, [1, 2]), {
      type: 'BranchesCompleted',
      outcomes: [
        { status: 'SUCCEEDED', output: 10 },
        { status: 'SUCCEEDED', output: 20 },
      ],
    });
    expect(done.next).toEqual({ kind: 'succeed', output: [10, 20] });
  });

  it('fails without an error name when an iteration failed without one and no catcher matches (AWS)', async () => {
    const failed: ResumeEvent = { type: 'BranchesCompleted', outcomes: [{ status: 'FAILED', error: null }] };
    const uncaught = oneState({
      Type: 'Map',
      ItemProcessor: inner,
      Catch: [{ ErrorEquals: ['State.ALL'], Next: 'H' }],
    });
    const done = await resume(uncaught, await step(uncaught, [1]), failed);
    expect(done.next).toEqual({ kind: 'fail', error: null, cause: undefined });
    expect(done.history.map((e) => e.type)).toEqual(['MapStateFailed']);
    const caught = oneState(
      { Type: 'Map', ItemProcessor: inner, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H' }] },
      { H: { Type: 'Succeed' } },
    );
    const handled = await resume(caught, await step(caught, [1]), failed);
    expect(handled.next).toEqual({
      kind: 'goto',
      state: 'H',
      output: { Error: 'States.BranchFailed', Cause: '' },
    });
  });

  it('tolerates failures up to ToleratedFailureCount, then fails with States.ExceedToleratedFailureThreshold', async () => {
    const def = oneState({ Type: 'Map', ToleratedFailureCount: 1, ItemProcessor: inner });
    const paused = await step(def, [1, 2, 3]);
    const oneFailure = await resume(def, paused, {
      type: 'BranchesCompleted',
      outcomes: [
        { status: 'FAILED', error: 'E', cause: 'c' },
        { status: 'SUCCEEDED', output: 2 },
        { status: 'SUCCEEDED', output: 3 },
      ],
    });
    expect(oneFailure.next).toEqual({ kind: 'succeed', output: [{ Error: 'E', Cause: 'c' }, 2, 3] });
    const twoFailures = await resume(def, paused, {
      type: 'BranchesCompleted',
      outcomes: [
        { status: 'FAILED', error: 'E' },
        { status: 'FAILED', error: 'E' },
        { status: 'SUCCEEDED', output: 3 },
      ],
    });
    expect(twoFailures.next).toEqual({
      kind: 'fail',
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
    });
  });

  it('validates ToleratedFailurePercentagePath and rejects non-array items', async () => {
    const def = oneState({
      Type: 'Map',
      ToleratedFailurePercentagePath: '$.p',
      ItemsPath: '$.i',
      ItemProcessor: inner,
    });
    expect((await step(def, { i: [], p: 150 })).next).toMatchObject({
      kind: 'fail',
      error: 'States.Runtime',
    });
    const notArray = await step(oneState({ Type: 'Map', ItemsPath: '$.i', ItemProcessor: inner }), {
      i: { a: 1 },
    });
    expect(notArray.next).toMatchObject({ kind: 'fail', error: 'States.Runtime' });
  });

  it('evaluates JSONata Items and ItemSelector with $states.context.Map.Item', async () => {
    const def = oneState({
      Type: 'Map',
      QueryLanguage: 'JSONata',
      Items: '{% $states.input.xs %}',
      ItemSelector: { v: '{% $states.context.Map.Item.Value * 10 %}' },
      ItemProcessor: inner,
    });
    const paused = await step(def, { xs: [1, 2] });
    expect(paused.effects[0]).toMatchObject({ branches: [{ input: { v: 10 } }, { input: { v: 20 } }] });
    const bad = await step(def, { xs: 'no' });
    expect(bad.next).toMatchObject({ kind: 'fail', error: 'States.QueryEvaluationError' });
  });
});
