import Link from 'next/link';

/** No such task, or one outside what this person may see (the same answer, on purpose). */
export default function TaskNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3">
      <h1 className="text-2xl font-bold">This request is not in your inbox</h1>
      <p className="text-slate-700">It does not exist, or it was not asked of you or your groups.</p>
      <Link href="/inbox" className="text-sm font-medium underline">
        Back to the inbox
      </Link>
    </div>
  );
}
