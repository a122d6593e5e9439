/** The demo's people (DESIGN.md section 10): who a newcomer can sign in as. */
export const demoGroups = [
  { name: 'finance', description: 'Approves spending and expense claims' },
  { name: 'operations', description: 'Reviews data runs and fulfilment' },
  { name: 'managers', description: 'Escalations land here' },
] as const;

export const demoUsers = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin', groups: [] },
  {
    email: 'manager@example.com',
    name: 'Max Manager',
    role: 'manager',
    groups: ['finance:manager', 'operations:manager', 'managers'],
  },
  { email: 'alice@example.com', name: 'Alice Approver', role: 'approver', groups: ['finance'] },
  { email: 'bob@example.com', name: 'Bob Approver', role: 'approver', groups: ['operations'] },
  { email: 'carol@example.com', name: 'Carol Approver', role: 'approver', groups: ['finance', 'operations'] },
] as const;

/** The example workflows: file under prisma/seed/workflows and the name they get. */
export const demoWorkflows = [
  {
    file: 'order-fulfilment.asl.json',
    name: 'order-fulfilment',
    description: "Order fulfilment with a manager's approval and parallel steps",
  },
  {
    file: 'expense-approval.asl.json',
    name: 'expense-approval',
    description: 'Expense approval with reminders and escalation',
  },
  {
    file: 'data-processing-review.asl.json',
    name: 'data-processing-review',
    description: 'Maps over records, then a person reviews the result',
  },
  {
    file: 'price-quote.asl.json',
    name: 'price-quote',
    description: 'An Express workflow: a price quote answered within the request',
    type: 'EXPRESS',
  },
] as const;

/** Runs of the Express workflow (StartSyncExecution), so the console's Express tab has some. */
export const demoSyncRuns = [
  { workflow: 'price-quote', name: 'quote-small', input: { net: 240, shipping: 12 } },
  { workflow: 'price-quote', name: 'quote-large', input: { net: 1800, shipping: 40 } },
] as const;

/** Executions the demo starts, so a newcomer finds approval mail in the built-in mailbox. */
export const demoExecutions = [
  {
    workflow: 'order-fulfilment',
    name: 'demo-order-1042',
    requester: 'bob@example.com',
    input: {
      orderId: 'ORD-1042',
      total: 2450,
      customerEmail: 'customer@example.org',
      items: [{ sku: 'DESK-01', qty: 5 }],
    },
  },
  {
    workflow: 'expense-approval',
    name: 'demo-expense-311',
    requester: 'alice@example.com',
    input: { employee: 'Alice Approver', amount: 180, purpose: 'Conference travel' },
  },
  {
    workflow: 'data-processing-review',
    name: 'demo-dataset-q3',
    requester: 'alice@example.com',
    input: {
      dataset: 'q3-sales',
      records: [
        { id: 'r1', amount: 120 },
        { id: 'r2', amount: -5 },
        { id: 'r3', amount: 80 },
      ],
    },
  },
] as const;
