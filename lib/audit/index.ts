export { auditEventSchema, type AuditAction, type AuditEvent } from './audit-event';
export { recordAudit, type RecordAuditOptions } from './record-audit';
export { runAudited } from './run-audited';
export { verifyAuditChain, type AuditChainResult } from './verify-audit-chain';
export { exportAudit, type AuditFilters, type ExportAuditOptions } from './export-audit';
