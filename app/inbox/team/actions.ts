'use server';
/**
 * The team view's action: the decided tasks of the last 30 days, every decision a line, as CSV
 * text for the browser to download. Signed in and parsed here; the service authorizes (a manager
 * for the groups they manage, an admin for everyone).
 */
import { z } from 'zod';
import type { DownloadFile } from '@/components/ui/download-button';
import { exportTeamDecisionsCsv } from '@/lib/approvals/team-stats';
import { authedAction, type ActionResult } from '@/lib/auth/authed-action';

const exportCsv = authedAction(z.object({}), async (_input, user): Promise<DownloadFile> => {
  const text = await exportTeamDecisionsCsv({ viewer: user });
  const day = new Date().toISOString().slice(0, 10);
  return { filename: `decided-tasks-${day}.csv`, type: 'text/csv;charset=utf-8', text };
});

export async function exportDecidedTasks(
  prev: ActionResult<DownloadFile> | null,
  formData: FormData,
): Promise<ActionResult<DownloadFile>> {
  return exportCsv(prev, formData);
}
