export default function TaskLoading() {
  return (
    <div className="mx-auto max-w-xl space-y-4" aria-busy="true">
      <p className="text-sm text-slate-600">Loading the request…</p>
      <div className="h-8 w-3/4 animate-pulse rounded bg-slate-200" />
      <div className="h-32 animate-pulse rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
