'use client';
/** The console's sections, the current one marked (aria-current); scrolls sideways at 390 px. */
import {
  Activity,
  GitBranch,
  KeyRound,
  LayoutDashboard,
  Mail,
  ScrollText,
  UserRound,
  UsersRound,
} from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const SECTIONS = [
  { href: '/admin', label: 'Overview', Icon: LayoutDashboard },
  { href: '/admin/workflows', label: 'Workflows', Icon: GitBranch },
  { href: '/admin/executions', label: 'Executions', Icon: Activity },
  { href: '/admin/audit', label: 'Audit', Icon: ScrollText },
  { href: '/admin/mail', label: 'Mail', Icon: Mail },
  { href: '/admin/people', label: 'People', Icon: UserRound },
  { href: '/admin/groups', label: 'Groups', Icon: UsersRound },
  { href: '/admin/api-keys', label: 'API keys', Icon: KeyRound },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="-mx-4 overflow-x-auto border-b border-slate-200 px-4">
      <ul className="flex gap-1 text-sm">
        {SECTIONS.map(({ href, label, Icon }) => {
          const current = href === '/admin' ? pathname === href : pathname.startsWith(href);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={`flex items-center gap-1.5 border-b-2 px-2.5 py-2 font-medium whitespace-nowrap ${
                  current
                    ? 'border-blue-600 text-slate-950'
                    : 'border-transparent text-slate-600 hover:text-slate-950'
                }`}
              >
                <Icon aria-hidden className="size-4" />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
