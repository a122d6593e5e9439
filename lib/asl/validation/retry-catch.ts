/** Retry and Catch: their fields and ranges, ErrorEquals, and States.ALL alone and last. */
import { type QueryLanguage, type ValidationContext, report } from './context';
import { DiagnosticCode } from './diagnostic';
import type { ObjectSpec } from './field-spec';
import { checkObject } from './fields';
import { type JsonRecord, isRecord, jsonTypeOf, quote } from './json-type';
import { joinPointer } from './pointer';
import { MAX_SECONDS } from './state-fields';
import { didYouMean } from './suggest';

/** AWS's ceiling for MaxDelaySeconds (one year and a second). */
const MAX_DELAY_SECONDS = 31_622_401;

/** The error names the language defines; other `States.*` names are likely typos. */
const statesErrorNames = new Set([
  'States.ALL',
  'States.HeartbeatTimeout',
  'States.Timeout',
  'States.TaskFailed',
  'States.Permissions',
  'States.ResultPathMatchFailure',
  'States.ParameterPathFailure',
  'States.BranchFailed',
  'States.NoChoiceMatched',
  'States.IntrinsicFailure',
  'States.ExceedToleratedFailureThreshold',
  'States.ItemReaderFailed',
  'States.ResultWriterFailed',
  'States.QueryEvaluationError',
  'States.Runtime',
  'States.DataLimitExceeded',
]);

const errorEquals = { type: 'array', required: true } as const;

const retrierSpec: ObjectSpec = {
  what: 'a Retry rule',
  fields: {
    ErrorEquals: errorEquals,
    Comment: { type: 'string' },
    IntervalSeconds: { type: 'integer', min: 1, max: MAX_SECONDS },
    MaxAttempts: { type: 'integer', min: 0, max: MAX_SECONDS },
    BackoffRate: { type: 'number', min: 1 },
    MaxDelaySeconds: { type: 'integer', min: 0, exclusiveMin: true, max: MAX_DELAY_SECONDS },
    JitterStrategy: { type: 'string', enum: ['FULL', 'NONE'] },
  },
};

const catcherSpec: ObjectSpec = {
  what: 'a Catch rule',
  fields: {
    ErrorEquals: errorEquals,
    Next: { type: 'string', required: true },
    Comment: { type: 'string' },
    ResultPath: { type: ['string', 'null'], path: 'referencePath', language: 'JSONPath' },
    Assign: { type: 'object', template: true },
    Output: { type: 'any', template: true, computed: true, language: 'JSONata' },
  },
};

/** Checks the Retry and Catch lists of a state (fields.ts has already checked they are arrays). */
export function checkRetryAndCatch(
  state: JsonRecord,
  path: string,
  ctx: ValidationContext,
  language: QueryLanguage,
): void {
  checkRuleList(state.Retry, retrierSpec, joinPointer(path, 'Retry'), ctx, language);
  checkRuleList(state.Catch, catcherSpec, joinPointer(path, 'Catch'), ctx, language);
}

function checkRuleList(
  list: unknown,
  spec: ObjectSpec,
  path: string,
  ctx: ValidationContext,
  language: QueryLanguage,
): void {
  if (!Array.isArray(list)) return;
  list.forEach((rule, i) => {
    const rulePath = joinPointer(path, i);
    if (!isRecord(rule))
      return report(
        ctx,
        rulePath,
        DiagnosticCode.INVALID_TYPE,
        `${spec.what} must be an object, not ${jsonTypeOf(rule)}.`,
      );
    checkObject(rule, spec, rulePath, ctx, language);
    const hasAll = checkErrorEquals(rule.ErrorEquals, joinPointer(rulePath, 'ErrorEquals'), ctx);
    if (hasAll && i < list.length - 1) {
      report(
        ctx,
        joinPointer(rulePath, 'ErrorEquals'),
        DiagnosticCode.INVALID_ERROR_MATCHER,
        `${spec.what} matching "States.ALL" must be the last one.`,
      );
    }
  });
}

/** Checks one ErrorEquals list; returns true when it holds States.ALL. */
function checkErrorEquals(list: unknown, path: string, ctx: ValidationContext): boolean {
  if (!Array.isArray(list)) return false;
  if (list.length === 0)
    report(ctx, path, DiagnosticCode.INVALID_ERROR_MATCHER, '"ErrorEquals" must name at least one error.');
  list.forEach((name, i) => {
    const itemPath = joinPointer(path, i);
    if (typeof name !== 'string' || name === '') {
      report(
        ctx,
        itemPath,
        DiagnosticCode.INVALID_TYPE,
        `an error name must be a non-empty string, not ${jsonTypeOf(name) === 'string' ? 'an empty string' : jsonTypeOf(name)}.`,
      );
    } else if (name.startsWith('States.') && !statesErrorNames.has(name)) {
      report(
        ctx,
        itemPath,
        DiagnosticCode.INVALID_ERROR_MATCHER,
        `${quote(name)} is not an error the States language defines${didYouMean(name, statesErrorNames) || '.'}`,
        'WARNING',
      );
    }
  });
  const hasAll = list.includes('States.ALL');
  if (hasAll && list.length > 1)
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_ERROR_MATCHER,
      '"States.ALL" must be the only name in its "ErrorEquals".',
    );
  return hasAll;
}
