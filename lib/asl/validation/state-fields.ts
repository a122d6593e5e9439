/**
 * The field table per state type, after the Amazon States Language specification and AWS's
 * JSONata additions: which fields each type has, their types, ranges and query language.
 */
import { DiagnosticCode } from './diagnostic';
import type { ExclusiveGroup, FieldSpec, FieldTable, MisplacedField, ObjectSpec } from './field-spec';
import { queryLanguages } from './query-language';

export const stateTypes = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const;
export type StateType = (typeof stateTypes)[number];

/** AWS's ceiling for timeouts, waits and retry intervals (seconds or attempts). */
export const MAX_SECONDS = 99_999_999;

const seconds = (min: number): FieldSpec => ({ type: 'integer', min, max: MAX_SECONDS, computed: true });
const jsonPath = (kind: FieldSpec['path'] = 'path'): FieldSpec => ({
  type: 'string',
  path: kind,
  language: 'JSONPath',
});
const ioPath: FieldSpec = { type: ['string', 'null'], path: 'path', language: 'JSONPath' };
const jsonPathTemplate: FieldSpec = { type: 'object', template: true, language: 'JSONPath' };
/**
 * Parameters: the spec says a JSON object, but AWS accepts and runs any JSON value (an array of
 * templates, a number, null), as its own ASL language service found (amazon-states-language-service
 * #83). ResultSelector stays an object: AWS still refuses anything else (states-language #23).
 */
const parameters: FieldSpec = { ...jsonPathTemplate, type: 'any' };

const common: FieldTable = {
  Type: { type: 'string', required: true },
  Comment: { type: 'string' },
  QueryLanguage: { type: 'string', enum: queryLanguages },
};
const transition: FieldTable = { Next: { type: 'string' }, End: { type: 'boolean' } };
const io: FieldTable = { InputPath: ioPath, OutputPath: ioPath };
const assign: FieldTable = { Assign: { type: 'object', template: true } };
const output: FieldTable = { Output: { type: 'any', template: true, computed: true, language: 'JSONata' } };
const result: FieldTable = {
  ResultSelector: jsonPathTemplate,
  ResultPath: { type: ['string', 'null'], path: 'referencePath', language: 'JSONPath' },
};
const errors: FieldTable = { Retry: { type: 'array' }, Catch: { type: 'array' } };
const arguments_: FieldTable = {
  Arguments: { type: 'object', template: true, computed: true, language: 'JSONata' },
};
const flowing: FieldTable = { ...common, ...transition, ...io, ...assign, ...output };

const fields: Record<StateType, FieldTable> = {
  Pass: {
    ...flowing,
    Parameters: parameters,
    ResultPath: result.ResultPath,
    Result: { type: 'any', language: 'JSONPath' },
  },
  Task: {
    ...flowing,
    ...result,
    ...errors,
    ...arguments_,
    Resource: { type: 'string', required: true },
    Parameters: parameters,
    TimeoutSeconds: seconds(1),
    TimeoutSecondsPath: jsonPath(),
    HeartbeatSeconds: seconds(1),
    HeartbeatSecondsPath: jsonPath(),
    Credentials: { type: 'object', template: true },
  },
  Choice: {
    ...common,
    ...io,
    ...assign,
    ...output,
    Choices: { type: 'array', required: true },
    Default: { type: 'string' },
  },
  Wait: {
    ...flowing,
    Seconds: seconds(0),
    SecondsPath: jsonPath(),
    Timestamp: { type: 'string', timestamp: true, computed: true },
    TimestampPath: jsonPath(),
  },
  Succeed: { ...common, ...io, ...output },
  Fail: {
    ...common,
    Error: { type: 'string', computed: true },
    ErrorPath: jsonPath('pathOrIntrinsic'),
    Cause: { type: 'string', computed: true },
    CausePath: jsonPath('pathOrIntrinsic'),
  },
  Parallel: {
    ...flowing,
    ...result,
    ...errors,
    ...arguments_,
    Parameters: parameters,
    Branches: { type: 'array', required: true },
  },
  Map: {
    ...flowing,
    ...result,
    ...errors,
    ItemProcessor: { type: 'object' },
    Iterator: { type: 'object', language: 'JSONPath' },
    ItemsPath: jsonPath(),
    Items: { type: 'array', template: true, computed: true, language: 'JSONata' },
    ItemSelector: { type: 'object', template: true },
    Parameters: parameters,
    ItemReader: { type: 'object', template: true },
    ItemBatcher: { type: 'object', template: true },
    ResultWriter: { type: 'object', template: true },
    MaxConcurrency: { type: 'integer', min: 0, computed: true },
    MaxConcurrencyPath: jsonPath(),
    ToleratedFailurePercentage: { type: 'number', min: 0, max: 100, computed: true },
    ToleratedFailurePercentagePath: jsonPath(),
    ToleratedFailureCount: { type: 'integer', min: 0, computed: true },
    ToleratedFailureCountPath: jsonPath(),
    Label: { type: 'string' },
  },
};

const nextOrEnd: ExclusiveGroup = { fields: ['Next', 'End'], required: true };
const pair = (a: string): ExclusiveGroup => ({ fields: [a, `${a}Path`] });

const exclusive: Record<StateType, readonly ExclusiveGroup[]> = {
  Pass: [nextOrEnd],
  Task: [nextOrEnd, pair('TimeoutSeconds'), pair('HeartbeatSeconds')],
  Choice: [],
  Wait: [nextOrEnd, { fields: ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'], required: true }],
  Succeed: [],
  Fail: [pair('Error'), pair('Cause')],
  Parallel: [nextOrEnd],
  Map: [
    nextOrEnd,
    { fields: ['ItemProcessor', 'Iterator'], required: true },
    { fields: ['ItemSelector', 'Parameters'] },
    pair('MaxConcurrency'),
    pair('ToleratedFailurePercentage'),
    pair('ToleratedFailureCount'),
  ],
};

const terminal = (type: string): Record<string, MisplacedField> => ({
  Next: {
    code: DiagnosticCode.UNKNOWN_FIELD,
    message: `a ${type} state ends the execution, so it cannot have "Next".`,
  },
  End: { code: DiagnosticCode.UNKNOWN_FIELD, message: `a ${type} state is always terminal; remove "End".` },
});

const misplaced: Partial<Record<StateType, Record<string, MisplacedField>>> = {
  Succeed: terminal('Succeed'),
  Fail: terminal('Fail'),
  Choice: {
    End: {
      code: DiagnosticCode.UNKNOWN_FIELD,
      message:
        'a Choice state cannot end the execution; route to a Succeed state from "Choices" or "Default".',
    },
    Next: {
      code: DiagnosticCode.UNKNOWN_FIELD,
      message: 'a Choice state moves on through "Choices" and "Default", not "Next".',
    },
  },
};

/** The ObjectSpec of each state type. */
export const stateSpecs: Record<StateType, ObjectSpec> = Object.fromEntries(
  stateTypes.map((type) => [
    type,
    {
      what: `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type} state`,
      fields: fields[type],
      exclusive: exclusive[type],
      misplaced: misplaced[type],
    },
  ]),
) as Record<StateType, ObjectSpec>;
