/** Evaluates a JSONPath Choice rule (And / Or / Not / a comparison on `Variable`). */
import { runtimeError } from '../errors';
import type { JsonObject, JsonValue } from '../json';
import { isObject } from '../json-utils';
import { resolvePath, type PathScope } from '../paths/resolve';
import { comparators, type Comparator } from './comparators';

/** Every operator field (`StringEquals`, `StringEqualsPath`...) → its comparator. */
const operators = new Map<string, { compare: Comparator; path: boolean }>();
for (const [name, compare] of Object.entries(comparators)) {
  operators.set(name, { compare, path: false });
  if (name !== 'StringMatches' && !name.startsWith('Is'))
    operators.set(`${name}Path`, { compare, path: true });
}

/** True when `rule` matches the state input in `scope`. */
export function evaluateRule(rule: JsonValue, scope: PathScope): boolean {
  if (!isObject(rule)) return false;
  if (Array.isArray(rule.And)) return rule.And.every((r) => evaluateRule(r, scope));
  if (Array.isArray(rule.Or)) return rule.Or.some((r) => evaluateRule(r, scope));
  if (rule.Not !== undefined) return !evaluateRule(rule.Not, scope);
  return evaluateComparison(rule, scope);
}

function evaluateComparison(rule: JsonObject, scope: PathScope): boolean {
  const variable = rule.Variable;
  if (typeof variable !== 'string') return false;
  const value = resolvePath(variable, scope);
  if (rule.IsPresent !== undefined)
    return typeof rule.IsPresent === 'boolean' && (value !== undefined) === rule.IsPresent;
  if (value === undefined) throw invalidPath(variable);
  for (const field in rule) {
    const operator = operators.get(field);
    if (!operator) continue;
    if (!operator.path) return operator.compare(value, rule[field]);
    const path = rule[field];
    const operand = typeof path === 'string' ? resolvePath(path, scope) : undefined;
    if (operand === undefined) throw invalidPath(String(path));
    return operator.compare(value, operand);
  }
  return false;
}

function invalidPath(path: string) {
  return runtimeError(
    `Invalid path '${path}': The choice state's condition path references an invalid value.`,
  );
}
