/** What every /api/sfn action is: a zod schema for its input and a function to its output. */
import type { z } from 'zod';
import type { Actor, RequestInfo } from '../auth/actor';

export interface SfnContext {
  /** the API key that signed the call */
  actor: Actor;
  request: RequestInfo;
}

export interface SfnAction<S extends z.ZodType = z.ZodType> {
  input: S;
  run: (input: z.infer<S>, ctx: SfnContext) => Promise<object>;
}

export function defineAction<S extends z.ZodType>(
  input: S,
  run: (input: z.infer<S>, ctx: SfnContext) => Promise<object>,
): SfnAction<S> {
  return { input, run };
}
