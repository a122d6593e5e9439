/** Evaluates a JSONPath Choice rule (And / Or / Not / a comparison on `Variable`). */
import { runtimeError } from '../errors';
import type { JsonObject, JsonValue } from '../json';
import { isObject } from '../json-utils';
import { resolvePath, type PathScope } from '../paths/resolve';
import { comparators } from './comparators';

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
  if (rule.IsPresent !== undefined) return typeof rule.IsPresent === 'boolean' && (value !== undefined) === rule.IsPresent;
  if (value === undefined) throw invalidPath(variable);
  for (const [name, compare] of Object.entries(comparators)) {
    if (Object.hasOwn(rule, name)) return compare(value, rule[name]);
    const pathField = `${name}Path`;
    if (Object.hasOwn(rule, pathField)) {
      const path = rule[pathField];
      const operand = typeof path === 'string' ? resolvePath(path, scope) : undefined;
      if (operand === undefined) throw invalidPath(String(path));
      return compare(value, operand);
    }
  }
  return false;
}

function invalidPath(path: string) {
  return runtimeError(`Invalid path '${path}': The choice state's condition path references an invalid value.`);
}
