/**
 * Runs conformance cases (format: shared/conformance/README.md) through the in-memory driver
 * and judges them: status must match; then the output (JSON equality, key order ignored) or the
 * error name; a given cause must match exactly unless `causeOmitted`.
 */
import { runInMemory, type MockResponse } from './driver';
import type { JsonValue } from './json';
import { jsonEquals } from './json-utils';
import type { Definition } from './types';

export interface ConformanceCase {
  name: string;
  definition: Definition;
  input?: JsonValue;
  mocks?: Record<string, MockResponse[]>;
  expected: {
    status: 'SUCCEEDED' | 'FAILED';
    output?: JsonValue;
    error?: string | null;
    cause?: string;
    causeOmitted?: unknown;
  };
}

export interface CaseVerdict {
  name: string;
  pass: boolean;
  actual: { status: string; output?: JsonValue; error?: string | null; cause?: string };
}

/** Runs one case and compares it with its expectation. */
export async function runConformanceCase(testCase: ConformanceCase): Promise<CaseVerdict> {
  let actual: CaseVerdict['actual'];
  try {
    const result = await runInMemory(testCase.definition, testCase.input ?? {}, {
      mocks: testCase.mocks,
      recordHistory: false,
    });
    actual =
      result.status === 'SUCCEEDED'
        ? { status: result.status, output: result.output }
        : { status: result.status, error: result.error ?? null, cause: result.cause };
  } catch (error) {
    actual = {
      status: 'CRASHED',
      error: 'DriverCrash',
      cause: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  return { name: testCase.name, pass: judge(testCase.expected, actual), actual };
}

/** True when `actual` meets the case's expectation (shared with the engine's conformance runner). */
export function judge(expected: ConformanceCase['expected'], actual: CaseVerdict['actual']): boolean {
  if (expected.status !== actual.status) return false;
  if (expected.status === 'SUCCEEDED') return jsonEquals(expected.output ?? null, actual.output ?? null);
  if ((expected.error ?? null) !== (actual.error ?? null)) return false;
  if (expected.causeOmitted || expected.cause === undefined) return true;
  return expected.cause === actual.cause;
}
