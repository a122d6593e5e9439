/**
 * Step Functions ARNs, as AWS shapes them, with the region and account from the environment
 * (SIGNOFF_AWS_REGION, default us-east-1; SIGNOFF_AWS_ACCOUNT_ID, default 000000000000).
 */
import { sfnError } from './sfn-error';

function awsRegion(): string {
  return process.env.SIGNOFF_AWS_REGION || 'us-east-1';
}

function awsAccountId(): string {
  return process.env.SIGNOFF_AWS_ACCOUNT_ID || '000000000000';
}

const prefix = () => `arn:aws:states:${awsRegion()}:${awsAccountId()}`;

export const stateMachineArn = (name: string) => `${prefix()}:stateMachine:${name}`;
export const stateMachineVersionArn = (name: string, version: number) =>
  `${prefix()}:stateMachine:${name}:${version}`;
export const executionArn = (stateMachine: string, name: string) =>
  `${prefix()}:execution:${stateMachine}:${name}`;
export const activityArn = (name: string) => `${prefix()}:activity:${name}`;
export const mapRunArn = (stateMachine: string, label: string, id: string) =>
  `${prefix()}:mapRun:${stateMachine}/${label}:${id}`;
export const stateMachineAliasArn = (name: string, alias: string) =>
  `${prefix()}:stateMachine:${name}:${alias}`;
/** State machines carry no IAM role here; this stands in where AWS's shapes require one. */
export const roleArn = () => `arn:aws:iam::${awsAccountId()}:role/signoff`;

export type ParsedArn =
  | { kind: 'stateMachine'; name: string; version?: number; alias?: string }
  | { kind: 'execution'; stateMachine: string; name: string }
  | { kind: 'activity'; name: string }
  | { kind: 'mapRun'; stateMachine: string; label: string; id: string };

/** Parses any Step Functions ARN (any region or account); InvalidArn otherwise. */
export function parseArn(arn: string): ParsedArn {
  const parts = arn.split(':');
  if (parts.length < 7 || parts[0] !== 'arn' || parts[2] !== 'states') throw invalidArn(arn);
  const [kind, ...rest] = parts.slice(5);
  if (kind === 'stateMachine' && rest.length === 1) return { kind, name: rest[0] };
  if (kind === 'stateMachine' && rest.length === 2 && /^\d+$/.test(rest[1]))
    return { kind, name: rest[0], version: Number(rest[1]) };
  if (kind === 'stateMachine' && rest.length === 2 && /^[a-zA-Z0-9_-]{1,80}$/.test(rest[1]))
    return { kind, name: rest[0], alias: rest[1] };
  if (kind === 'execution' && rest.length === 2) return { kind, stateMachine: rest[0], name: rest[1] };
  if (kind === 'activity' && rest.length === 1) return { kind, name: rest[0] };
  if (kind === 'mapRun' && rest.length === 2 && rest[0].includes('/')) {
    const slash = rest[0].indexOf('/');
    return { kind, stateMachine: rest[0].slice(0, slash), label: rest[0].slice(slash + 1), id: rest[1] };
  }
  throw invalidArn(arn);
}

export function parseArnOf<K extends ParsedArn['kind']>(
  arn: string,
  kind: K,
): Extract<ParsedArn, { kind: K }> {
  const parsed = parseArn(arn);
  if (parsed.kind !== kind) throw invalidArn(arn, kind);
  return parsed as Extract<ParsedArn, { kind: K }>;
}

function invalidArn(arn: string, kind?: string) {
  return sfnError('InvalidArn', `Invalid Arn: '${arn}'${kind ? ` is not a ${kind} ARN` : ''}.`);
}
