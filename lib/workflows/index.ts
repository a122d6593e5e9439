export { createWorkflow, type CreateWorkflowOptions } from './create-workflow';
export { createWorkflowVersion, type CreateWorkflowVersionOptions } from './create-workflow-version';
export { deleteWorkflow } from './delete-workflow';
export {
  getWorkflowOrThrow,
  getWorkflowVersionOrThrow,
  type WorkflowVersionDetail,
} from './get-workflow-or-throw';
export { listWorkflows, type WorkflowSummary } from './list-workflows';
export { checkDefinition, MAX_DEFINITION_BYTES } from './check-definition';
export type { WorkflowDetail, WorkflowVersionSummary } from './workflow-dto';
