import { describe, expect, it } from 'vitest';
import { executionsHref, parseExecutionFilters, parseInstant } from './filters';

describe('parseExecutionFilters', () => {
  it('turns the query params into listExecutions options', () => {
    const { filters, problems, values } = parseExecutionFilters({
      status: 'FAILED',
      workflow: 'wf-1',
      version: '3',
      from: '2026-03-01',
      to: '2026-03-02',
      name: 'order-',
      error: 'States.Timeout',
      cursor: 'abc',
    });
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      status: 'FAILED',
      workflowId: 'wf-1',
      version: 3,
      startedAfter: new Date('2026-03-01T00:00:00Z'),
      startedBefore: new Date('2026-03-03T00:00:00Z'), // the whole of the "to" day
      namePrefix: 'order-',
      error: 'States.Timeout',
      nextToken: 'abc',
    });
    expect(values.from).toBe('2026-03-01T00:00');
    expect(values.to).toBe('2026-03-03T00:00');
  });

  it('reads the dashboard links (ISO times) and datetime-local values as UTC', () => {
    const { filters } = parseExecutionFilters({ from: '2026-03-02T13:00:00.000Z', to: '2026-03-02T14:30' });
    expect(filters.startedAfter).toEqual(new Date('2026-03-02T13:00:00Z'));
    expect(filters.startedBefore).toEqual(new Date('2026-03-02T14:30:00Z'));
    expect(parseInstant('2026-03-02T14:30:00+02:00')).toEqual(new Date('2026-03-02T12:30:00Z'));
  });

  it('says what is wrong with each bad param and leaves it out', () => {
    const { filters, problems } = parseExecutionFilters({
      status: 'BROKEN',
      version: 'two',
      from: 'yesterday',
      to: '2026-13-45',
      name: '',
    });
    expect(filters).toEqual({ type: 'STANDARD' }); // Standard runs unless asked for Express
    expect(problems).toEqual([
      'There is no status "BROKEN": choose one of RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE.',
      'The version must be a whole number from 1 ("two" is not).',
      '"Started from" is not a time: use a date like 2026-03-02 or 2026-03-02T14:30 (UTC).',
      '"Started before" is not a time: use a date like 2026-03-02 or 2026-03-02T14:30 (UTC).',
    ]);
    expect(parseExecutionFilters({ from: '2026-03-02', to: '2026-03-01' }).problems).toEqual([
      '"Started from" must come before "Started before".',
    ]);
    expect(parseExecutionFilters({ cursor: 'x'.repeat(2001) }).problems).toHaveLength(1);
  });

  it('lists Standard runs unless Express is asked for, or a workflow is named', () => {
    expect(parseExecutionFilters({}).filters.type).toBe('STANDARD');
    expect(parseExecutionFilters({ type: 'express' }).filters.type).toBe('EXPRESS');
    expect(parseExecutionFilters({ workflow: 'quote' }).filters.type).toBeUndefined();
    expect(parseExecutionFilters({ mapRun: 'run-1' }).filters).toEqual({ mapRunId: 'run-1' });
    expect(parseExecutionFilters({ workflow: 'quote', type: 'standard' }).filters.type).toBe('STANDARD');
    expect(parseExecutionFilters({ type: 'fast' }).problems).toEqual([
      'There is no execution type "fast": choose standard or express.',
    ]);
  });

  it('takes the first of repeated params', () => {
    expect(parseExecutionFilters({ status: ['RUNNING', 'FAILED'] }).filters.status).toBe('RUNNING');
  });
});

describe('executionsHref', () => {
  it('keeps the filters and swaps the cursor', () => {
    expect(executionsHref({ status: 'FAILED', cursor: 'a' }, { cursor: 'b' })).toBe(
      '/admin/executions?status=FAILED&cursor=b',
    );
    expect(executionsHref({ status: 'FAILED', cursor: 'a' }, { cursor: undefined })).toBe(
      '/admin/executions?status=FAILED',
    );
    expect(executionsHref({})).toBe('/admin/executions');
  });
});
