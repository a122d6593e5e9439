/**
 * The AWS services Signoff can call: their SDK v3 client (installed per service), how Step
 * Functions names their errors, and where to reach them. Credentials come from the SDK's
 * standard chain (environment, shared files, container and instance roles); the region from
 * AWS_REGION (or AWS_DEFAULT_REGION, else us-east-1) unless the resource names one; the
 * endpoint from SIGNOFF_AWS_ENDPOINT_<SERVICE> (e.g. SIGNOFF_AWS_ENDPOINT_SQS), else
 * SIGNOFF_AWS_ENDPOINT for every service (LocalStack), else the SDK's own (which also honours
 * AWS_ENDPOINT_URL_<SERVICE>).
 */

/** The part of an SDK v3 client Signoff uses. */
export interface AwsClient {
  send(command: unknown): Promise<Record<string, unknown>>;
}

type ClientModule = Record<string, unknown>;

export interface AwsService {
  /** the resource's service name (`arn:aws:states:::sqs:…`, `aws-sdk:sqs:…`) */
  key: string;
  /** error prefix of the optimized integration (`SQS.QueueDoesNotExistException`) */
  prefix: string;
  /** error prefix of `aws-sdk:` (Step Functions uses the Java SDK's client name: `Sqs.…`) */
  sdkPrefix: string;
  /** the Java SDK's base exception, for a service error no model names */
  baseException: string;
  /** the API's own field case: ECS and Step Functions speak camelCase, Step Functions' Parameters PascalCase */
  camelCase: boolean;
  /** the names SIGNOFF_AWS_ENDPOINT_<NAME> may use */
  endpointNames: string[];
  clientName: string;
  load: () => Promise<ClientModule>;
}

const service = (s: AwsService): [string, AwsService] => [s.key, s];

const SERVICES = new Map<string, AwsService>([
  service({
    key: 'lambda',
    prefix: 'Lambda',
    sdkPrefix: 'Lambda',
    baseException: 'LambdaException',
    camelCase: false,
    endpointNames: ['LAMBDA'],
    clientName: 'LambdaClient',
    load: () => import('@aws-sdk/client-lambda'),
  }),
  service({
    key: 'sqs',
    prefix: 'SQS',
    sdkPrefix: 'Sqs',
    baseException: 'SqsException',
    camelCase: false,
    endpointNames: ['SQS'],
    clientName: 'SQSClient',
    load: () => import('@aws-sdk/client-sqs'),
  }),
  service({
    key: 'sns',
    prefix: 'SNS',
    sdkPrefix: 'Sns',
    baseException: 'SnsException',
    camelCase: false,
    endpointNames: ['SNS'],
    clientName: 'SNSClient',
    load: () => import('@aws-sdk/client-sns'),
  }),
  service({
    key: 'dynamodb',
    prefix: 'DynamoDB',
    sdkPrefix: 'DynamoDb',
    baseException: 'DynamoDbException',
    camelCase: false,
    endpointNames: ['DYNAMODB'],
    clientName: 'DynamoDBClient',
    load: () => import('@aws-sdk/client-dynamodb'),
  }),
  service({
    key: 'events',
    prefix: 'EventBridge',
    sdkPrefix: 'EventBridge',
    baseException: 'EventBridgeException',
    camelCase: false,
    endpointNames: ['EVENTS', 'EVENTBRIDGE'],
    clientName: 'EventBridgeClient',
    load: () => import('@aws-sdk/client-eventbridge'),
  }),
  service({
    key: 'ecs',
    prefix: 'ECS',
    sdkPrefix: 'Ecs',
    baseException: 'EcsException',
    camelCase: true,
    endpointNames: ['ECS'],
    clientName: 'ECSClient',
    load: () => import('@aws-sdk/client-ecs'),
  }),
  service({
    key: 'glue',
    prefix: 'Glue',
    sdkPrefix: 'Glue',
    baseException: 'GlueException',
    camelCase: false,
    endpointNames: ['GLUE'],
    clientName: 'GlueClient',
    load: () => import('@aws-sdk/client-glue'),
  }),
  service({
    key: 'athena',
    prefix: 'Athena',
    sdkPrefix: 'Athena',
    baseException: 'AthenaException',
    camelCase: false,
    endpointNames: ['ATHENA'],
    clientName: 'AthenaClient',
    load: () => import('@aws-sdk/client-athena'),
  }),
  service({
    key: 's3',
    prefix: 'S3',
    sdkPrefix: 'S3',
    baseException: 'S3Exception',
    camelCase: false,
    endpointNames: ['S3'],
    clientName: 'S3Client',
    load: () => import('@aws-sdk/client-s3'),
  }),
  service({
    key: 'sfn',
    prefix: 'StepFunctions',
    sdkPrefix: 'Sfn',
    baseException: 'SfnException',
    camelCase: true,
    endpointNames: ['SFN', 'STATES'],
    clientName: 'SFNClient',
    load: () => import('@aws-sdk/client-sfn'),
  }),
]);
/** `aws-sdk:eventbridge:…` is the same client as the optimized `events:…`. */
const ALIASES: Record<string, string> = { eventbridge: 'events' };

export function awsService(key: string): AwsService | undefined {
  return SERVICES.get(ALIASES[key] ?? key);
}

export function awsRegion(): string {
  return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1';
}

function endpointOf(service: AwsService): string | undefined {
  for (const name of service.endpointNames) {
    const value = process.env[`SIGNOFF_AWS_ENDPOINT_${name}`];
    if (value) return value;
  }
  return process.env.SIGNOFF_AWS_ENDPOINT || undefined;
}

const clients = new Map<string, AwsClient>();

/** The service's client for `region` at its configured endpoint (one per combination). */
export async function awsClient(service: AwsService, region = awsRegion()): Promise<AwsClient> {
  const endpoint = endpointOf(service);
  const key = `${service.key}|${region}|${endpoint ?? ''}`;
  const known = clients.get(key);
  if (known) return known;
  const loaded = await service.load();
  const Client = loaded[service.clientName] as new (config: object) => AwsClient;
  // An endpoint of one's own (LocalStack, moto) names buckets in the path, not the host.
  const client = new Client({
    region,
    ...(endpoint ? { endpoint, ...(service.key === 's3' ? { forcePathStyle: true } : {}) } : {}),
  });
  clients.set(key, client);
  return client;
}

/** The SDK command class for an action (`sendMessage` → SendMessageCommand), if the client has it. */
export async function awsCommand(
  service: AwsService,
  action: string,
): Promise<(new (input: object) => unknown) | undefined> {
  const loaded = await service.load();
  const name = `${action.charAt(0).toUpperCase()}${action.slice(1)}Command`;
  const command = loaded[name];
  return typeof command === 'function' ? (command as new (input: object) => unknown) : undefined;
}
