/** The decisions recorded on a task: who ("you" for the viewer), what, when, how, and their comment. */
import { LocalTime } from '@/components/ui/local-time';
import { Badge } from '@/components/ui/badge';

export interface DecisionItem {
  by: string;
  decision: string;
  at: string;
  comment: string | null;
  via?: string;
  you?: boolean;
}

export function DecisionList({ decisions, closed = false }: { decisions: DecisionItem[]; closed?: boolean }) {
  if (decisions.length === 0)
    return <p className="text-sm text-slate-600">{closed ? 'Nobody decided.' : 'Nobody has decided yet.'}</p>;
  return (
    <ul
      aria-label="Decisions"
      className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
    >
      {decisions.map((d) => (
        <li key={`${d.by}-${d.at}`} className="space-y-1 p-3 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone={d.decision === 'approved' ? 'green' : 'red'}>
              {d.decision === 'approved' ? 'Approved' : 'Rejected'}
            </Badge>
            <span className="font-medium break-all">
              {d.by}
              {d.you ? ' (you)' : ''}
            </span>
            <span className="text-slate-600">
              <LocalTime iso={d.at} />
              {d.via ? ` · via ${d.via}` : ''}
            </span>
          </p>
          {d.comment && <p className="break-words whitespace-pre-wrap text-slate-700">“{d.comment}”</p>}
        </li>
      ))}
    </ul>
  );
}
