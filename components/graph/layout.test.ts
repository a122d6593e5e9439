import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkflowGraph } from '@/lib/asl/graph/graph-model';
import { largeDefinition } from '@/lib/asl/graph/large-definition';
import { layoutWorkflowGraph, type PlacedGraph } from './layout';

/** No two boxes with the same parent overlap, and every child lies inside its parent. */
function checkNoOverlap(graph: PlacedGraph, what: string) {
  const byParent = new Map<string, PlacedGraph['nodes']>();
  for (const placed of graph.nodes) {
    const key = placed.node.parentId ?? '';
    byParent.set(key, [...(byParent.get(key) ?? []), placed]);
  }
  const byId = new Map(graph.nodes.map((p) => [p.node.id, p]));
  for (const [parentId, siblings] of byParent) {
    const parent = byId.get(parentId);
    for (const [i, a] of siblings.entries()) {
      expect(a.width, `${what}: ${a.node.id} has a size`).toBeGreaterThan(0);
      if (parent) {
        expect(a.x >= 0 && a.y >= 0, `${what}: ${a.node.id} inside ${parentId}`).toBe(true);
        expect(
          a.x + a.width <= parent.width + 0.5 && a.y + a.height <= parent.height + 0.5,
          `${what}: ${a.node.id} inside ${parentId}`,
        ).toBe(true);
      }
      for (const b of siblings.slice(i + 1)) {
        const apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${what}: ${a.node.id} overlaps ${b.node.id}`).toBe(true);
      }
    }
  }
}

describe('layoutWorkflowGraph', () => {
  it('places a 204-state definition with nested Parallel and Map without overlapping boxes', async () => {
    const model = buildWorkflowGraph(largeDefinition());
    const graph = await layoutWorkflowGraph(model);
    expect(graph.nodes).toHaveLength(model.nodes.length);
    checkNoOverlap(graph, 'large');
  });

  it('places each of the 258 public state machines without overlapping boxes', async () => {
    const dir = join('..', 'shared', 'realworld');
    for (const file of readdirSync(dir).filter((f) => /^\d+\.json$/.test(f))) {
      const graph = await layoutWorkflowGraph(buildWorkflowGraph(readFileSync(join(dir, file), 'utf8')));
      checkNoOverlap(graph, file);
    }
  }, 120_000);
});
