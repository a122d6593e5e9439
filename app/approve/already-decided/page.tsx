// GET /approve/already-decided?t=<token> — what the link's request came to, read from the database.
import { OutcomePage, outcomeMetadata } from '../outcome-page';

export const metadata = outcomeMetadata('Already decided');
export const dynamic = 'force-dynamic';

export default OutcomePage;
