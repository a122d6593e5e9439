/** The actions of /api/sfn by their X-Amz-Target name (`AWSStepFunctions.<Action>`). */
import type { SfnAction } from './action';
import { createActivity, deleteActivity, describeActivity, listActivities } from './actions/activities';
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
import { startExecution } from './actions/start-execution';
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
  StartExecution: startExecution,
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

/** The action an X-Amz-Target names, or undefined. */
export function actionFor(target: string | null): SfnAction | undefined {
  if (!target?.startsWith(TARGET_PREFIX)) return undefined;
  const name = target.slice(TARGET_PREFIX.length);
  return Object.hasOwn(sfnActions, name) ? (sfnActions[name as SfnActionName] as SfnAction) : undefined;
}
