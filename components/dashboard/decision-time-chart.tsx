'use client';
/** Median and p90 time to decision per workflow; a bar opens that workflow's executions in the range. */
import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardStats } from '@/lib/dashboard/dashboard-stats';
import { CHART_COLORS, executionsHref, formatDuration, TOOLTIP_STYLE } from './dashboard-format';

type Row = DashboardStats['decisionTimes'][number];

const tick = { fill: CHART_COLORS.text, fontSize: 12 };
const shorten = (name: string) => (name.length > 16 ? `${name.slice(0, 15)}…` : name);

export function DecisionTimeChart({ rows, from, to }: { rows: Row[]; from: string; to: string }) {
  const router = useRouter();
  const open = (item: { payload?: Row }) => {
    if (item.payload) router.push(executionsHref({ workflow: item.payload.workflowId, from, to }));
  };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={rows}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis
          type="number"
          tick={tick}
          stroke={CHART_COLORS.axis}
          tickFormatter={(ms: number) => formatDuration(ms)}
        />
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
        <Bar
          dataKey="medianMs"
          name="Median"
          fill={CHART_COLORS.median}
          cursor="pointer"
          isAnimationActive={false}
          onClick={open}
        />
        <Bar
          dataKey="p90Ms"
          name="p90"
          fill={CHART_COLORS.p90}
          cursor="pointer"
          isAnimationActive={false}
          onClick={open}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
