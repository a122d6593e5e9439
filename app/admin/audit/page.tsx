/**
 * GET /admin/audit — the audit trail, newest first: filters in the URL, a page at a time by an
 * opaque cursor, Export CSV / JSON of everything the filters match, and Verify chain. Admins
 * only: the layout says so to anyone else, and the services refuse them too.
 */
import { forbidden } from 'next/navigation';
import { z } from 'zod';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { listAudit, type AuditPage } from '@/lib/audit/list-audit';
import { requirePageUser, userActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { AuditFilterForm } from './audit-filter-form';
import {
  auditHref,
  auditQuerySchema,
  filtersOf,
  filterValues,
  firstValues,
  type AuditFilterValues,
} from './audit-query';
import { AuditTable } from './audit-table';
import { ExportButtons } from './export-buttons';
import { VerifyChainButton } from './verify-chain-button';

export const metadata: Metadata = { title: 'Audit trail' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Problem({ children }: { children: React.ReactNode }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      {children}
    </div>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser('/admin/audit');
  // The layout does not run again on a client-side navigation between admin pages: check here too.
  if (user.role !== 'admin') forbidden();
  const raw = firstValues(await searchParams);
  const values = filterValues(raw);
  const parsed = auditQuerySchema.safeParse(raw);
  const errors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  let page: AuditPage | null = null;
  let problem: string | null = parsed.success ? null : 'Check the filters: some could not be read.';
  if (parsed.success) {
    try {
      const { cursor } = parsed.data;
      page = await listAudit({ filters: filtersOf(parsed.data), cursor, actor: userActor(user) });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'INVALID_INPUT') throw error;
      problem = error.message;
    }
  }
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Audit trail</h1>
        <p className="text-slate-700">
          Who did what, when and from where, newest first. Each entry holds the hash of the one before, so an
          edited or deleted entry breaks the chain. Times are UTC.
        </p>
      </div>
      <Card title="Filters">
        <AuditFilterForm values={values} errors={errors} />
      </Card>
      {problem && (
        <Problem>
          <p>{problem}</p>
          {raw.cursor && (
            <Link href={auditHref(values)} className="font-medium underline">
              Back to the newest entries
            </Link>
          )}
        </Problem>
      )}
      <section aria-labelledby="entries-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="entries-heading" className="text-lg font-semibold">
            Entries
          </h2>
          {parsed.success && <ExportButtons filters={values} />}
        </div>
        <VerifyChainButton />
        {page && <Entries page={page} values={values} paged={!!raw.cursor} />}
      </section>
    </div>
  );
}

function Entries({ page, values, paged }: { page: AuditPage; values: AuditFilterValues; paged: boolean }) {
  const filtered = Object.keys(values).length > 0;
  return (
    <>
      {page.entries.length === 0 ? (
        <EmptyState
          title={paged ? 'No older entries' : filtered ? 'No entries match these filters' : 'No entries yet'}
        >
          {filtered && !paged ? 'Change or clear the filters.' : null}
        </EmptyState>
      ) : (
        <AuditTable entries={page.entries} />
      )}
      <nav aria-label="Audit pages" className="flex flex-wrap gap-4 text-sm font-medium">
        {paged && (
          <Link href={auditHref(values)} className="underline">
            Newest entries
          </Link>
        )}
        {page.nextCursor && (
          <Link href={auditHref(values, page.nextCursor)} className="underline">
            Older entries
          </Link>
        )}
      </nav>
    </>
  );
}
