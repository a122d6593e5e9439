/**
 * `http:invoke` (AWS's HTTP Task shape): Parameters `Method`, `ApiEndpoint` (or `Url`),
 * `Headers`, `QueryParameters`, `RequestBody`; the result is `{ StatusCode, StatusText,
 * Headers, ResponseBody }`. A non-2xx answer fails with `States.Http.StatusCode.NNN` (Retry
 * and Catch match it). Runs after the commit; `.waitForTaskToken` then waits for the token.
 */
import type { JsonObject, JsonValue } from '../../asl';
import type { Integration, TaskOutcome } from './integration';

const asObject = (value: JsonValue | undefined): JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};

function requestOf(input: JsonValue): { url: string; init: RequestInit } {
  const params = asObject(input);
  const url = new URL(String(params.ApiEndpoint ?? params.Url ?? ''));
  for (const [key, value] of Object.entries(asObject(params.QueryParameters)))
    url.searchParams.append(key, String(value));
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(asObject(params.Headers))) headers[key] = String(value);
  const method = String(params.Method ?? 'GET').toUpperCase();
  let body: string | undefined;
  if (params.RequestBody !== undefined && method !== 'GET' && method !== 'HEAD') {
    body = typeof params.RequestBody === 'string' ? params.RequestBody : JSON.stringify(params.RequestBody);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/json';
  }
  return { url: url.toString(), init: { method, headers, body, signal: AbortSignal.timeout(60_000) } };
}

async function responseOf(response: Response): Promise<JsonObject> {
  const text = await response.text();
  let body: JsonValue = text;
  try {
    body = text === '' ? '' : (JSON.parse(text) as JsonValue);
  } catch {
    // not JSON: keep the text
  }
  const headers: JsonObject = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  return {
    StatusCode: response.status,
    StatusText: response.statusText,
    Headers: headers,
    ResponseBody: body,
  };
}

export const httpInvokeIntegration: Integration = {
  name: 'http:invoke',
  matches: (resource) =>
    resource === 'http:invoke' ||
    resource === 'http:invoke.waitForTaskToken' ||
    resource === 'arn:aws:states:::http:invoke',
  start: async (_tx, task) => ({ kind: 'invoke', callback: task.resource.endsWith('.waitForTaskToken') }),
  async invoke(_resource, input): Promise<TaskOutcome> {
    let request;
    try {
      request = requestOf(input);
    } catch (error) {
      return { error: 'States.Runtime', cause: `Invalid HTTP task parameters: ${(error as Error).message}` };
    }
    try {
      const result = await responseOf(await fetch(request.url, request.init));
      const status = result.StatusCode as number;
      if (status >= 200 && status < 300) return { output: result };
      return { error: `States.Http.StatusCode.${status}`, cause: JSON.stringify(result) };
    } catch (error) {
      return { error: 'States.Http.Socket', cause: (error as Error).message };
    }
  },
};
