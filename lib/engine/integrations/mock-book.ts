/** An execution's mock responses (Step Functions Local's MockConfigFile shape) and its call counts. */
import type { JsonValue } from '../../asl';

export type MockResponse = { Return: JsonValue } | { Throw: { Error: string; Cause?: string } };

export interface MockBook {
  responses: Record<string, MockResponse[]>;
  calls: Record<string, number>;
}
