import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-slate-700">There is nothing at this address.</p>
      <Link href="/" className="text-sm font-medium text-slate-900 underline">
        Back to the home page
      </Link>
    </div>
  );
}
