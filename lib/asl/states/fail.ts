/** Fail: ends the (sub)execution with an error name and a cause (literal, path or JSONata). */
import { runtimeError } from '../errors';
import type { JsonValue } from '../json';
import { evaluateJsonataTemplate } from '../jsonata/evaluate';
import { isIntrinsic } from '../intrinsics';
import { selectPath } from '../paths/io-paths';
import { compileIntrinsic } from '../paths/payload-template';
import { failState, jsonataScope, pathScope, type StateRun } from '../step-run';
import type { StateHandler } from './state-handler';

export const failStateHandler: StateHandler = {
  async enter(run) {
    const error = await describeField(run, 'Error');
    const cause = await describeField(run, 'Cause');
    return failState(run, error ?? null, cause);
  },
};

async function describeField(run: StateRun, field: 'Error' | 'Cause'): Promise<string | undefined> {
  let value: JsonValue | undefined = run.state[field];
  if (run.language === 'JSONata') {
    if (value !== undefined) value = await evaluateJsonataTemplate(value, field, jsonataScope(run));
  } else {
    const path = run.state[`${field}Path`];
    if (typeof path === 'string') {
      const scope = pathScope(run, run.input);
      value = isIntrinsic(path) ? compileIntrinsic(path)(scope) : selectPath(path, scope);
    }
  }
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw runtimeError(`The ${field}Path field must reference a string but was: ${JSON.stringify(value)}`);
  }
  return value;
}
