/**
 * GET /admin/api-keys — API keys for scripts and the AWS SDK: create one (its secret is shown
 * once), see every key with its scopes, creator, last use and status, revoke one. Admins only:
 * the layout says so to anyone else, and listApiKeys refuses them too.
 */
import { forbidden } from 'next/navigation';
import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { listApiKeys } from '@/lib/auth/api-keys';
import { requirePageUser, userActor } from '@/lib/auth/session';
import { CreateKeyForm } from './create-key-form';
import { KeyTable } from './key-table';

export const metadata: Metadata = { title: 'API keys' };
export const dynamic = 'force-dynamic';

export default async function ApiKeysPage() {
  const user = await requirePageUser('/admin/api-keys');
  // The layout does not run again on a client-side navigation between admin pages: check here too.
  if (user.role !== 'admin') forbidden();
  const keys = await listApiKeys({ actor: userActor(user) });
  const now = new Date();
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">API keys</h1>
        <p className="text-slate-700">
          Scripts call Signoff with a key: <code>Authorization: Bearer &lt;id&gt;.&lt;secret&gt;</code> on the
          REST API, or as AWS credentials on the Step Functions API. A key may do only what its scopes allow.
        </p>
      </div>
      <Card title="Create API key">
        <CreateKeyForm minDay={tomorrow} />
      </Card>
      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-lg font-semibold">
          Keys
        </h2>
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet">
            Create one above, or with npm run cli -- api-key create.
          </EmptyState>
        ) : (
          <KeyTable keys={keys} now={now} />
        )}
      </section>
    </div>
  );
}
