'use client';
/** Keeps an open inbox page current: on the server's `change` event the page's data reloads. */
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

export function LiveInbox({ version }: { version: string }) {
  const router = useRouter();
  const [note, setNote] = useState('');
  useEffect(() => {
    const source = new EventSource(`/inbox/events?v=${encodeURIComponent(version)}`);
    source.addEventListener('change', () => {
      setNote('The list changed: updated.');
      router.refresh();
    });
    return () => source.close();
  }, [version, router]);
  return (
    <p aria-live="polite" className="sr-only">
      {note}
    </p>
  );
}
