/**
 * A definition as a graph of nodes and edges, before any layout: one node per state (ids are
 * paths, so equal names in two branches stay apart), Parallel branches and Map item processors
 * as groups holding their states, edges for Next, each Choice rule (labelled in words), Default
 * and Catch. Pure and forgiving: it draws whatever part of a half-typed definition makes sense,
 * since the editor redraws on every keystroke.
 */
import { describeChoiceRule } from './choice-words';

type GraphNodeKind = 'start' | 'end' | 'state' | 'group' | 'branch';

export interface GraphNode {
  /** unique across the drawing: `Name`, `Parallel/0/Name`, `Map/items/Name` */
  id: string;
  kind: GraphNodeKind;
  /** the state's name (a branch's "Branch 1", an item processor's "Each item") */
  label: string;
  /** the state's Type (Task, Choice, …); for start/end/branch nodes their kind */
  type: string;
  /** the group node that holds this one (Parallel/Map state or a branch) */
  parentId?: string;
  /** what the state does, in a few words (a Task's resource, a Wait's seconds) */
  summary?: string;
  /** for `approval` Tasks: who is asked, as written */
  approvers?: string[];
  /** the state's JSON, for the details panel */
  definition?: unknown;
}

type GraphEdgeKind = 'next' | 'choice' | 'default' | 'catch';

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: GraphEdgeKind;
  /** a Choice rule in words (`$.total > 1000`), the errors a Catch takes, or "Default" */
  label?: string;
}

export interface WorkflowGraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Builds the graph of a definition (a parsed object or JSON text); an unreadable text gives an empty graph. */
export function buildWorkflowGraph(definition: unknown): WorkflowGraphModel {
  let parsed = definition;
  if (typeof definition === 'string') {
    try {
      parsed = JSON.parse(definition);
    } catch {
      return { nodes: [], edges: [] };
    }
  }
  const model: WorkflowGraphModel = { nodes: [], edges: [] };
  if (!isObject(parsed)) return model;
  model.nodes.push({ id: '__start', kind: 'start', label: 'Start', type: 'Start' });
  model.nodes.push({ id: '__end', kind: 'end', label: 'End', type: 'End' });
  const ends = addMachine(model, parsed, '', undefined);
  if (ends.first) addEdge(model, '__start', ends.first, 'next');
  for (const last of ends.terminals) addEdge(model, last, '__end', 'next');
  return model;
}

/** The node id of a state name inside the machine at `prefix`. */
function idOf(prefix: string, name: string): string {
  return prefix ? `${prefix}/${name}` : name;
}

/** Adds a (sub-)machine's states; returns its first node and the nodes that end it. */
function addMachine(
  model: WorkflowGraphModel,
  machine: Json,
  prefix: string,
  parentId: string | undefined,
): { first?: string; terminals: string[] } {
  const states = isObject(machine.States) ? machine.States : {};
  const names = new Set(Object.keys(states));
  const terminals: string[] = [];
  for (const [name, state] of Object.entries(states)) {
    const id = idOf(prefix, name);
    const body = isObject(state) ? state : {};
    const type = typeof body.Type === 'string' ? body.Type : 'Unknown';
    const node: GraphNode = {
      id,
      kind: type === 'Parallel' || type === 'Map' ? 'group' : 'state',
      label: name,
      type,
      definition: state,
      ...(parentId ? { parentId } : {}),
      ...summarize(type, body),
    };
    model.nodes.push(node);
    if (type === 'Parallel') addBranches(model, body, id);
    if (type === 'Map') addItemProcessor(model, body, id);
    const target = (next: unknown) =>
      typeof next === 'string' && names.has(next) ? idOf(prefix, next) : undefined;
    const next = target(body.Next);
    if (next) addEdge(model, id, next, 'next');
    if (type === 'Choice') {
      const rules = Array.isArray(body.Choices) ? body.Choices : [];
      rules.forEach((rule, i) => {
        const to = isObject(rule) ? target(rule.Next) : undefined;
        if (to) addEdge(model, id, to, 'choice', describeChoiceRule(rule), i);
      });
      const fallback = target(body.Default);
      if (fallback) addEdge(model, id, fallback, 'default', 'Default');
    }
    const catchers = Array.isArray(body.Catch) ? body.Catch : [];
    catchers.forEach((catcher, i) => {
      const to = isObject(catcher) ? target(catcher.Next) : undefined;
      if (to) addEdge(model, id, to, 'catch', catchLabel(catcher), i);
    });
    if (body.End === true || type === 'Succeed' || type === 'Fail') terminals.push(id);
  }
  const startAt =
    typeof machine.StartAt === 'string' && names.has(machine.StartAt) ? machine.StartAt : undefined;
  return { first: startAt ? idOf(prefix, startAt) : undefined, terminals };
}

function addBranches(model: WorkflowGraphModel, state: Json, id: string): void {
  const branches = Array.isArray(state.Branches) ? state.Branches : [];
  branches.forEach((branch, i) => {
    if (!isObject(branch)) return;
    const branchId = `${id}/${i}`;
    model.nodes.push({
      id: branchId,
      kind: 'branch',
      label: `Branch ${i + 1}`,
      type: 'Branch',
      parentId: id,
    });
    addMachine(model, branch, branchId, branchId);
  });
}

function addItemProcessor(model: WorkflowGraphModel, state: Json, id: string): void {
  const processor = isObject(state.ItemProcessor) ? state.ItemProcessor : state.Iterator;
  if (!isObject(processor)) return;
  const branchId = `${id}/items`;
  model.nodes.push({ id: branchId, kind: 'branch', label: 'Each item', type: 'Branch', parentId: id });
  addMachine(model, processor, branchId, branchId);
}

function addEdge(
  model: WorkflowGraphModel,
  source: string,
  target: string,
  kind: GraphEdgeKind,
  label?: string,
  index = 0,
): void {
  model.edges.push({
    id: `${source}->${target}:${kind}${index}`,
    source,
    target,
    kind,
    ...(label ? { label } : {}),
  });
}

function catchLabel(catcher: Json): string {
  const errors = Array.isArray(catcher.ErrorEquals)
    ? catcher.ErrorEquals.filter((e) => typeof e === 'string')
    : [];
  if (errors.length === 0) return 'Catch';
  return errors.map((e) => (e === 'States.ALL' ? 'any error' : e)).join(', ');
}

/** A few words on what a state does, and an approval's approvers. */
function summarize(type: string, state: Json): Pick<GraphNode, 'summary' | 'approvers'> {
  switch (type) {
    case 'Task': {
      const resource = typeof state.Resource === 'string' ? state.Resource : '';
      if (resource === 'approval' || resource.startsWith('approval')) {
        const params = isObject(state.Parameters)
          ? state.Parameters
          : isObject(state.Arguments)
            ? state.Arguments
            : {};
        const approvers = Array.isArray(params.Approvers)
          ? params.Approvers.filter((a): a is string => typeof a === 'string')
          : typeof params['Approvers.$'] === 'string'
            ? [`from ${params['Approvers.$']}`]
            : [];
        return { summary: 'Approval', approvers };
      }
      return { summary: shortResource(resource) };
    }
    case 'Wait': {
      for (const key of ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'] as const) {
        if (state[key] !== undefined) return { summary: `${key} ${String(state[key])}` };
      }
      return {};
    }
    case 'Fail':
      return typeof state.Error === 'string' ? { summary: state.Error } : {};
    case 'Map':
      return {
        summary: typeof state.ItemsPath === 'string' ? `for each of ${state.ItemsPath}` : 'for each item',
      };
    default:
      return {};
  }
}

/** `arn:aws:states:::lambda:invoke` → `lambda:invoke`; a function ARN → `lambda:my-fn`. */
function shortResource(resource: string): string {
  const states = /^arn:aws[\w-]*:states:[^:]*:[^:]*:(.+)$/.exec(resource);
  if (states) return states[1].replace(/^activity:/, 'activity ');
  const fn = /^arn:aws[\w-]*:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(resource);
  if (fn) return `lambda ${fn[1]}`;
  return resource.length > 40 ? `${resource.slice(0, 39)}…` : resource;
}
