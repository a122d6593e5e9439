/** DescribeStateMachine's shape, shared with DescribeStateMachineForExecution. */
import { db } from '../db/client';
import { roleArn, stateMachineArn, stateMachineVersionArn } from './arn';
import { compact, epochSeconds } from './shapes';

export interface VersionRow {
  version: number;
  definition: string;
  definitionHash: string;
  description: string | null;
  createdAt: Date;
}

export async function loadVersion(workflowId: string, version: number): Promise<VersionRow> {
  return db.workflowVersion.findUniqueOrThrow({
    where: { workflowId_version: { workflowId, version } },
    select: { version: true, definition: true, definitionHash: true, description: true, createdAt: true },
  });
}

/** The fields DescribeStateMachine and DescribeStateMachineForExecution share. */
export function definitionFields(name: string, version: VersionRow) {
  return compact({
    name,
    definition: version.definition,
    roleArn: roleArn(),
    revisionId: version.definitionHash.slice(0, 32),
    description: version.description ?? undefined,
    loggingConfiguration: { level: 'OFF', includeExecutionData: false },
    tracingConfiguration: { enabled: false },
  });
}

/** `asVersion`: the ARN asked for was a version ARN, which AWS echoes as stateMachineArn. */
export function describeShape(
  workflow: { name: string; type: string; createdAt: Date },
  version: VersionRow,
  asVersion: boolean,
) {
  return {
    stateMachineArn: asVersion
      ? stateMachineVersionArn(workflow.name, version.version)
      : stateMachineArn(workflow.name),
    ...definitionFields(workflow.name, version),
    status: 'ACTIVE',
    type: workflow.type,
    creationDate: epochSeconds(asVersion ? version.createdAt : workflow.createdAt),
  };
}
