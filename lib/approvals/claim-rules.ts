/**
 * What a claim is (pure): a person's hold on a pending task until `claimExpiresAt`. A claim
 * that has lapsed is simply ignored by every check (each compares with now); no timer ends it.
 */
import { AppError } from '../errors';

/** How long a claim holds when SIGNOFF_CLAIM_MINUTES does not say. */
export const DEFAULT_CLAIM_MINUTES = 30;
/** The longest claim SIGNOFF_CLAIM_MINUTES may ask for: a week. */
const MAX_CLAIM_MINUTES = 7 * 24 * 60;

/** SIGNOFF_CLAIM_MINUTES (whole minutes, 1 to a week), else DEFAULT_CLAIM_MINUTES. */
export function claimMinutes(env: Record<string, string | undefined> = process.env): number {
  const text = env.SIGNOFF_CLAIM_MINUTES?.trim() ?? '';
  const minutes = /^\d+$/.test(text) ? Number(text) : NaN;
  return minutes >= 1 && minutes <= MAX_CLAIM_MINUTES ? minutes : DEFAULT_CLAIM_MINUTES;
}

export interface ClaimColumns {
  claimedById: string | null;
  claimExpiresAt: Date | null;
}

/** The holder's user id while the claim holds at `now`; null when unclaimed or lapsed. */
export function liveClaimHolder(task: ClaimColumns, now: Date): string | null {
  if (!task.claimedById || !task.claimExpiresAt || task.claimExpiresAt <= now) return null;
  return task.claimedById;
}

/** "2026-12-03 14:05 UTC" */
export function formatClaimTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** CLAIMED: "Claimed by carol@example.com until 2026-12-03 14:05 UTC." */
export function claimedError(holder: string, until: Date): AppError {
  return new AppError('CLAIMED', `Claimed by ${holder} until ${formatClaimTime(until)}.`, {
    details: { holder, until: until.toISOString() },
  });
}
