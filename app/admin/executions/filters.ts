/**
 * The executions list's query params (`type`, `mapRun`, `status`, `workflow`, `version`, `from`,
 * `to`, `name`, `error`, `cursor`): parsed into listExecutions options, with a sentence for each one that
 * cannot be used, so a bad link shows what to fix instead of failing. Times are UTC: a date
 * alone is its midnight (`to`: the end of that day); `from` counts, `to` does not.
 */
import { EXECUTION_STATUSES } from '@/lib/executions/schemas';

const FILTER_KEYS = [
  'type',
  'mapRun',
  'status',
  'workflow',
  'version',
  'from',
  'to',
  'name',
  'error',
  'cursor',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

interface ExecutionFilters {
  /** Standard and Express runs are listed apart: Standard unless asked (or a workflow is named) */
  type?: 'STANDARD' | 'EXPRESS';
  /** a Distributed Map run: its child executions */
  mapRunId?: string;
  status?: string;
  workflowId?: string;
  version?: number;
  startedAfter?: Date;
  startedBefore?: Date;
  namePrefix?: string;
  error?: string;
  nextToken?: string;
}

export interface ParsedFilters {
  filters: ExecutionFilters;
  /** what the form shows: the params as given (times as datetime-local, UTC) */
  values: Partial<Record<FilterKey, string>>;
  problems: string[];
}

type SearchParams = Record<string, string | string[] | undefined>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A UTC instant from a date, a datetime-local value or an ISO time with a zone. */
export function parseInstant(text: string, endOfDay = false): Date | undefined {
  let time = NaN;
  if (DATE.test(text)) time = Date.parse(`${text}T00:00:00Z`) + (endOfDay ? 86_400_000 : 0);
  else if (LOCAL.test(text)) time = Date.parse(`${text}Z`);
  else if (ZONED.test(text)) time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** The value of a datetime-local input for an instant, in UTC. */
const localValue = (date: Date) => date.toISOString().slice(0, 16);

function first(params: SearchParams, key: FilterKey): string | undefined {
  const value = params[key];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}

export function parseExecutionFilters(params: SearchParams): ParsedFilters {
  const filters: ExecutionFilters = {};
  const values: ParsedFilters['values'] = {};
  const problems: string[] = [];
  const read = (key: FilterKey, max: number) => {
    const text = first(params, key);
    if (text === undefined) return undefined;
    values[key] = text;
    if (text.length <= max) return text;
    problems.push(`The ${key} filter is too long (at most ${max} characters).`);
    return undefined;
  };

  const status = read('status', 40);
  if (status !== undefined) {
    if ((EXECUTION_STATUSES as readonly string[]).includes(status)) filters.status = status;
    else problems.push(`There is no status "${status}": choose one of ${EXECUTION_STATUSES.join(', ')}.`);
  }
  filters.workflowId = read('workflow', 200);
  filters.mapRunId = read('mapRun', 100);
  const type = read('type', 20);
  if (type === 'express') filters.type = 'EXPRESS';
  else if (type !== undefined && type !== 'standard')
    problems.push(`There is no execution type "${type}": choose standard or express.`);
  else if ((!filters.workflowId && !filters.mapRunId) || type === 'standard') filters.type = 'STANDARD';
  const version = read('version', 10);
  if (version !== undefined) {
    if (/^[1-9]\d*$/.test(version)) filters.version = Number(version);
    else problems.push(`The version must be a whole number from 1 ("${version}" is not).`);
  }
  filters.startedAfter = readInstant('from', 'Started from', false);
  filters.startedBefore = readInstant('to', 'Started before', true);
  if (filters.startedAfter && filters.startedBefore && filters.startedAfter >= filters.startedBefore)
    problems.push('"Started from" must come before "Started before".');
  filters.namePrefix = read('name', 80);
  filters.error = read('error', 256);
  filters.nextToken = read('cursor', 2000);
  for (const key of Object.keys(filters) as (keyof ExecutionFilters)[])
    if (filters[key] === undefined) delete filters[key];
  return { filters, values, problems };

  function readInstant(key: 'from' | 'to', label: string, endOfDay: boolean): Date | undefined {
    const text = read(key, 40);
    if (text === undefined) return undefined;
    const instant = parseInstant(text, endOfDay);
    if (instant) {
      values[key] = localValue(instant);
      return instant;
    }
    problems.push(`"${label}" is not a time: use a date like 2026-03-02 or 2026-03-02T14:30 (UTC).`);
    return undefined;
  }
}

/** The list's URL with `changes` applied to `values` (undefined removes a param). */
export function executionsHref(
  values: Partial<Record<FilterKey, string>>,
  changes: Partial<Record<FilterKey, string | undefined>> = {},
): string {
  const params = new URLSearchParams();
  const merged = { ...values, ...changes };
  for (const key of FILTER_KEYS) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/admin/executions?${query}` : '/admin/executions';
}
