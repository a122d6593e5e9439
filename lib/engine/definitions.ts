/**
 * Definitions, parsed once per WorkflowVersion and cached (versions are immutable), and the
 * sub-definition a frame runs: the path [state, branch index, …] leads from the root to a
 * Parallel branch or a Map item processor, which inherits the parent's QueryLanguage.
 */
import type { Definition, JsonValue } from '../asl';
import type { Tx } from '../db/client';

export interface PinnedWorkflow {
  definition: Definition;
  workflowName: string;
  subDefinitions: Map<string, Definition>;
}

const cache = new Map<string, PinnedWorkflow>();

/** The parsed definition of a workflow version (cached by version id). */
export async function loadWorkflowVersion(tx: Tx, versionId: string): Promise<PinnedWorkflow> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const row = await tx.workflowVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { definition: true, workflow: { select: { name: true } } },
  });
  return remember(versionId, row.definition, row.workflow.name);
}

/** The same, from `read` (a worker's pass reads through the engine's store) when not cached. */
export async function loadWorkflowVersionWith(
  versionId: string,
  read: (versionId: string) => Promise<{ definition: string; name: string } | undefined>,
): Promise<PinnedWorkflow> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const row = await read(versionId);
  if (!row) throw new Error(`Workflow version ${versionId} does not exist.`);
  return remember(versionId, row.definition, row.name);
}

function remember(versionId: string, definition: string, workflowName: string): PinnedWorkflow {
  const pinned = {
    definition: JSON.parse(definition) as Definition,
    workflowName,
    subDefinitions: new Map(),
  };
  if (cache.size > 1000) cache.clear();
  cache.set(versionId, pinned);
  return pinned;
}

/** One step of a definition path: the Parallel/Map state name and, for Parallel, the branch index. */
export type DefinitionPath = (string | number)[];

/** The (sub)definition at `path` (cached per path). */
export function definitionAt(pinned: PinnedWorkflow, path: DefinitionPath): Definition {
  if (path.length === 0) return pinned.definition;
  const key = JSON.stringify(path);
  let found = pinned.subDefinitions.get(key);
  if (!found) {
    found = walk(pinned.definition, path);
    pinned.subDefinitions.set(key, found);
  }
  return found;
}

function walk(root: Definition, path: DefinitionPath): Definition {
  let current = root;
  for (let i = 0; i < path.length; i += 2) {
    const state = current.States[String(path[i])] as Record<string, JsonValue> | undefined;
    const branchIndex = path[i + 1];
    const raw =
      typeof branchIndex === 'number' && branchIndex >= 0
        ? (state?.Branches as JsonValue[] | undefined)?.[branchIndex]
        : (state?.ItemProcessor ?? state?.Iterator);
    const branch = { ...((raw ?? { StartAt: '', States: {} }) as unknown as Definition) };
    if (branch.QueryLanguage === undefined && current.QueryLanguage !== undefined)
      branch.QueryLanguage = current.QueryLanguage;
    current = branch;
  }
  return current;
}
