/** What advancing one execution did: whether this worker held it, whether it can run on, and the invocations to run after the commit. */
export interface AdvanceResult {
  claimed: boolean;
  runnable: boolean;
  invocations: string[];
  /** Its step threw every time it was tried (nothing was written): the worker fails it with this. */
  error?: unknown;
}
