/**
 * Places a workflow graph with ELK's layered algorithm, top to bottom, groups (Parallel, Map
 * and their branches) laid out as compound nodes around their states. Returns React Flow's
 * nodes (positions relative to their parent, parents first) and edges.
 */
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { GraphEdge, GraphNode, WorkflowGraphModel } from '@/lib/asl/graph/graph-model';

interface PlacedNode {
  node: GraphNode;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedGraph {
  nodes: PlacedNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

const elk = new ELK();

const STATE_WIDTH = 200;
const LABEL_CHAR = 6.2;

function leafSize(node: GraphNode): { width: number; height: number } {
  if (node.kind === 'start' || node.kind === 'end') return { width: 72, height: 32 };
  const lines = 1 + (node.summary ? 1 : 0) + (node.approvers?.length ? 1 : 0);
  return { width: STATE_WIDTH, height: 30 + lines * 16 };
}

const GROUP_OPTIONS = {
  'elk.padding': '[top=36,left=16,bottom=16,right=16]',
  'elk.direction': 'DOWN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.nodeNode': '28',
};

export async function layoutWorkflowGraph(model: WorkflowGraphModel): Promise<PlacedGraph> {
  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = {
    id: '__root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '44',
      'elk.spacing.nodeNode': '36',
      'elk.spacing.edgeLabel': '6',
      'elk.edgeLabels.inline': 'false',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: [],
    edges: [],
  };
  for (const node of model.nodes) {
    const container = node.kind === 'group' || node.kind === 'branch';
    const elkNode: ElkNode = container
      ? { id: node.id, children: [], edges: [], layoutOptions: GROUP_OPTIONS }
      : { id: node.id, ...leafSize(node) };
    elkNodes.set(node.id, elkNode);
    const parent = node.parentId ? elkNodes.get(node.parentId) : root;
    (parent ?? root).children!.push(elkNode);
  }
  const parentOf = new Map(model.nodes.map((n) => [n.id, n.parentId]));
  for (const edge of model.edges) {
    const owner = parentOf.get(edge.source);
    const container = (owner && elkNodes.get(owner)) || root;
    const elkEdge: ElkExtendedEdge = {
      id: edge.id,
      sources: [edge.source],
      targets: [edge.target],
      ...(edge.label
        ? {
            labels: [
              { text: edge.label, width: Math.min(edge.label.length, 60) * LABEL_CHAR + 8, height: 18 },
            ],
          }
        : {}),
    };
    container.edges!.push(elkEdge);
  }
  const laid = await elk.layout(root);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const nodes: PlacedNode[] = [];
  const collect = (children: ElkNode[] | undefined) => {
    for (const child of children ?? []) {
      const node = byId.get(child.id);
      if (node)
        nodes.push({
          node,
          x: child.x ?? 0,
          y: child.y ?? 0,
          width: child.width ?? 0,
          height: child.height ?? 0,
        });
      collect(child.children);
    }
  };
  collect(laid.children);
  return { nodes, edges: model.edges, width: laid.width ?? 0, height: laid.height ?? 0 };
}
