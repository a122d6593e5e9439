import { describe, expect, it } from 'vitest';
import { errorMessages, findings, single } from './test-support';

const processor = { StartAt: 'X', States: { X: { Type: 'Succeed' } } };

describe('Task', () => {
  it.each([
    'approval',
    'http:invoke',
    'email:send',
    'activity:pack',
    'function:charge',
    'arn:aws:states:::mock',
    'arn:aws:states:::lambda:invoke',
    'http:invoke.waitForTaskToken',
    'function:charge.waitForTaskToken',
  ])('accepts the resource %s', (resource) => {
    const parameters = resource.startsWith('approval') ? { Parameters: { Approvers: ['a@x.io'] } } : {};
    expect(findings(single({ Type: 'Task', Resource: resource, End: true, ...parameters }))).toEqual([]);
  });

  it('rejects an unknown resource, with a suggestion when one is close', () => {
    expect(findings(single({ Type: 'Task', Resource: 'lambda:charge', End: true }))).toEqual([
      { path: '/States/S/Resource', code: 'INVALID_RESOURCE' },
    ]);
    expect(errorMessages(single({ Type: 'Task', Resource: 'emial:send', End: true }))).toEqual([
      '"emial:send" is not a known resource — did you mean "email:send"?',
    ]);
  });

  it('requires positive integer timeouts, a heartbeat below the timeout, and not both a value and its Path', () => {
    const bad = single({
      Type: 'Task',
      Resource: 'function:f',
      TimeoutSeconds: 0,
      HeartbeatSeconds: 1.5,
      End: true,
    });
    expect(findings(bad)).toEqual([
      { path: '/States/S/TimeoutSeconds', code: 'INVALID_VALUE' },
      { path: '/States/S/HeartbeatSeconds', code: 'INVALID_TYPE' },
    ]);
    const inverted = single({
      Type: 'Task',
      Resource: 'function:f',
      TimeoutSeconds: 60,
      HeartbeatSeconds: 60,
      TimeoutSecondsPath: '$.t',
      End: true,
    });
    expect(findings(inverted)).toEqual([
      { path: '/States/S/TimeoutSecondsPath', code: 'CONFLICTING_FIELDS' },
      { path: '/States/S/HeartbeatSeconds', code: 'INVALID_VALUE' },
    ]);
    expect(errorMessages(inverted)[1]).toBe(
      '"HeartbeatSeconds" (60) must be less than "TimeoutSeconds" (60).',
    );
  });
});

describe('Wait', () => {
  it('requires exactly one of Seconds, Timestamp, SecondsPath, TimestampPath', () => {
    expect(findings(single({ Type: 'Wait', End: true }))).toEqual([
      { path: '/States/S', code: 'MISSING_FIELD' },
    ]);
    expect(errorMessages(single({ Type: 'Wait', End: true }))).toEqual([
      'a Wait state must have exactly one of "Seconds", "Timestamp", "SecondsPath", "TimestampPath".',
    ]);
    expect(findings(single({ Type: 'Wait', Seconds: 5, SecondsPath: '$.s', End: true }))).toEqual([
      { path: '/States/S/SecondsPath', code: 'CONFLICTING_FIELDS' },
    ]);
  });

  it('checks Seconds range and the Timestamp format', () => {
    expect(findings(single({ Type: 'Wait', Seconds: -1, End: true }))).toEqual([
      { path: '/States/S/Seconds', code: 'INVALID_VALUE' },
    ]);
    expect(findings(single({ Type: 'Wait', Timestamp: '2026-01-01 10:00:00', End: true }))).toEqual([
      { path: '/States/S/Timestamp', code: 'INVALID_VALUE' },
    ]);
    expect(findings(single({ Type: 'Wait', Timestamp: '2026-01-01T10:00:00.5+02:00', End: true }))).toEqual(
      [],
    );
  });
});

describe('Fail', () => {
  it('rejects Error with ErrorPath and Cause with CausePath', () => {
    expect(
      findings(single({ Type: 'Fail', Error: 'E', ErrorPath: '$.e', Cause: 'c', CausePath: '$.c' })),
    ).toEqual([
      { path: '/States/S/ErrorPath', code: 'CONFLICTING_FIELDS' },
      { path: '/States/S/CausePath', code: 'CONFLICTING_FIELDS' },
    ]);
  });

  it('has no InputPath or OutputPath', () => {
    expect(findings(single({ Type: 'Fail', InputPath: '$' }))).toEqual([
      { path: '/States/S/InputPath', code: 'UNKNOWN_FIELD' },
    ]);
  });
});

describe('Parallel and Map', () => {
  it('validates branches recursively, with their own namespaces', () => {
    const definition = single({
      Type: 'Parallel',
      End: true,
      Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass' } } }, { States: {} }, 'branch'],
    });
    expect(findings(definition)).toEqual([
      { path: '/States/S/Branches/0/States/A', code: 'MISSING_FIELD' },
      { path: '/States/S/Branches/1', code: 'MISSING_FIELD' },
      { path: '/States/S/Branches/1/States', code: 'INVALID_VALUE' },
      { path: '/States/S/Branches/2', code: 'SCHEMA_VALIDATION_FAILED' },
    ]);
    expect(findings(single({ Type: 'Parallel', Branches: [], End: true }))).toEqual([
      { path: '/States/S/Branches', code: 'INVALID_VALUE' },
    ]);
  });

  it('validates the item processor and the Map fields', () => {
    const definition = single({
      Type: 'Map',
      End: true,
      MaxConcurrency: -1,
      ToleratedFailurePercentage: 100.5,
      ToleratedFailureCount: 1.5,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'FAST' },
        StartAt: 'X',
        States: { X: { Type: 'Pass', Next: 'Y' } },
      },
    });
    expect(findings(definition)).toEqual([
      { path: '/States/S/MaxConcurrency', code: 'INVALID_VALUE' },
      { path: '/States/S/ToleratedFailurePercentage', code: 'INVALID_VALUE' },
      { path: '/States/S/ToleratedFailureCount', code: 'INVALID_TYPE' },
      { path: '/States/S/ItemProcessor/States/X/Next', code: 'UNKNOWN_STATE' },
      { path: '/States/S/ItemProcessor/ProcessorConfig/Mode', code: 'INVALID_VALUE' },
    ]);
  });

  it('accepts the legacy Iterator and Parameters, but not with their replacements', () => {
    expect(
      findings(
        single({ Type: 'Map', Iterator: processor, Parameters: { 'v.$': '$$.Map.Item.Value' }, End: true }),
      ),
    ).toEqual([]);
    const both = single({
      Type: 'Map',
      Iterator: processor,
      ItemProcessor: processor,
      Parameters: {},
      ItemSelector: {},
      End: true,
    });
    expect(findings(both)).toEqual([
      { path: '/States/S/Iterator', code: 'CONFLICTING_FIELDS' },
      { path: '/States/S/Parameters', code: 'CONFLICTING_FIELDS' },
      { path: '/States/S/Iterator/States/X', code: 'DUPLICATE_STATE_NAME' },
    ]);
  });
});
