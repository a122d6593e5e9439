import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeChoiceRule } from './choice-words';
import { buildWorkflowGraph, type WorkflowGraphModel } from './graph-model';

const seed = (file: string) => readFileSync(join('prisma/seed/workflows', file), 'utf8');
const REALWORLD = join('..', 'shared', 'realworld');

/** Every state of a definition, nested ones included. */
function countStates(machine: { States?: Record<string, Record<string, unknown>> }): number {
  return Object.values(machine.States ?? {}).reduce((n, state) => {
    const nested = [
      ...((state.Branches as object[] | undefined) ?? []),
      ...[state.ItemProcessor ?? state.Iterator].filter(Boolean),
    ] as { States?: Record<string, Record<string, unknown>> }[];
    return n + 1 + nested.reduce((m, b) => m + countStates(b), 0);
  }, 0);
}

function checkWellFormed(model: WorkflowGraphModel) {
  const ids = model.nodes.map((n) => n.id);
  expect(new Set(ids).size).toBe(ids.length);
  const known = new Set(ids);
  for (const edge of model.edges) {
    expect(known.has(edge.source), edge.id).toBe(true);
    expect(known.has(edge.target), edge.id).toBe(true);
  }
  for (const node of model.nodes) if (node.parentId) expect(known.has(node.parentId), node.id).toBe(true);
  // parents come before their children (React Flow needs it)
  const seen = new Set<string>();
  for (const node of model.nodes) {
    if (node.parentId) expect(seen.has(node.parentId), node.id).toBe(true);
    seen.add(node.id);
  }
}

describe('buildWorkflowGraph', () => {
  it('draws the order workflow: Choice rule in words, Default, Catch apart, Parallel branches as groups', () => {
    const model = buildWorkflowGraph(seed('order-fulfilment.asl.json'));
    checkWellFormed(model);
    const edge = (source: string, target: string) =>
      model.edges.find((e) => e.source === source && e.target === target);
    expect(edge('CheckTotal', 'ManagerApproval')).toMatchObject({ kind: 'choice', label: '$.total > 1000' });
    expect(edge('CheckTotal', 'Fulfil')).toMatchObject({ kind: 'default', label: 'Default' });
    expect(edge('ManagerApproval', 'NotifyRejected')).toMatchObject({
      kind: 'catch',
      label: 'Approval.Rejected',
    });
    expect(edge('ManagerApproval', 'Fulfil')).toMatchObject({ kind: 'next' });
    expect(model.nodes.find((n) => n.id === 'ManagerApproval')).toMatchObject({
      summary: 'Approval',
      approvers: expect.arrayContaining(['manager@example.com']),
    });
    const branches = model.nodes.filter((n) => n.parentId === 'Fulfil');
    expect(branches.map((b) => b.kind)).toEqual(['branch', 'branch']);
    expect(model.nodes.filter((n) => n.parentId === 'Fulfil/0').map((n) => n.label)).toEqual([
      'ReserveStock',
    ]);
    expect(edge('__start', 'CheckTotal')).toBeDefined();
    expect(
      model.edges
        .filter((e) => e.target === '__end')
        .map((e) => e.source)
        .sort(),
    ).toEqual(['Rejected', 'Shipped']);
  });

  it('draws a Map item processor as a group holding its states', () => {
    const model = buildWorkflowGraph(seed('data-processing-review.asl.json'));
    checkWellFormed(model);
    expect(model.nodes.find((n) => n.id === 'CleanRecords')).toMatchObject({ kind: 'group', type: 'Map' });
    expect(
      model.nodes
        .filter((n) => n.parentId === 'CleanRecords/items')
        .map((n) => n.label)
        .sort(),
    ).toEqual(['CheckRecord', 'Flag', 'Keep']);
    expect(model.edges.find((e) => e.source === 'CleanRecords/items/CheckRecord')?.label).toBe(
      '$.amount < 0',
    );
  });

  it('keeps equal names in two branches apart', () => {
    const branch = { StartAt: 'Work', States: { Work: { Type: 'Pass', End: true } } };
    const model = buildWorkflowGraph({
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [branch, branch], End: true } },
    });
    checkWellFormed(model);
    expect(model.nodes.filter((n) => n.label === 'Work').map((n) => n.id)).toEqual(['P/0/Work', 'P/1/Work']);
  });

  it('draws what it can of a half-typed definition and nothing of unreadable text', () => {
    expect(buildWorkflowGraph('{"StartAt": "A", "States": {')).toEqual({ nodes: [], edges: [] });
    const model = buildWorkflowGraph({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'Missing' }, B: 7 },
    });
    checkWellFormed(model);
    expect(model.nodes.map((n) => n.id)).toEqual(['__start', '__end', 'A', 'B']);
    expect(model.edges.map((e) => e.id)).toEqual(['__start->A:next0']);
  });

  it('draws each of the 258 public state machines whole: every state a node, every edge between known nodes', () => {
    const files = readdirSync(REALWORLD).filter((f) => /^\d+\.json$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(258);
    for (const file of files) {
      const definition = JSON.parse(readFileSync(join(REALWORLD, file), 'utf8'));
      const model = buildWorkflowGraph(definition);
      checkWellFormed(model);
      const drawn = model.nodes.filter((n) => n.kind === 'state' || n.kind === 'group').length;
      expect(drawn, file).toBe(countStates(definition));
    }
  });
});

describe('describeChoiceRule', () => {
  it.each([
    [{ Variable: '$.status', StringEquals: 'ok' }, '$.status == "ok"'],
    [{ Variable: '$.n', NumericLessThanEqualsPath: '$.max' }, '$.n <= $.max'],
    [{ Variable: '$.vip', IsPresent: true }, '$.vip is present'],
    [{ Variable: '$.x', IsNull: false }, '$.x is not null'],
    [{ Variable: '$.when', TimestampGreaterThan: '2024-01-01T00:00:00Z' }, '$.when > "2024-01-01T00:00:00Z"'],
    [{ Variable: '$.name', StringMatches: 'a*' }, '$.name matches "a*"'],
    [
      {
        And: [
          { Variable: '$.a', BooleanEquals: true },
          {
            Not: {
              Or: [
                { Variable: '$.b', NumericEquals: 1 },
                { Variable: '$.c', IsString: true },
              ],
            },
          },
        ],
      },
      '$.a == true and not ($.b == 1 or $.c is a string)',
    ],
    [{ Condition: '{% $states.input.total > 1000 %}' }, '$states.input.total > 1000'],
    [{ Variable: '$.x', Nonsense: 1 }, '?'],
  ])('%j reads as %s', (rule, words) => {
    expect(describeChoiceRule(rule)).toBe(words);
  });

  it('cuts a long rule', () => {
    const words = describeChoiceRule({ Variable: `$.${'x'.repeat(100)}`, IsPresent: true });
    expect(words).toHaveLength(60);
    expect(words.endsWith('…')).toBe(true);
  });
});
