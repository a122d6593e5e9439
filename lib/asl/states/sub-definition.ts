/** Parallel branches and Map item processors run as sub-definitions with the parent's QueryLanguage. */
import type { JsonValue } from '../json';
import { isObject } from '../json-utils';
import type { Definition } from '../types';

const derived = { JSONPath: new WeakMap<object, Definition>(), JSONata: new WeakMap<object, Definition>() };

/** The branch as a Definition that inherits `QueryLanguage` from `parent` (cached per object). */
export function subDefinition(branch: JsonValue | undefined, parent: Definition): Definition {
  if (!isObject(branch)) return { StartAt: '', States: {} };
  const cache = derived[parent.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath'];
  let def = cache.get(branch);
  if (!def) {
    def = { ...(branch as unknown as Definition) };
    if (def.QueryLanguage === undefined && parent.QueryLanguage !== undefined)
      def.QueryLanguage = parent.QueryLanguage;
    cache.set(branch, def);
  }
  return def;
}
