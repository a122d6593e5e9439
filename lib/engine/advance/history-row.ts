/** A history event as the row HistoryEvent stores: the AWS fields by name, the rest as JSON details. */
import type { HistoryEvent } from '../../asl';

/** Splits an interpreter event into the HistoryEvent row shape (details = the `…EventDetails` fields). */
export function historyRow(executionId: string, event: HistoryEvent) {
  const { id, previousEventId, timestamp, type, ...details } = event;
  return {
    executionId,
    seq: id,
    previousEventId,
    type,
    timestamp: new Date(timestamp),
    details: JSON.stringify(details),
  };
}

export type HistoryRow = ReturnType<typeof historyRow>;
