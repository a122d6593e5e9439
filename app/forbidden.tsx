/** 403: the signed-in person may not see this page (forbidden(); today the admin console's frame). */
import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">This page is for admins</h1>
      <p className="text-slate-700">
        Your account cannot open it. Your approval tasks are in the{' '}
        <Link href="/inbox" className="font-medium underline">
          inbox
        </Link>
        .
      </p>
    </div>
  );
}
