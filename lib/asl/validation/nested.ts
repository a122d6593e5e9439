/** Parallel branches and Map item processors: each a machine with its own StartAt/States namespace. */
import { report } from './context';
import { DiagnosticCode } from './diagnostic';
import type { ObjectSpec } from './field-spec';
import { checkObject } from './fields';
import { isRecord } from './json-type';
import { joinPointer } from './pointer';
import { checkRetryAndCatch } from './retry-catch';
import type { StateCheckInput } from './state-check';

const namespace = {
  StartAt: { type: 'string', required: true },
  States: { type: 'object', required: true },
  Comment: { type: 'string' },
} as const;

const branchSpec: ObjectSpec = { what: 'a Parallel branch', fields: namespace };

const processorSpec: ObjectSpec = {
  what: 'an item processor',
  fields: { ...namespace, ProcessorConfig: { type: 'object' } },
};

const processorConfigSpec: ObjectSpec = {
  what: 'a ProcessorConfig',
  fields: {
    Mode: { type: 'string', enum: ['INLINE', 'DISTRIBUTED'] },
    ExecutionType: { type: 'string', enum: ['STANDARD', 'EXPRESS'] },
  },
};

export function checkParallel(input: StateCheckInput): void {
  const { state, path, ctx, language, depth, validateNested } = input;
  checkRetryAndCatch(state, path, ctx, language);
  const branches = state.Branches;
  if (!Array.isArray(branches)) return;
  const branchesPath = joinPointer(path, 'Branches');
  if (branches.length === 0)
    report(
      ctx,
      branchesPath,
      DiagnosticCode.INVALID_VALUE,
      'a Parallel state must have at least one branch.',
    );
  branches.forEach((branch, i) =>
    validateNested(branch, joinPointer(branchesPath, i), branchSpec, depth + 1),
  );
}

export function checkMap(input: StateCheckInput): void {
  const { state, path, ctx, language, depth, validateNested } = input;
  checkRetryAndCatch(state, path, ctx, language);
  for (const field of ['ItemProcessor', 'Iterator']) {
    const processor = state[field];
    if (!isRecord(processor)) continue;
    validateNested(processor, joinPointer(path, field), processorSpec, depth + 1);
    const config = processor.ProcessorConfig;
    if (isRecord(config))
      checkObject(config, processorConfigSpec, joinPointer(path, field, 'ProcessorConfig'), ctx, language);
  }
}
