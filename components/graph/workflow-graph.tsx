'use client';
/**
 * The one drawing of a workflow, used by the console (definition, editor, test run, execution)
 * and the task page: React Flow laid out by ELK, each state a node styled by type, Choice
 * edges labelled with their rule, Catch edges dashed apart from Next, Parallel branches and Map
 * item processors as nested groups, approval states marked as people steps. With `progress`
 * (from history or a test run) each state is coloured by what happened to it and the path
 * taken is drawn heavier. Clicking a state shows its definition.
 */
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Node,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { buildWorkflowGraph, type GraphEdge, type GraphNode } from '@/lib/asl/graph/graph-model';
import { useDark } from '@/components/theme/use-dark';
import { layoutWorkflowGraph, type PlacedGraph } from './layout';
import { graphNodeTypes, type StateNodeData } from './state-node';
import { STATUS_LABELS, type StateRunStatus } from './status';

/** What happened to each state, by name, and the transitions taken (`From->To`). */
export interface GraphProgress {
  states: Record<string, { status: StateRunStatus | string }>;
  taken: readonly string[];
}

export interface WorkflowGraphProps {
  /** the definition's JSON text (or a parsed object) */
  definition: unknown;
  progress?: GraphProgress;
  /** a state to mark (the task page's "you are here") */
  highlight?: string;
  /** a small picture: no minimap, no controls, no panel */
  compact?: boolean;
  /** called with the clicked state's name (the panel shows its definition either way) */
  onSelectState?: (name: string | null) => void;
  className?: string;
  /** an accessible name for the drawing */
  label?: string;
}

export function WorkflowGraph(props: WorkflowGraphProps) {
  return (
    <ReactFlowProvider>
      <GraphCanvas {...props} />
    </ReactFlowProvider>
  );
}

function GraphCanvas({
  definition,
  progress,
  highlight,
  compact = false,
  onSelectState,
  className,
  label = 'Workflow graph',
}: WorkflowGraphProps) {
  const model = useMemo(() => buildWorkflowGraph(definition), [definition]);
  const [placed, setPlaced] = useState<{ graph: PlacedGraph; ms: number } | null>(null);
  const [selected, setSelected] = useState<GraphNode | null>(null);
  const dark = useDark();
  const flow = useReactFlow();
  const runs = useRef(0);

  useEffect(() => {
    const run = ++runs.current;
    const started = performance.now();
    layoutWorkflowGraph(model).then(
      (graph) => {
        if (run === runs.current) setPlaced({ graph, ms: performance.now() - started });
      },
      () => {
        if (run === runs.current) setPlaced(null);
      },
    );
  }, [model]);

  useEffect(() => {
    if (placed) requestAnimationFrame(() => void flow.fitView({ padding: 0.08, maxZoom: 1.2 }));
  }, [placed, flow]);

  const { nodes, edges } = useMemo(
    () => (placed ? toFlow(placed.graph, progress, highlight, selected?.id) : { nodes: [], edges: [] }),
    [placed, progress, highlight, selected],
  );

  const states = model.nodes.filter((n) => n.kind === 'state' || n.kind === 'group').length;
  return (
    <div className={`flex flex-col gap-3 ${compact ? '' : 'lg:flex-row'} ${className ?? ''}`}>
      <div
        role="figure"
        aria-label={`${label}: ${states} state${states === 1 ? '' : 's'}`}
        data-graph-ready={placed ? 'true' : 'false'}
        data-layout-ms={placed ? placed.ms.toFixed(1) : undefined}
        data-node-count={
          placed?.graph.nodes.filter((p) => p.node.kind === 'state' || p.node.kind === 'group').length
        }
        data-edge-count={edges.length}
        className={`workflow-graph relative w-full min-w-0 overflow-hidden rounded-lg border border-slate-200 bg-slate-50 ${
          compact ? 'h-64' : 'h-[60vh] min-h-[22rem] lg:flex-1'
        }`}
      >
        {model.nodes.length <= 2 ? (
          <p className="p-4 text-sm text-slate-600">Nothing to draw yet: the definition has no states.</p>
        ) : !placed ? (
          <p className="p-4 text-sm text-slate-600">Drawing the graph…</p>
        ) : (
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={graphNodeTypes}
            colorMode={dark ? 'dark' : 'light'}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={!compact}
            onNodeClick={(_, node) => {
              const data = node.data as StateNodeData;
              if (data.graphNode.kind !== 'state' && data.graphNode.kind !== 'group') return;
              setSelected(data.graphNode);
              onSelectState?.(data.graphNode.label);
            }}
            onPaneClick={() => {
              setSelected(null);
              onSelectState?.(null);
            }}
            minZoom={0.1}
            proOptions={{ hideAttribution: true }}
            aria-label={label}
          >
            <Background gap={16} size={1} />
            {!compact && <Controls showInteractive={false} position="bottom-left" />}
            {!compact && states > 12 && (
              <MiniMap
                pannable
                zoomable
                position="bottom-right"
                className="hidden md:block"
                style={{ width: 140, height: 100 }}
                ariaLabel="Overview of the graph"
              />
            )}
          </ReactFlow>
        )}
      </div>
      {!compact && selected && (
        <StatePanel
          node={selected}
          status={progress?.states[selected.label]?.status}
          onClose={() => {
            setSelected(null);
            onSelectState?.(null);
          }}
        />
      )}
    </div>
  );
}

function StatePanel({ node, status, onClose }: { node: GraphNode; status?: string; onClose: () => void }) {
  return (
    <aside
      aria-label={`State ${node.label}`}
      className="w-full shrink-0 rounded-lg border border-slate-200 bg-white p-3 text-sm lg:w-80"
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-semibold break-words text-slate-900">{node.label}</h3>
          <p className="text-xs text-slate-600">
            {node.type}
            {status ? ` · ${STATUS_LABELS[status as StateRunStatus] ?? status}` : ''}
          </p>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close the state's details"
          className="rounded p-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
        >
          <X aria-hidden className="size-4" />
        </button>
      </div>
      {node.approvers && node.approvers.length > 0 && (
        <p className="mt-2 text-xs text-slate-700">Asks: {node.approvers.join(', ')}</p>
      )}
      <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">
        {JSON.stringify(node.definition, null, 2)}
      </pre>
    </aside>
  );
}

function toFlow(
  graph: PlacedGraph,
  progress: GraphProgress | undefined,
  highlight: string | undefined,
  selectedId: string | undefined,
): { nodes: Node[]; edges: Edge[] } {
  const labelOf = new Map(graph.nodes.map((p) => [p.node.id, p.node]));
  const statusOf = (node: GraphNode): string | undefined => {
    if (!progress) return undefined;
    if (node.kind === 'start') return 'succeeded';
    if (node.kind === 'end') return undefined;
    if (node.kind === 'branch') return undefined;
    return progress.states[node.label]?.status ?? 'not-reached';
  };
  const nodes: Node[] = graph.nodes.map(({ node, x, y, width, height }) => ({
    id: node.id,
    type:
      node.kind === 'group' || node.kind === 'branch'
        ? 'container'
        : node.kind === 'state'
          ? 'state'
          : 'terminal',
    position: { x, y },
    ...(node.parentId ? { parentId: node.parentId, extent: 'parent' as const } : {}),
    width,
    height,
    style: { width, height },
    selectable: node.kind === 'state' || node.kind === 'group',
    focusable: node.kind === 'state' || node.kind === 'group',
    ariaLabel: `${node.label} (${node.type})`,
    data: {
      graphNode: node,
      status: statusOf(node),
      highlighted: highlight !== undefined && node.label === highlight,
      selected: node.id === selectedId,
    } satisfies StateNodeData,
  }));
  const taken = new Set(progress?.taken ?? []);
  const reached = (id: string) => {
    const node = labelOf.get(id);
    return node ? progress?.states[node.label] !== undefined : false;
  };
  const isTaken = (edge: GraphEdge): boolean => {
    if (!progress) return false;
    const source = labelOf.get(edge.source);
    const target = labelOf.get(edge.target);
    if (!source || !target) return false;
    if (source.kind === 'start') return reached(edge.target);
    if (target.kind === 'end') return progress.states[source.label]?.status === 'succeeded';
    return taken.has(`${source.label}->${target.label}`);
  };
  const edges: Edge[] = graph.edges.map((edge) => {
    const onPath = isTaken(edge);
    const colour =
      edge.kind === 'catch'
        ? 'var(--color-red-500)'
        : onPath
          ? 'var(--color-blue-600)'
          : 'var(--color-slate-400)';
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: 'smoothstep',
      label: edge.label,
      className: `edge-${edge.kind}${onPath ? ' edge-taken' : ''}`,
      style: {
        stroke: colour,
        strokeWidth: onPath ? 3 : 1.5,
        ...(edge.kind === 'catch' ? { strokeDasharray: '6 4' } : {}),
      },
      markerEnd: { type: MarkerType.ArrowClosed, color: colour, width: 16, height: 16 },
      labelStyle: { fill: 'var(--color-slate-700)', fontSize: 11 },
      labelBgStyle: { fill: 'var(--color-white)' },
      labelBgPadding: [4, 2] as [number, number],
      zIndex: 1,
    };
  });
  return { nodes, edges };
}
