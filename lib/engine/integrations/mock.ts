/**
 * `arn:aws:states:::mock`: answered from the execution's mock responses (Step Functions Local's
 * MockConfigFile shape, per state name one entry per attempt: `{Return}` or `{Throw}`). The
 * attempt counter lives on the execution row, written in the same transaction.
 */
import type { Integration } from './integration';
import type { MockBook } from './mock-book';

const MOCK_RESOURCE = 'arn:aws:states:::mock';

export const mockIntegration: Integration = {
  name: 'mock',
  matches: (resource) => resource === MOCK_RESOURCE || resource.startsWith(`${MOCK_RESOURCE}.`),
  async start(_tx, { session, stateName }) {
    session.mocks ??= session.execution.mocks
      ? (JSON.parse(session.execution.mocks) as MockBook)
      : { responses: {}, calls: {} };
    const book = session.mocks;
    const call = book.calls[stateName] ?? 0;
    book.calls[stateName] = call + 1;
    session.mocksDirty = true;
    const mock = book.responses[stateName]?.[call];
    if (!mock)
      return {
        kind: 'done',
        outcome: {
          error: 'States.Runtime',
          cause: `No mock response #${call + 1} for state '${stateName}'.`,
        },
      };
    if ('Return' in mock) return { kind: 'done', outcome: { output: mock.Return } };
    return {
      kind: 'done',
      outcome: {
        error: mock.Throw.Error,
        ...(mock.Throw.Cause !== undefined ? { cause: mock.Throw.Cause } : {}),
      },
    };
  },
};
