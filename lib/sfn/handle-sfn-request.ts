/**
 * The Step Functions wire protocol (AWS JSON 1.0): `POST` with `X-Amz-Target:
 * AWSStepFunctions.<Action>`, a SigV4 signature, a JSON body; a JSON answer, or
 * `{"__type","message"}` through the one error mapping. Nothing is read or written for a call
 * that fails authentication, or whose key lacks the action's scope (AccessDeniedException).
 */
import { requireScope } from '../auth/scopes';
import { requestInfoOf } from '../http/api-route';
import { readBodyText } from '../http/read-body';
import { takeApiToken } from '../http/throttle';
import { authenticateSigV4 } from './authenticate';
import { actionFor } from './dispatch';
import { awsErrorResponse, sfnError } from './sfn-error';

const CONTENT_TYPE = 'application/x-amz-json-1.0';

export async function handleSfnRequest(request: Request): Promise<Response> {
  try {
    const body = await readBodyText(request);
    const actor = await authenticateSigV4(request, body);
    if (actor.id) takeApiToken(actor.id);
    const found = actionFor(request.headers.get('x-amz-target'));
    if (!found)
      throw sfnError(
        'UnknownOperationException',
        `Unknown operation: '${request.headers.get('x-amz-target') ?? ''}'.`,
      );
    requireScope(actor, found.scope);
    const { action } = found;
    const input = action.input.parse(parseBody(body));
    const output = await action.run(input, { actor, request: requestInfoOf(request) });
    return new Response(JSON.stringify(output), { status: 200, headers: { 'content-type': CONTENT_TYPE } });
  } catch (error) {
    return awsErrorResponse(error);
  }
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw sfnError('SerializationException', 'The request body is not valid JSON.');
  }
}
