'use client';
/**
 * Median and p90 time to decision per workflow for the team view, as horizontal bars. The bars
 * open nothing: the table beside the chart holds the same numbers as links. (The dashboard's
 * DecisionTimeChart opens /admin/executions on a click, which a manager may not see.)
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_COLORS, formatDuration, TOOLTIP_STYLE } from '@/components/dashboard/dashboard-format';
import type { TeamStats } from '@/lib/approvals/team-stats';

type Row = TeamStats['decisionTimes'][number];

const tick = { fill: CHART_COLORS.text, fontSize: 12 };
const shorten = (name: string) => (name.length > 16 ? `${name.slice(0, 15)}…` : name);

export function TeamDecisionChart({ rows }: { rows: Row[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={rows}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis type="number" tick={tick} stroke={CHART_COLORS.axis} tickFormatter={formatDuration} />
        <YAxis
          type="category"
          dataKey="workflowName"
          tick={tick}
          stroke={CHART_COLORS.axis}
          width={112}
          tickFormatter={shorten}
        />
        <Tooltip
          {...TOOLTIP_STYLE}
          formatter={(value) => (typeof value === 'number' ? formatDuration(value) : value)}
        />
        <Legend
          iconType="square"
          iconSize={10}
          formatter={(value) => <span style={{ color: CHART_COLORS.text, fontSize: 12 }}>{value}</span>}
        />
        <Bar dataKey="medianMs" name="Median" fill={CHART_COLORS.median} isAnimationActive={false} />
        <Bar dataKey="p90Ms" name="p90" fill={CHART_COLORS.p90} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
