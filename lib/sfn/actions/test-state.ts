// AWSStepFunctions.TestState — one state (or one state of a machine) run through the pure interpreter
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Definition, JsonValue } from '../../asl';
import { MAX_JSON_DEPTH } from '../../asl/constants';
import { isObject, jsonDepthExceeds } from '../../asl/json-utils';
import { defineAction } from '../action';
import { executionArn, roleArn, stateMachineArn } from '../arn';
import { assertJsonText } from '../checks';
import { sfnError } from '../sfn-error';
import { compact } from '../shapes';
import { runTestState } from '../test-state-run';

const input = z.object({
  definition: z
    .string()
    .min(1)
    .max(1024 * 1024),
  roleArn: z.string().optional(),
  input: z.string().optional(),
  inspectionLevel: z.enum(['INFO', 'DEBUG', 'TRACE']).optional(),
  revealSecrets: z.boolean().optional(),
  variables: z.string().optional(),
  stateName: z.string().optional(),
  mock: z
    .object({
      result: z.string().optional(),
      errorOutput: z.object({ error: z.string().optional(), cause: z.string().optional() }).optional(),
    })
    .optional(),
});

const TEST_NAME = 'TestState';

export const testState = defineAction(input, async (body) => {
  const { definition, stateName } = machineOf(body.definition, body.stateName);
  const inputText = body.input ?? '{}';
  assertJsonText(inputText, 'InvalidExecutionInput');
  const now = new Date();
  const context = {
    Execution: {
      Id: executionArn(TEST_NAME, 'test'),
      Input: JSON.parse(inputText) as JsonValue,
      Name: 'test',
      RoleArn: body.roleArn ?? roleArn(),
      StartTime: now.toISOString(),
    },
    StateMachine: { Id: stateMachineArn(TEST_NAME), Name: TEST_NAME },
  };
  const env = { now, random: Math.random, newTaskToken: randomUUID };
  const variables = variablesOf(body.variables);
  const outcome = await runTestState({
    definition,
    stateName,
    input: JSON.parse(inputText) as JsonValue,
    variables,
    context,
    env,
    mock: body.mock,
  });
  return compact({ ...outcome, inspectionData: { input: inputText } });
});

/** `variables`: the text of a JSON object (ValidationException otherwise). */
function variablesOf(text: string | undefined): Record<string, JsonValue> {
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw sfnError('ValidationException', 'variables is not valid JSON.');
  }
  if (!isObject(parsed) || jsonDepthExceeds(parsed, MAX_JSON_DEPTH))
    throw sfnError(
      'ValidationException',
      `variables must be a JSON object at most ${MAX_JSON_DEPTH} levels deep.`,
    );
  return parsed;
}

/** A single state becomes a one-state machine; a whole machine runs `stateName` (default StartAt). */
function machineOf(
  text: string,
  stateName: string | undefined,
): { definition: Definition; stateName: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw sfnError(
      'InvalidDefinition',
      'Invalid State Machine Definition: the definition is not valid JSON.',
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw sfnError(
      'InvalidDefinition',
      'Invalid State Machine Definition: give a state or a state machine object.',
    );
  const object = parsed as Record<string, unknown>;
  if (object.States && typeof object.States === 'object') {
    const machine = object as unknown as Definition;
    const name = stateName ?? machine.StartAt;
    if (!machine.States[name])
      throw sfnError('InvalidDefinition', `Invalid State Machine Definition: there is no state '${name}'.`);
    return { definition: machine, stateName: name };
  }
  if (typeof object.Type !== 'string')
    throw sfnError('InvalidDefinition', 'Invalid State Machine Definition: a state needs a Type.');
  const name = stateName ?? TEST_NAME;
  return {
    definition: { StartAt: name, States: { [name]: object as Definition['States'][string] } },
    stateName: name,
  };
}
