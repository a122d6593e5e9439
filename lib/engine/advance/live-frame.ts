/**
 * A frame as the engine works on it inside one transaction: parsed JSON, a dirty flag, and
 * conversion to and from its ExecutionFrame row.
 */
import type { Continuation, JsonValue, ResumeEvent, Variables } from '../../asl';
import type { DefinitionPath } from '../definitions';

type FrameStatus = 'PENDING' | 'RUNNING' | 'WAITING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

/** Join bookkeeping of a frame paused in a Parallel or Map state (stored in `result`). */
export interface JoinBook {
  kind: 'Parallel' | 'Map';
  total: number;
  running: number;
  done: number;
  maxConcurrency: number;
  tolerant: boolean;
}

export interface LiveFrame {
  id: string;
  parentFrameId: string | null;
  parentState: string | null;
  index: number;
  status: FrameStatus;
  stateName: string;
  input: JsonValue;
  continuation?: Continuation;
  event?: ResumeEvent;
  variables: Variables;
  lastEventId: number;
  path: DefinitionPath;
  mapItem?: { Index: number; Value: JsonValue };
  join?: JoinBook;
  output?: JsonValue;
  error?: string | null;
  cause?: string | null;
  isNew: boolean;
  dirty: boolean;
}

export interface FrameRow {
  id: string;
  parentFrameId: string | null;
  parentState: string | null;
  index: number;
  status: string;
  stateName: string | null;
  stateInput: string | null;
  continuation: string | null;
  event: string | null;
  variables: string;
  lastEventId: number;
  definitionPath: string;
  mapItem: string | null;
  result: string | null;
  error: string | null;
  cause: string | null;
}

const parse = <T>(text: string | null): T | undefined =>
  text === null ? undefined : (JSON.parse(text) as T);

export function frameFromRow(row: FrameRow): LiveFrame {
  const terminal = row.status === 'SUCCEEDED';
  return {
    id: row.id,
    parentFrameId: row.parentFrameId,
    parentState: row.parentState,
    index: row.index,
    status: row.status as FrameStatus,
    stateName: row.stateName ?? '',
    input: parse<JsonValue>(row.stateInput) ?? null,
    continuation: parse<Continuation>(row.continuation),
    event: parse<ResumeEvent>(row.event),
    variables: parse<Variables>(row.variables) ?? {},
    lastEventId: row.lastEventId,
    path: parse<DefinitionPath>(row.definitionPath) ?? [],
    mapItem: parse(row.mapItem),
    join: terminal ? undefined : parse<JoinBook>(row.result),
    output: terminal ? parse<JsonValue>(row.result) : undefined,
    error: row.error,
    cause: row.cause,
    isNew: false,
    dirty: false,
  };
}

const text = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** The row fields of a frame (everything but executionId and the parent links for updates). */
export function frameToRow(
  frame: LiveFrame,
): Omit<FrameRow, 'id' | 'parentFrameId' | 'parentState' | 'index' | 'definitionPath' | 'mapItem'> {
  return {
    status: frame.status,
    stateName: frame.stateName,
    stateInput: text(frame.input),
    continuation: text(frame.continuation),
    event: text(frame.event),
    variables: JSON.stringify(frame.variables),
    lastEventId: frame.lastEventId,
    result: frame.status === 'SUCCEEDED' ? text(frame.output) : text(frame.join),
    error: frame.error ?? null,
    cause: frame.cause ?? null,
  };
}

export function frameToNewRow(frame: LiveFrame, executionId: string): FrameRow & { executionId: string } {
  return {
    ...frameToRow(frame),
    id: frame.id,
    executionId,
    parentFrameId: frame.parentFrameId,
    parentState: frame.parentState,
    index: frame.index,
    definitionPath: JSON.stringify(frame.path),
    mapItem: text(frame.mapItem),
  };
}

export const FRAME_SELECT = {
  id: true,
  parentFrameId: true,
  parentState: true,
  index: true,
  status: true,
  stateName: true,
  stateInput: true,
  continuation: true,
  event: true,
  variables: true,
  lastEventId: true,
  definitionPath: true,
  mapItem: true,
  result: true,
  error: true,
  cause: true,
} as const;
