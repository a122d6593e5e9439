/**
 * An AWS SDK error → the Task's error as Step Functions names it, so Retry and Catch match it:
 * `<Prefix>.<ErrorName>Exception` (`DynamoDB.ConditionalCheckFailedException`,
 * `SQS.QueueDoesNotExistException`; Step Functions adds the Exception suffix where the API's
 * name lacks it); a service error no model names is the Java SDK's base exception
 * (`SQS.SqsException`); no credentials, no endpoint or a broken connection is
 * `<Prefix>.SdkClientException`. The cause reads as AWS's: the message, then the service,
 * status code and request id.
 */
import type { TaskOutcome } from '../integration';
import type { AwsService } from './aws-services';

interface SdkError {
  name?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const GENERIC = new Set(['Error', 'UnknownError', 'ServiceException', 'SyntaxError']);

function errorName(name: string | undefined, service: AwsService): string {
  const last = (name ?? '').split('.').pop() ?? '';
  if (!last || GENERIC.has(last) || last.endsWith('ServiceException')) return service.baseException;
  return last.endsWith('Exception') ? last : `${last}Exception`;
}

export function awsFailure(
  error: unknown,
  service: AwsService,
  sdk: boolean,
): Extract<TaskOutcome, { error: string }> {
  const prefix = sdk ? service.sdkPrefix : service.prefix;
  const e = (error ?? {}) as SdkError;
  const message = e.message || String(error);
  const status = e.$metadata?.httpStatusCode;
  if (!e.$fault || status === undefined) {
    return { error: `${prefix}.SdkClientException`, cause: `${message} (Service: ${service.prefix})` };
  }
  const requestId = e.$metadata?.requestId ?? 'none';
  return {
    error: `${prefix}.${errorName(e.name, service)}`,
    cause: `${message} (Service: ${service.prefix}, Status Code: ${status}, Request ID: ${requestId})`,
  };
}
