/**
 * Tables the migrations create by hand and schema.prisma does not model: the FTS5 full-text index
 * of approval tasks (lib/approvals/task-search.ts) and the shadow tables SQLite keeps for it.
 * Named as external (prisma.config.ts `tables.external`, and the filters lib/db/migrations.ts
 * hands the schema engine), the engine's diff leaves them alone instead of dropping them; the
 * drift check (lib/db/client.test.ts) stays empty with them in the database.
 */
export const EXTERNAL_TABLES = [
  'ApprovalTaskSearch',
  'ApprovalTaskSearch_config',
  'ApprovalTaskSearch_content',
  'ApprovalTaskSearch_data',
  'ApprovalTaskSearch_docsize',
  'ApprovalTaskSearch_idx',
];
