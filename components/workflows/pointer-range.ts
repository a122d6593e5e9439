/**
 * Where a validation diagnostic sits in the editor's text: its JSON pointer mapped onto the
 * source with jsonc-parser. A field that should not be there is underlined at its key; a
 * value at the value; a missing field at the key of the object that lacks it (or its brace).
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

export interface SourceRange {
  from: number;
  to: number;
}

/** `/States/a~1b/Next` → `['States', 'a/b', 'Next']` (array indexes as numbers). */
function segmentsOf(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** The key of a property value's node, if it is one. */
function keyOf(node: Node): Node | undefined {
  return node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
}

const span = (node: Node): SourceRange => ({ from: node.offset, to: node.offset + Math.max(node.length, 1) });

export function rangeOfPointer(text: string, pointer: string, code?: string): SourceRange {
  const root = parseTree(text);
  if (!root) return { from: 0, to: Math.min(text.length, 1) };
  const segments = segmentsOf(pointer);
  for (let depth = segments.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, segments.slice(0, depth));
    if (!node) continue;
    const key = keyOf(node);
    if (depth === segments.length) {
      if (code === 'UNKNOWN_FIELD' && key) return span(key);
      if (node.type === 'object' || node.type === 'array')
        return key ? span(key) : { from: node.offset, to: node.offset + 1 };
      return span(node);
    }
    // the pointer goes deeper than the text: mark where the missing part belongs
    return key ? span(key) : { from: node.offset, to: node.offset + 1 };
  }
  return { from: 0, to: Math.min(text.length, 1) };
}
