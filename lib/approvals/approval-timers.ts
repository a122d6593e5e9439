/**
 * The approval's durable timers (rows with an absolute dueAt, fired by the engine's timer
 * loop through registerTimerHandler): reminders every N seconds up to Max, and one
 * escalation that asks more people. The expiry is the engine's own Timeout timer: it fails the
 * state with States.Timeout and the task closes EXPIRED with it (close-task.ts).
 */
import type { Tx } from '../db/client';
import type { FiredTimer } from '../engine/timers/timer-handlers';
import type { ApprovalConfig } from './config-schema';
import { addAssignees, remindAssignees } from './add-assignees';
import { resolveApprovers } from './resolve-approvers';

export const REMINDER = 'ApprovalReminder';
export const ESCALATION = 'ApprovalEscalation';

interface ScheduleArgs {
  taskId: string;
  executionId: string;
  frameId: string;
  taskTokenId: string;
  now: Date;
  config: ApprovalConfig;
}

const after = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

export async function scheduleApprovalTimers(tx: Tx, args: ScheduleArgs): Promise<void> {
  const base = { executionId: args.executionId, frameId: args.frameId, approvalTaskId: args.taskId };
  const rows = [];
  const { Reminders, Escalation } = args.config;
  // Reminders and escalation carry the token id: the engine cancels them when the token ends.
  if (Reminders && Reminders.Max > 0)
    rows.push({
      ...base,
      taskTokenId: args.taskTokenId,
      key: `${args.taskId}:${REMINDER}:1`,
      purpose: REMINDER,
      dueAt: after(args.now, Reminders.EverySeconds),
    });
  if (Escalation)
    rows.push({
      ...base,
      taskTokenId: args.taskTokenId,
      key: `${args.taskId}:${ESCALATION}`,
      purpose: ESCALATION,
      dueAt: after(args.now, Escalation.AfterSeconds),
    });
  if (rows.length > 0) await tx.timer.createMany({ data: rows });
}

async function pendingTask(tx: Tx, timer: FiredTimer) {
  if (!timer.approvalTaskId) return null;
  const task = await tx.approvalTask.findUnique({ where: { id: timer.approvalTaskId } });
  return task?.status === 'PENDING' ? task : null;
}

export async function onReminderDue(tx: Tx, timer: FiredTimer): Promise<void> {
  const task = await pendingTask(tx, timer);
  if (!task || task.remindersSent >= task.reminderMax) return;
  await remindAssignees(tx, task.id);
  const sent = task.remindersSent + 1;
  await tx.approvalTask.update({ where: { id: task.id }, data: { remindersSent: sent } });
  if (sent < task.reminderMax && task.reminderEverySec) {
    await tx.timer.create({
      data: {
        key: `${task.id}:${REMINDER}:${sent + 1}`,
        executionId: task.executionId,
        frameId: timer.frameId,
        taskTokenId: task.taskTokenId,
        approvalTaskId: task.id,
        purpose: REMINDER,
        dueAt: after(timer.dueAt, task.reminderEverySec),
      },
    });
  }
}

export async function onEscalationDue(tx: Tx, timer: FiredTimer): Promise<void> {
  const task = await pendingTask(tx, timer);
  if (!task || task.escalatedAt) return;
  const people = await resolveApprovers(
    tx,
    JSON.parse(task.escalateTo) as string[],
    timer.dueAt,
    'escalation',
  ).catch(() => []);
  const others = people.filter(
    (p) => task.allowSelfApproval || !task.requesterUserId || p.userId !== task.requesterUserId,
  );
  await addAssignees(tx, { taskId: task.id, people: others, kind: 'escalation' });
  await tx.approvalTask.update({ where: { id: task.id }, data: { escalatedAt: timer.dueAt } });
}
