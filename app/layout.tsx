import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { UserMenu } from '@/components/auth/user-menu';
import { THEME_COOKIE, themeFromCookie } from '@/components/theme/theme';
import { ThemeSwitch } from '@/components/theme/theme-switch';
import { isDemoMode } from '@/lib/auth/install-mode';
import { getSessionUser } from '@/lib/auth/session';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Signoff', template: '%s · Signoff' },
  description: 'Approval workflows in the Amazon States Language.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  const theme = themeFromCookie((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme === 'system' ? undefined : theme}>
      <body className="min-h-screen font-sans">
        <header className="border-b border-slate-200 bg-white">
          {isDemoMode() && (
            <p role="note" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
              <strong>Demo</strong>: sample people and workflows. The built-in{' '}
              <Link href="/dev/mailbox" className="font-medium underline">
                mailbox
              </Link>{' '}
              shows everyone&rsquo;s mail, sign-in links included.
            </p>
          )}
          <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-3 sm:gap-6">
            <Link href="/" className="text-lg font-semibold text-slate-900">
              Signoff
            </Link>
            <Link href="/inbox" className="text-sm text-slate-600 hover:text-slate-900">
              Inbox
            </Link>
            {user?.role === 'admin' && (
              <Link href="/admin" className="text-sm text-slate-600 hover:text-slate-900">
                Admin
              </Link>
            )}
            <div className="ml-auto flex items-center gap-2 sm:gap-3">
              <ThemeSwitch initial={theme} />
              <UserMenu />
            </div>
          </nav>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
      </body>
    </html>
  );
}
