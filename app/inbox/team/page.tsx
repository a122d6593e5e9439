/**
 * GET /inbox/team — the team view: open tasks per person and per group with overdue counts, time
 * to decision per workflow over the last 30 days, and a CSV export of the decided tasks. A manager
 * sees the groups they manage, an admin everyone; getTeamStats refuses anyone else, and the page
 * says so politely.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { OpenPerGroup, OpenPerPerson, TeamInboxLinks } from '@/components/inbox/team-open-tasks';
import { TeamDecisionTimes } from '@/components/inbox/team-decision-times';
import { Card } from '@/components/ui/card';
import { DownloadButton } from '@/components/ui/download-button';
import { EmptyState } from '@/components/ui/empty-state';
import { formatUtc } from '@/components/ui/format-time';
import { getTeamStats, type TeamStats } from '@/lib/approvals/team-stats';
import { requirePageUser } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { exportDecidedTasks } from './actions';

export const metadata: Metadata = { title: 'Team view' };
export const dynamic = 'force-dynamic';

const DAYS = 30;
const PERIOD = `last ${DAYS} days`;

/** The service's refusal (not a manager or admin) becomes null; anything else is the error page's. */
function refused(error: unknown): null {
  if (isAppError(error) && error.code === 'FORBIDDEN') return null;
  throw error;
}

function scopeNote(stats: TeamStats): string {
  if (stats.scope === 'all') return 'As an admin you see everyone.';
  return `The groups you manage: ${stats.groups.join(', ')}.`;
}

export default async function TeamPage() {
  const user = await requirePageUser('/inbox/team');
  const stats = await getTeamStats({ viewer: user, days: DAYS }).catch(refused);
  if (!stats)
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">Team view</h1>
        <EmptyState title="This page is for managers and admins">
          You are signed in as {user.email} ({user.role}). Your approval tasks are in the{' '}
          <Link className="underline" href="/inbox">
            inbox
          </Link>
          .
        </EmptyState>
      </div>
    );
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Team view</h1>
        <p className="text-sm text-slate-600">
          {scopeNote(stats)} Open tasks as of {formatUtc(stats.window.to)}.
        </p>
      </div>
      {stats.scope === 'groups' && stats.groups.length === 0 ? (
        <EmptyState title="You manage no groups yet">
          An admin can make you a manager of a group; its members&rsquo; tasks then show here.
        </EmptyState>
      ) : (
        <>
          <div className="grid gap-6 lg:grid-cols-2">
            <OpenPerPerson rows={stats.perPerson} />
            <OpenPerGroup rows={stats.perGroup} />
          </div>
          <TeamInboxLinks />
          <TeamDecisionTimes rows={stats.decisionTimes} period={PERIOD} />
          <Card title="Decided tasks">
            <p className="-mt-1 mb-3 text-sm text-slate-600">
              Every decision on the team&rsquo;s tasks decided in the {PERIOD}, one line each, oldest first.
            </p>
            <DownloadButton action={exportDecidedTasks}>Export decided tasks (CSV)</DownloadButton>
          </Card>
        </>
      )}
    </div>
  );
}
