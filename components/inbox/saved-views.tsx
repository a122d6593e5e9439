/**
 * The viewer's saved views: each a link to the inbox as it was saved, with a button to delete it,
 * and "Save this view" to keep the query on screen under a name. The page passes the viewer's
 * views (listSavedViews) and its query as URL parameters (serializeInboxQuery, no cursor).
 */
import Link from 'next/link';
import { deleteInboxView, saveInboxView } from '@/app/inbox/(list)/actions';
import type { SavedViewDto } from '@/lib/approvals/saved-views';
import { DeleteViewButton } from './delete-view-button';
import { SaveViewForm } from './save-view-form';

const viewHref = (search: string) => (search ? `/inbox?${search}` : '/inbox');

export function SavedViews({ currentQuery, views }: { currentQuery: string; views: SavedViewDto[] }) {
  return (
    <section aria-labelledby="saved-views-heading" className="space-y-3">
      <h2 id="saved-views-heading" className="text-sm font-semibold text-slate-900">
        Saved views
      </h2>
      {views.length === 0 ? (
        <p className="text-sm text-slate-600">
          None yet: filter or search the inbox, then save the view to come back to it in one click.
        </p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {views.map((view) => {
            const current = view.search === currentQuery;
            return (
              <li
                key={view.id}
                className={`inline-flex max-w-full items-center rounded-full border pl-3 text-sm ${
                  current ? 'border-blue-600 bg-blue-50' : 'border-slate-300 bg-white'
                }`}
              >
                <Link
                  href={viewHref(view.search)}
                  aria-current={current ? 'page' : undefined}
                  className="min-w-0 truncate py-1 font-medium text-slate-800 underline-offset-2 hover:underline"
                >
                  {view.name}
                </Link>
                <DeleteViewButton action={deleteInboxView} id={view.id} name={view.name} />
              </li>
            );
          })}
        </ul>
      )}
      <SaveViewForm action={saveInboxView} currentQuery={currentQuery} names={views.map((v) => v.name)} />
    </section>
  );
}
