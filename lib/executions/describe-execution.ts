import { db } from '../db/client';
import { loadExecutionDetail, type ExecutionDetail } from './execution-dto';

/** DescribeExecution: status, payloads and who started it; NOT_FOUND for an unknown id. */
export async function getExecutionOrThrow({ id }: { id: string }): Promise<ExecutionDetail> {
  return loadExecutionDetail(db, id);
}
