/**
 * JSONPath payload templates (Parameters, ResultSelector, ItemSelector, Assign): keys ending in
 * `.$` take a path or an intrinsic function; everything else is copied. Templates are compiled
 * once per definition object into closures, so a hot loop does not re-parse them.
 */
import { runtimeError, StatesError } from '../errors';
import { evaluateIntrinsic, isIntrinsic, parseIntrinsic, type IntrinsicCall } from '../intrinsics';
import type { JsonObject, JsonValue } from '../json';
import { isObject } from '../json-utils';
import { resolvePath, rootText, type PathScope } from './resolve';

/** A compiled template: evaluates against a scope. */
export type CompiledTemplate = (scope: PathScope) => JsonValue;

const compiled = new WeakMap<object, CompiledTemplate>();

/** Evaluates a payload template against `scope`. */
export function evaluatePayloadTemplate(template: JsonValue, scope: PathScope): JsonValue {
  if (typeof template !== 'object' || template === null) return template;
  let fn = compiled.get(template);
  if (!fn) {
    fn = compileTemplate(template);
    compiled.set(template, fn);
  }
  return fn(scope);
}

function compileTemplate(template: JsonValue): CompiledTemplate {
  if (Array.isArray(template)) {
    const items = template.map(compileTemplate);
    return (scope) => items.map((item) => item(scope));
  }
  if (!isObject(template)) return () => template;
  const entries = Object.entries(template).map(([key, value]): [string, CompiledTemplate] =>
    key.endsWith('.$') && key.length > 2
      ? [key.slice(0, -2), compileBinding(key, value)]
      : [key, compileTemplate(value)],
  );
  return (scope) => {
    const out: JsonObject = {};
    for (const [key, fn] of entries) out[key] = fn(scope);
    return out;
  };
}

function compileBinding(field: string, source: JsonValue): CompiledTemplate {
  if (typeof source !== 'string') {
    return () => {
      throw runtimeError(
        `The value for the field '${field}' must be a STRING that contains a JSONPath but was ${JSON.stringify(source)}`,
      );
    };
  }
  if (isIntrinsic(source)) return compileIntrinsic(source);
  return (scope) => {
    const value = resolvePath(source, scope);
    if (value === undefined) {
      throw runtimeError(
        `The JSONPath '${source}' specified for the field '${field}' could not be found in the input '${rootText(source, scope)}'`,
      );
    }
    return value;
  };
}

/** Evaluates an intrinsic function call string with paths resolved through `scope`. */
export function compileIntrinsic(source: string): CompiledTemplate {
  let call: IntrinsicCall | undefined;
  return (scope) => {
    if (!call) {
      try {
        call = parseIntrinsic(source);
      } catch (error) {
        if (error instanceof StatesError) throw error;
        throw runtimeError(error instanceof Error ? error.message : String(error));
      }
    }
    return evaluateIntrinsic(call, intrinsicScope(scope));
  };
}

function intrinsicScope(scope: PathScope) {
  return {
    random: scope.random,
    resolvePath(path: string): JsonValue {
      const value = resolvePath(path, scope);
      if (value === undefined) {
        throw runtimeError(
          `The JSONPath '${path}' could not be found in the input '${rootText(path, scope)}'`,
        );
      }
      return value;
    },
  };
}
