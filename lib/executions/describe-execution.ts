import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';
import { loadExecutionDetail, type ExecutionDetail } from './execution-dto';

/** DescribeExecution: status, payloads and who started it; NOT_FOUND for an unknown id. An API key needs executions:read. */
export async function getExecutionOrThrow({
  id,
  actor,
}: {
  id: string;
  actor: Actor;
}): Promise<ExecutionDetail> {
  await authorize(actor, 'executions:read');
  return loadExecutionDetail(db, id);
}
