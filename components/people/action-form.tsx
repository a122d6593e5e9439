'use client';
/**
 * A small form around one server action (a button, or a select and a button) that says what
 * happened: the action's message on failure, `done` on success, read out politely.
 */
import { useActionState } from 'react';

type Result = { ok: true } | { ok: false; message: string };

interface ActionFormProps<T extends Result> {
  action: (prev: T | null, formData: FormData) => Promise<T>;
  hidden: Record<string, string>;
  done: string;
  children: React.ReactNode;
  className?: string;
}

export function ActionForm<T extends Result>({
  action: run,
  hidden,
  done,
  children,
  className,
}: ActionFormProps<T>) {
  const [state, action, pending] = useActionState(run, null);
  return (
    <form action={action} className={className ?? 'flex flex-wrap items-center gap-2'}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset disabled={pending} className="contents">
        {children}
      </fieldset>
      <span aria-live="polite" className={`text-sm ${state?.ok ? 'text-green-800' : 'text-red-700'}`}>
        {state ? (state.ok ? done : state.message) : ''}
      </span>
    </form>
  );
}
