import { describe, expect, it } from 'vitest';
import { errorMessages, findings, single, singleJsonata } from './test-support';

const approval = (parameters: unknown) =>
  single({ Type: 'Task', Resource: 'approval', Parameters: parameters, End: true });

describe('approval Task payload', () => {
  it('accepts the DESIGN.md example', () => {
    const parameters = {
      'Title.$': "States.Format('Approve order {} ({} EUR)', $.orderId, $.total)",
      'Details.$': '$.order',
      Approvers: ['alice@example.com', 'group:finance'],
      Policy: { Mode: 'quorum', Count: 2 },
      AllowSelfApproval: false,
      OnReject: 'fail',
    };
    expect(findings(approval(parameters))).toEqual([]);
  });

  it('accepts computed Approvers and Policy fields', () => {
    expect(findings(approval({ 'Approvers.$': '$.approvers', Policy: { 'Mode.$': '$.mode' } }))).toEqual([]);
    const jsonata = singleJsonata({
      Type: 'Task',
      Resource: 'approval',
      Arguments: { Approvers: '{% $states.input.approvers %}' },
      End: true,
    });
    expect(findings(jsonata)).toEqual([]);
  });

  it('requires Parameters (or Arguments in JSONata) with Approvers', () => {
    expect(findings(single({ Type: 'Task', Resource: 'approval', End: true }))).toEqual([
      { path: '/States/S', code: 'INVALID_APPROVAL' },
    ]);
    expect(
      findings(singleJsonata({ Type: 'Task', Resource: 'approval.waitForTaskToken', End: true })),
    ).toEqual([{ path: '/States/S', code: 'INVALID_APPROVAL' }]);
    expect(errorMessages(approval({ Title: 'x' }))).toEqual([
      'an approval needs "Approvers": emails, group:NAME entries or outside addresses.',
    ]);
    expect(findings(approval({ Approvers: [] }))).toEqual([
      { path: '/States/S/Parameters/Approvers', code: 'INVALID_APPROVAL' },
    ]);
  });

  it('requires an object payload, though other Tasks may pass any JSON value as Parameters', () => {
    expect(findings(approval([{ Approvers: ['a@x.io'] }]))).toEqual([
      { path: '/States/S/Parameters', code: 'INVALID_APPROVAL' },
    ]);
    expect(errorMessages(approval('a@x.io'))).toEqual([
      'an approval Task\'s "Parameters" must be an object with at least "Approvers", not string.',
    ]);
  });

  it('checks Policy.Mode, the quorum Count and OnReject', () => {
    const parameters = { Approvers: ['a@x.io'], Policy: { Mode: 'majority' }, OnReject: 'ignore' };
    expect(findings(approval(parameters))).toEqual([
      { path: '/States/S/Parameters/OnReject', code: 'INVALID_APPROVAL' },
      { path: '/States/S/Parameters/Policy/Mode', code: 'INVALID_APPROVAL' },
    ]);
    expect(findings(approval({ Approvers: ['a@x.io'], Policy: { Mode: 'quorum' } }))).toEqual([
      { path: '/States/S/Parameters/Policy', code: 'INVALID_APPROVAL' },
    ]);
    expect(findings(approval({ Approvers: ['a@x.io'], Policy: { Mode: 'quorum', Count: 0 } }))).toEqual([
      { path: '/States/S/Parameters/Policy/Count', code: 'INVALID_APPROVAL' },
    ]);
    expect(
      findings(approval({ Approvers: ['a@x.io'], Policy: { Mode: 'all', Count: 2 } }), 'WARNING'),
    ).toEqual([{ path: '/States/S/Parameters/Policy/Count', code: 'INVALID_APPROVAL' }]);
  });
});
