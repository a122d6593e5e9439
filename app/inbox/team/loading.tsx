export default function TeamLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <h1 className="text-2xl font-bold">Team view</h1>
      <p className="text-sm text-slate-600">Loading your team&rsquo;s figures…</p>
      <div className="h-40 animate-pulse rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
