'use client';
/** The commonest error names of failed and timed-out executions; a bar opens those executions. */
import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardStats } from '@/lib/dashboard/dashboard-stats';
import { CHART_COLORS, failureHref, NO_ERROR_NAME, TOOLTIP_STYLE } from './dashboard-format';

type Failure = DashboardStats['failures']['top'][number];

const tick = { fill: CHART_COLORS.text, fontSize: 12 };
/** Names that fit the 128 px axis at 12 px (18 characters were cut at the left); the tooltip has the whole name. */
const shorten = (name: string) => (name.length > 16 ? `${name.slice(0, 15)}…` : name);

export function FailuresChart({ top, from, to }: { top: Failure[]; from: string; to: string }) {
  const router = useRouter();
  const data = top.map((f) => ({ ...f, name: f.error ?? NO_ERROR_NAME }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={data}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis type="number" allowDecimals={false} tick={tick} stroke={CHART_COLORS.axis} />
        <YAxis
          type="category"
          dataKey="name"
          tick={tick}
          stroke={CHART_COLORS.axis}
          width={128}
          tickFormatter={shorten}
        />
        <Tooltip {...TOOLTIP_STYLE} />
        <Bar
          dataKey="count"
          name="Executions"
          fill={CHART_COLORS.failure}
          cursor="pointer"
          isAnimationActive={false}
          onClick={(item: { payload?: Failure }) => {
            if (item.payload) router.push(failureHref(item.payload.error, from, to));
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
