import { describe, expect, it } from 'vitest';
import { formatDiagnostic, validateDefinition } from './validate';

const approvalFlow = {
  Comment: 'An order approval',
  StartAt: 'ManagerApproval',
  States: {
    ManagerApproval: {
      Type: 'Task',
      Resource: 'approval',
      Parameters: {
        'Title.$': "States.Format('Approve order {}', $.orderId)",
        Approvers: ['alice@example.com'],
        Policy: { Mode: 'any' },
      },
      TimeoutSeconds: 604800,
      ResultPath: '$.approval',
      Catch: [{ ErrorEquals: ['Approval.Rejected'], ResultPath: '$.rejection', Next: 'NotifyRejected' }],
      Next: 'Ship',
    },
    Ship: {
      Type: 'Task',
      Resource: 'function:ship',
      Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 3, BackoffRate: 2 }],
      End: true,
    },
    NotifyRejected: {
      Type: 'Task',
      Resource: 'email:send',
      Parameters: { 'To.$': '$.requester' },
      Next: 'Rejected',
    },
    Rejected: { Type: 'Fail', Error: 'Approval.Rejected' },
  },
};

describe('validateDefinition', () => {
  it('accepts a valid definition', () => {
    expect(validateDefinition(approvalFlow)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('accepts the definition as a JSON string', () => {
    expect(validateDefinition(JSON.stringify(approvalFlow))).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('reports a JSON syntax error at the root', () => {
    const result = validateDefinition('{"StartAt": "A", ');
    expect(result.ok).toBe(false);
    expect(result.errors.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: '', code: 'INVALID_JSON' },
    ]);
    expect(result.errors[0].message).toMatch(/^the definition is not valid JSON: /);
  });

  it('reports all five problems of a definition in one pass', () => {
    const broken = structuredClone(approvalFlow) as unknown as {
      States: Record<string, Record<string, unknown>>;
    };
    broken.States.ManagerApproval.Next = 'Shipp'; // 1. unknown state
    broken.States.Ship.TimeoutSeconds = -5; // 2. out of range
    broken.States.NotifyRejected.Resource = 'emial:send'; // 3. unknown resource
    broken.States.Rejected.Next = 'Ship'; // 4. Next on a terminal state
    broken.States.Ship.ResultPath = '$.items[*]'; // 5. not a reference path
    const result = validateDefinition(broken);
    expect(result.ok).toBe(false);
    expect(result.errors.map(formatDiagnostic)).toEqual([
      '/States/Ship/TimeoutSeconds: "TimeoutSeconds" must be at least 1 and at most 99999999, not -5.',
      '/States/Ship/ResultPath: "$.items[*]" must be a reference path to a single node: no wildcards, filters, slices, unions or "..".',
      '/States/NotifyRejected/Resource: "emial:send" is not a known resource — did you mean "email:send"?',
      '/States/Rejected/Next: a Fail state ends the execution, so it cannot have "Next".',
      '/States/ManagerApproval/Next: state "Shipp" does not exist — did you mean "Ship"?',
    ]);
    expect(result.warnings).toEqual([]); // Ship is still reached, through Rejected's (invalid) Next
  });

  it('separates warnings from errors: a warning alone keeps ok true', () => {
    const definition = { StartAt: 'A', States: { A: { Type: 'Succeed' }, B: { Type: 'Succeed' } } };
    const result = validateDefinition(definition);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        path: '/States/B',
        code: 'UNREACHABLE_STATE',
        message: 'state "B" is never reached from StartAt "A".',
        severity: 'WARNING',
      },
    ]);
  });

  it.each([null, 42, 'null', '[]', undefined])(
    'reports a non-object definition (%j) without throwing',
    (input) => {
      const result = validateDefinition(input);
      expect(result.ok).toBe(false);
      expect(result.errors.map((d) => d.code)).toEqual(['SCHEMA_VALIDATION_FAILED']);
    },
  );
});

describe('deep nesting', () => {
  it('stops at the nesting limit instead of overflowing the stack', () => {
    let machine: unknown = { StartAt: 'Leaf', States: { Leaf: { Type: 'Succeed' } } };
    for (let i = 0; i < 200; i++)
      machine = {
        StartAt: `P${i}`,
        States: { [`P${i}`]: { Type: 'Parallel', Branches: [machine], End: true } },
      };
    let payload: unknown = '$.x';
    for (let i = 0; i < 5000; i++) payload = { nested: payload };
    const codes = (definition: unknown) => [
      ...new Set(validateDefinition(definition).errors.map((d) => d.code)),
    ];
    expect(codes(machine)).toEqual(['NESTING_TOO_DEEP']);
    expect(codes({ StartAt: 'A', States: { A: { Type: 'Pass', Parameters: payload, End: true } } })).toEqual([
      'NESTING_TOO_DEEP',
    ]);
  });
});

describe('formatDiagnostic', () => {
  it('prefixes the pointer, and names the root', () => {
    expect(
      formatDiagnostic({
        path: '/States/Ship/Next',
        code: 'UNKNOWN_STATE',
        message: 'state "Shipp" does not exist — did you mean "Ship"?',
        severity: 'ERROR',
      }),
    ).toBe('/States/Ship/Next: state "Shipp" does not exist — did you mean "Ship"?');
    expect(
      formatDiagnostic({
        path: '',
        code: 'INVALID_JSON',
        message: 'the definition is not valid JSON.',
        severity: 'ERROR',
      }),
    ).toBe('(root): the definition is not valid JSON.');
  });
});
