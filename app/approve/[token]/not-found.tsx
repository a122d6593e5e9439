import Link from 'next/link';

/** A garbage, mistyped or foreign link (404): nothing can be decided with it. */
export default function InvalidLink() {
  return (
    <div className="mx-auto max-w-xl space-y-3">
      <h1 className="text-2xl font-bold">This link is not valid</h1>
      <p className="text-slate-700">
        It may be incomplete (copy the whole address from the email), or a newer reminder replaced it. Nothing
        was decided. Use the link in your latest email, or open your inbox.
      </p>
      <Link href="/inbox" className="text-sm font-medium underline">
        Open the inbox
      </Link>
    </div>
  );
}
