import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { drainOutbox } from '../mail/drain-outbox';
import { smtpTransport } from '../mail/transport';
import { extractApprovalLink, startTestSmtp, type TestSmtp } from '../mail/test-smtp';
import { decideTaskByToken } from './decide-task-by-token';
import {
  approvalDefinition,
  driveEngine,
  executionOf,
  linksFor,
  seedPeople,
  startWorkflow,
  taskOf,
} from './test-kit';

let smtp: TestSmtp;
let ids: Record<string, string>;
beforeAll(async () => {
  smtp = await startTestSmtp();
  ids = await seedPeople();
});
afterAll(() => smtp.stop());

const base = {
  Title: 'Approve order A-1',
  Details: { orderId: 'A-1', total: 1500, note: '<b>rush</b>' },
  Approvers: ['alice@example.com', 'group:operations'],
};

describe('approval steps with mail over real SMTP', () => {
  it('mails each approver a link; approving resumes the execution, which succeeds with the decision record', async () => {
    const executionId = await startWorkflow(approvalDefinition(base), { requesterId: ids.requester });
    const task = await taskOf(executionId);
    expect(task.status).toBe('PENDING');
    expect(task.assignees.map((a) => a.email).sort()).toEqual([
      'alice@example.com',
      'bob@example.com',
      'carol@example.com',
    ]);
    const transport = smtpTransport(smtp.url);
    await drainOutbox({ transport });
    const mail = await smtp.waitForEmail('alice@example.com');
    transport.close();
    expect(mail.subject).toContain('Approve order A-1');
    expect(mail.html).toContain('&lt;b&gt;rush&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>rush</b>');
    const link = extractApprovalLink(mail);
    const token = link.split('/approve/')[1];
    const result = await decideTaskByToken({ token, decision: 'approve', comment: 'Within budget' });
    expect(result.taskStatus).toBe('APPROVED');
    await driveEngine();
    const execution = await executionOf(executionId);
    expect(execution.status).toBe('SUCCEEDED');
    const output = JSON.parse(execution.output!);
    expect(output.approval).toMatchObject({
      Decision: 'approved',
      Decisions: [
        {
          By: 'alice@example.com',
          Decision: 'approved',
          Comment: 'Within budget',
          Via: 'email-link',
          Form: {},
        },
      ],
    });
    const after = await taskOf(executionId);
    expect(after.assignees.filter((a) => a.status === 'CANCELLED')).toHaveLength(2);
    const outcome = await db.outboxMessage.findFirst({
      where: { kind: 'outcome', to: 'requester@example.com' },
    });
    expect(outcome?.subject).toBe('Approved: Approve order A-1');
  });

  it('a rejection fails the state with Approval.Rejected and the Catch routes it', async () => {
    const executionId = await startWorkflow(approvalDefinition(base), { requesterId: ids.requester });
    const [token] = await linksFor('bob@example.com').then((l) => l.slice(-1));
    await expect(decideTaskByToken({ token, decision: 'reject' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await decideTaskByToken({ token, decision: 'reject', comment: 'Too expensive' });
    await driveEngine();
    const execution = await executionOf(executionId);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'OrderRejected' });
    const history = await db.historyEvent.findMany({ where: { executionId, type: 'TaskFailed' } });
    expect(JSON.parse(history[0].details).taskFailedEventDetails).toMatchObject({
      error: 'Approval.Rejected',
    });
  });

  it('OnReject output succeeds with Decision rejected so a Choice can route it', async () => {
    const definition = {
      StartAt: 'Approve',
      States: {
        Approve: {
          Type: 'Task',
          Resource: 'approval',
          Parameters: { ...base, OnReject: 'output' },
          ResultPath: '$.approval',
          Next: 'Route',
        },
        Route: {
          Type: 'Choice',
          Choices: [{ Variable: '$.approval.Decision', StringEquals: 'rejected', Next: 'WasRejected' }],
          Default: 'WasApproved',
        },
        WasRejected: { Type: 'Pass', Result: 'rejected', End: true },
        WasApproved: { Type: 'Pass', Result: 'approved', End: true },
      },
    };
    const executionId = await startWorkflow(definition);
    const [token] = (await linksFor('carol@example.com')).slice(-1);
    await decideTaskByToken({ token, decision: 'reject', comment: 'No' });
    await driveEngine();
    expect(await executionOf(executionId)).toMatchObject({ status: 'SUCCEEDED', output: '"rejected"' });
  });

  it('a malformed approval configuration fails the state cleanly with Approval.InvalidConfiguration', async () => {
    const definition = {
      StartAt: 'Approve',
      States: {
        Approve: {
          Type: 'Task',
          Resource: 'approval',
          Parameters: { Title: 'x', Approvers: ['alice@example.com'], 'Policy.$': '$.policy' },
          End: true,
        },
      },
    };
    const executionId = await startWorkflow(definition, { input: { policy: { Mode: 'quorum' } } });
    const execution = await executionOf(executionId);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'Approval.InvalidConfiguration' });
    expect(execution.cause).toContain('Policy.Count');
    expect(await db.approvalTask.count({ where: { executionId } })).toBe(0);
  });
});
