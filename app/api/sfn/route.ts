// POST /api/sfn — the Step Functions wire protocol (AWS SDK and CLI)
import { handleSfnRequest } from '@/lib/sfn/handle-sfn-request';

export const dynamic = 'force-dynamic';

export const POST = handleSfnRequest;
