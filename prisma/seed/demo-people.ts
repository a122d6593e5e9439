/** The demo's people (DESIGN.md section 10): who a newcomer can sign in as. */
export const demoGroups = [
  { name: 'finance', description: 'Approves spending and expense claims' },
  { name: 'operations', description: 'Reviews data runs and fulfilment' },
  { name: 'managers', description: 'Escalations land here' },
] as const;

export const demoUsers = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin', groups: [] },
  { email: 'manager@example.com', name: 'Max Manager', role: 'manager', groups: ['finance:manager', 'operations:manager', 'managers'] },
  { email: 'alice@example.com', name: 'Alice Approver', role: 'approver', groups: ['finance'] },
  { email: 'bob@example.com', name: 'Bob Approver', role: 'approver', groups: ['operations'] },
  { email: 'carol@example.com', name: 'Carol Approver', role: 'approver', groups: ['finance', 'operations'] },
] as const;

/** The example workflows: file under prisma/seed/workflows and the name they get. */
export const demoWorkflows = [
  { file: 'order-fulfilment.asl.json', name: 'order-fulfilment', description: "Order fulfilment with a manager's approval and parallel steps" },
  { file: 'expense-approval.asl.json', name: 'expense-approval', description: 'Expense approval with reminders and escalation' },
  { file: 'data-processing-review.asl.json', name: 'data-processing-review', description: 'Maps over records, then a person reviews the result' },
] as const;
