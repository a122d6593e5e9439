/** The actions of /api/sfn by their X-Amz-Target name (`AWSStepFunctions.<Action>`), each with the scope it needs. */
import type { ApiScope } from '../auth/scopes';
import type { SfnAction } from './action';
import { createActivity, deleteActivity, describeActivity, listActivities } from './actions/activities';
import {
  createStateMachineAlias,
  deleteStateMachineAlias,
  deleteStateMachineVersion,
  describeStateMachineAlias,
  listStateMachineAliases,
  updateStateMachineAlias,
} from './actions/aliases';
import { createStateMachine } from './actions/create-state-machine';
import { deleteStateMachine } from './actions/delete-state-machine';
import { describeExecution } from './actions/describe-execution';
import { describeStateMachine } from './actions/describe-state-machine';
import { describeStateMachineForExecution } from './actions/describe-state-machine-for-execution';
import { getActivityTask } from './actions/get-activity-task';
import { getExecutionHistory } from './actions/get-execution-history';
import { listExecutions } from './actions/list-executions';
import { listStateMachineVersions } from './actions/list-state-machine-versions';
import { listStateMachines } from './actions/list-state-machines';
import { redriveExecution } from './actions/redrive-execution';
import { sendTaskFailure, sendTaskHeartbeat, sendTaskSuccess } from './actions/send-task';
import { describeMapRun, listMapRuns, updateMapRun } from './actions/map-runs';
import { startExecution } from './actions/start-execution';
import { startSyncExecution } from './actions/start-sync-execution';
import { stopExecution } from './actions/stop-execution';
import { listTagsForResource, tagResource, untagResource } from './actions/tags';
import { testState } from './actions/test-state';
import { updateStateMachine } from './actions/update-state-machine';
import { validateStateMachineDefinition } from './actions/validate-state-machine-definition';

const TARGET_PREFIX = 'AWSStepFunctions.';

const sfnActions = {
  CreateStateMachine: createStateMachine,
  UpdateStateMachine: updateStateMachine,
  DescribeStateMachine: describeStateMachine,
  ListStateMachines: listStateMachines,
  DeleteStateMachine: deleteStateMachine,
  ValidateStateMachineDefinition: validateStateMachineDefinition,
  ListStateMachineVersions: listStateMachineVersions,
  DeleteStateMachineVersion: deleteStateMachineVersion,
  CreateStateMachineAlias: createStateMachineAlias,
  DescribeStateMachineAlias: describeStateMachineAlias,
  UpdateStateMachineAlias: updateStateMachineAlias,
  DeleteStateMachineAlias: deleteStateMachineAlias,
  ListStateMachineAliases: listStateMachineAliases,
  StartExecution: startExecution,
  StartSyncExecution: startSyncExecution,
  ListMapRuns: listMapRuns,
  DescribeMapRun: describeMapRun,
  UpdateMapRun: updateMapRun,
  DescribeExecution: describeExecution,
  ListExecutions: listExecutions,
  GetExecutionHistory: getExecutionHistory,
  StopExecution: stopExecution,
  RedriveExecution: redriveExecution,
  DescribeStateMachineForExecution: describeStateMachineForExecution,
  SendTaskSuccess: sendTaskSuccess,
  SendTaskFailure: sendTaskFailure,
  SendTaskHeartbeat: sendTaskHeartbeat,
  CreateActivity: createActivity,
  DescribeActivity: describeActivity,
  ListActivities: listActivities,
  DeleteActivity: deleteActivity,
  GetActivityTask: getActivityTask,
  TestState: testState,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
} satisfies Record<string, SfnAction>;

type SfnActionName = keyof typeof sfnActions;

/**
 * The scope an API key needs for each action (DESIGN §6), checked before the input is read. The
 * services behind the actions check theirs too; this also covers the actions that read directly.
 */
const actionScopes: Record<SfnActionName, ApiScope> = {
  CreateStateMachine: 'workflows:write',
  UpdateStateMachine: 'workflows:write',
  DescribeStateMachine: 'workflows:read',
  ListStateMachines: 'workflows:read',
  DeleteStateMachine: 'workflows:write',
  ValidateStateMachineDefinition: 'workflows:read',
  ListStateMachineVersions: 'workflows:read',
  DeleteStateMachineVersion: 'workflows:write',
  CreateStateMachineAlias: 'workflows:write',
  DescribeStateMachineAlias: 'workflows:read',
  UpdateStateMachineAlias: 'workflows:write',
  DeleteStateMachineAlias: 'workflows:write',
  ListStateMachineAliases: 'workflows:read',
  StartExecution: 'executions:write',
  StartSyncExecution: 'executions:write',
  ListMapRuns: 'executions:read',
  DescribeMapRun: 'executions:read',
  UpdateMapRun: 'executions:write',
  DescribeExecution: 'executions:read',
  ListExecutions: 'executions:read',
  GetExecutionHistory: 'executions:read',
  StopExecution: 'executions:write',
  RedriveExecution: 'executions:write',
  DescribeStateMachineForExecution: 'executions:read',
  SendTaskSuccess: 'tasks:write',
  SendTaskFailure: 'tasks:write',
  SendTaskHeartbeat: 'tasks:write',
  CreateActivity: 'workflows:write',
  DescribeActivity: 'workflows:read',
  ListActivities: 'workflows:read',
  DeleteActivity: 'workflows:write',
  GetActivityTask: 'activities:poll',
  TestState: 'workflows:read',
  TagResource: 'workflows:write',
  UntagResource: 'workflows:write',
  ListTagsForResource: 'workflows:read',
};

/** The action an X-Amz-Target names with its scope, or undefined. */
export function actionFor(target: string | null): { action: SfnAction; scope: ApiScope } | undefined {
  if (!target?.startsWith(TARGET_PREFIX)) return undefined;
  const name = target.slice(TARGET_PREFIX.length);
  if (!Object.hasOwn(sfnActions, name)) return undefined;
  return {
    action: sfnActions[name as SfnActionName] as SfnAction,
    scope: actionScopes[name as SfnActionName],
  };
}
