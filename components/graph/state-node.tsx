'use client';
/** The graph's node shapes: a state (styled by type, coloured by status), a group, Start and End. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import {
  Clock,
  Columns3,
  GitFork,
  Layers,
  OctagonX,
  CircleCheck,
  Play,
  Square,
  SquareFunction,
  ArrowRight,
  UserCheck,
  type LucideIcon,
} from 'lucide-react';
import type { GraphNode } from '@/lib/asl/graph/graph-model';
import { STATUS_FRAME, STATUS_LABELS, type StateRunStatus } from './status';

export interface StateNodeData extends Record<string, unknown> {
  graphNode: GraphNode;
  status?: string;
  highlighted: boolean;
  selected: boolean;
}

const TYPE_STYLE: Record<string, { Icon: LucideIcon; accent: string }> = {
  Task: { Icon: SquareFunction, accent: 'text-blue-700' },
  Approval: { Icon: UserCheck, accent: 'text-emerald-700' },
  Choice: { Icon: GitFork, accent: 'text-amber-700' },
  Parallel: { Icon: Columns3, accent: 'text-violet-700' },
  Map: { Icon: Layers, accent: 'text-violet-700' },
  Wait: { Icon: Clock, accent: 'text-sky-700' },
  Pass: { Icon: ArrowRight, accent: 'text-slate-600' },
  Succeed: { Icon: CircleCheck, accent: 'text-green-700' },
  Fail: { Icon: OctagonX, accent: 'text-red-700' },
};

function styleOf(node: GraphNode) {
  return TYPE_STYLE[node.approvers ? 'Approval' : node.type] ?? TYPE_STYLE.Pass;
}

const hidden = '!border-0 !bg-transparent !min-w-0 !w-px !h-px';

function frameOf(data: StateNodeData, base: string): string {
  const status = data.status as StateRunStatus | undefined;
  const frame = status ? STATUS_FRAME[status] : base;
  const ring = data.highlighted
    ? ' ring-4 ring-amber-400'
    : data.selected
      ? ' ring-2 ring-blue-500 ring-offset-1'
      : '';
  return `${frame}${ring}`;
}

function StateNode({ data }: NodeProps) {
  const d = data as StateNodeData;
  const node = d.graphNode;
  const { Icon, accent } = styleOf(node);
  const people = node.approvers !== undefined;
  return (
    <div
      data-state={node.label}
      data-status={d.status}
      data-highlighted={d.highlighted ? 'true' : undefined}
      title={
        d.status ? `${node.label}: ${STATUS_LABELS[d.status as StateRunStatus] ?? d.status}` : node.label
      }
      className={`flex h-full w-full flex-col justify-center rounded-md border-2 px-2.5 py-1 text-left shadow-sm ${frameOf(
        d,
        people ? 'border-emerald-500 bg-white' : 'border-slate-300 bg-white',
      )} ${d.status === 'running' ? 'animate-pulse' : ''}`}
    >
      <Handle type="target" position={Position.Top} className={hidden} isConnectable={false} />
      <div className="flex min-w-0 items-center gap-1.5">
        <Icon aria-hidden className={`size-3.5 shrink-0 ${accent}`} />
        <span className="truncate text-xs font-semibold text-slate-900">{node.label}</span>
      </div>
      <span className="truncate text-[11px] text-slate-600">
        {people ? 'People step' : node.type}
        {node.summary && !people ? ` · ${node.summary}` : ''}
      </span>
      {people && node.approvers!.length > 0 && (
        <span className="truncate text-[11px] text-emerald-800">{node.approvers!.join(', ')}</span>
      )}
      <Handle type="source" position={Position.Bottom} className={hidden} isConnectable={false} />
    </div>
  );
}

function GroupNode({ data }: NodeProps) {
  const d = data as StateNodeData;
  const node = d.graphNode;
  const branch = node.kind === 'branch';
  const { Icon, accent } = styleOf(node);
  return (
    <div
      data-state={branch ? undefined : node.label}
      data-status={d.status}
      className={`h-full w-full rounded-lg border-2 ${
        branch
          ? 'border-dashed border-slate-300 bg-slate-50/60'
          : frameOf(d, 'border-violet-300 bg-violet-50/40')
      }`}
    >
      <Handle type="target" position={Position.Top} className={hidden} isConnectable={false} />
      <div className="flex min-w-0 items-center gap-1.5 px-2 pt-1.5">
        {!branch && <Icon aria-hidden className={`size-3.5 shrink-0 ${accent}`} />}
        <span className={`truncate text-xs ${branch ? 'text-slate-600' : 'font-semibold text-slate-900'}`}>
          {node.label}
        </span>
        {!branch && (
          <span className="truncate text-[11px] text-slate-600">
            {node.type}
            {node.summary ? ` · ${node.summary}` : ''}
          </span>
        )}
      </div>
      <Handle type="source" position={Position.Bottom} className={hidden} isConnectable={false} />
    </div>
  );
}

function TerminalNode({ data }: NodeProps) {
  const node = (data as StateNodeData).graphNode;
  const Icon = node.kind === 'start' ? Play : Square;
  return (
    <div className="flex h-full w-full items-center justify-center gap-1 rounded-full border-2 border-slate-400 bg-white text-xs font-medium text-slate-700">
      {node.kind === 'end' && (
        <Handle type="target" position={Position.Top} className={hidden} isConnectable={false} />
      )}
      <Icon aria-hidden className="size-3" />
      {node.label}
      {node.kind === 'start' && (
        <Handle type="source" position={Position.Bottom} className={hidden} isConnectable={false} />
      )}
    </div>
  );
}

export const graphNodeTypes = { state: StateNode, container: GroupNode, terminal: TerminalNode };
