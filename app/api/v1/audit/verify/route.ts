// GET /api/v1/audit/verify — recompute the hash chain: { ok, entries } or the first broken seq
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { apiRoute, json, otherMethods } from '@/lib/http/api-route';

export const GET = apiRoute({ auth: 'apiKey' }, async ({ actor }) => json(await verifyAuditChain({ actor })));

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
