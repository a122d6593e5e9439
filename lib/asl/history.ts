/**
 * Builds Step Functions history events. Ids are numbered from the step's cursor and each event
 * points back to the previous one of the same branch, as GetExecutionHistory shows them.
 */
import type { JsonObject, JsonValue } from './json';
import type { EventCursor, HistoryEvent } from './types';

let lastInstant = NaN;
let lastInstantText = '';

/** `date.toISOString()`, memoized for the common case of many steps at one instant. */
export function isoTime(date: Date): string {
  const ms = date.getTime();
  if (ms !== lastInstant) {
    lastInstant = ms;
    lastInstantText = date.toISOString();
  }
  return lastInstantText;
}

/** Collects the events of one step. */
export class HistoryRecorder {
  readonly events: HistoryEvent[] = [];
  private nextId: number;
  private previousId: number;

  constructor(
    cursor: EventCursor,
    private readonly timestamp: string,
  ) {
    this.nextId = cursor.next;
    this.previousId = cursor.previous;
  }

  /** The ISO time every event of this step carries. */
  timestampText(): string {
    return this.timestamp;
  }

  /** Appends an event; `detailsKey` is AWS's (`stateEnteredEventDetails`...). Returns its id. */
  add(type: string, detailsKey?: string, details?: JsonObject): number {
    const event: HistoryEvent = {
      id: this.nextId,
      previousEventId: this.previousId,
      timestamp: this.timestamp,
      type,
    };
    if (detailsKey && details) event[detailsKey] = details;
    this.events.push(event);
    this.previousId = this.nextId;
    this.nextId += 1;
    return event.id;
  }
}

/** `{ truncated: false }` payload details, as AWS attaches to every serialized payload. */
export function payloadDetails(text: string, key: 'input' | 'output'): JsonObject {
  return key === 'input' ? inputDetails(text) : outputDetails(text);
}

/** `input` + `inputDetails` of an event. */
export function inputDetails(text: string): JsonObject {
  return { input: text, inputDetails: { truncated: false } };
}

/** `output` + `outputDetails` of an event. */
export function outputDetails(text: string): JsonObject {
  return { output: text, outputDetails: { truncated: false } };
}

const ACTIVITY = /^(?:activity:|arn:aws:states:[^:]*:[^:]*:activity:)(.+)$/;

/** The activity of an `activity:NAME` or activity-ARN resource (undefined for other resources). */
export function activityName(resource: string): string | undefined {
  return ACTIVITY.exec(resource)?.[1];
}

/** Splits a Task resource into AWS's `resourceType` / `resource` pair. */
export function resourceParts(resource: string): { resourceType: string; resource: string } {
  const m = /^arn:aws:states:[^:]*:[^:]*:([^:]+):?(.*)$/.exec(resource);
  if (m) return { resourceType: m[1], resource: m[2] || m[1] };
  const i = resource.indexOf(':');
  return i > 0
    ? { resourceType: resource.slice(0, i), resource: resource.slice(i + 1) }
    : { resourceType: resource, resource };
}

/** Event details of an execution that started (event #1 of every history). */
export function executionStartedDetails(input: JsonValue, roleArn: string): JsonObject {
  return { ...payloadDetails(JSON.stringify(input), 'input'), roleArn };
}
