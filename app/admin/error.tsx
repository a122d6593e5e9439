'use client';
/** Any console page that fails: one boundary for every section under /admin (the navigation stays). */

export default function ConsoleError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="space-y-3" role="alert">
      <h1 className="text-2xl font-bold">This page could not be shown</h1>
      <p className="text-slate-700">The error was logged on the server.</p>
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white"
      >
        Try again
      </button>
    </div>
  );
}
