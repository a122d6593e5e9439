/** The decision record: the approval state's result, or the cause of Approval.Rejected (DESIGN.md §4). */
import type { JsonObject } from '../asl';

export interface DecisionRow {
  byEmail: string;
  onBehalfOf?: string | null;
  decision: string;
  at: Date;
  comment: string | null;
  form: string;
  via: string;
}

export function decisionRecord(
  verdict: 'approved' | 'rejected',
  decidedAt: Date,
  decisions: DecisionRow[],
): JsonObject {
  return {
    Decision: verdict,
    DecidedAt: decidedAt.toISOString(),
    Decisions: decisions.map((d) => ({
      By: d.byEmail,
      ...(d.onBehalfOf ? { OnBehalfOf: d.onBehalfOf } : {}),
      Decision: d.decision,
      At: d.at.toISOString(),
      ...(d.comment ? { Comment: d.comment } : {}),
      Form: JSON.parse(d.form) as JsonObject,
      Via: d.via,
    })),
  };
}
