'use client';
/** Executions started per bucket, stacked by status; a bar segment opens the executions it counts. */
import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardStats } from '@/lib/dashboard/dashboard-stats';
import {
  bucketLabel,
  CHART_COLORS,
  executionsHref,
  STATUS_ORDER,
  STATUS_STYLES,
  TOOLTIP_STYLE,
} from './dashboard-format';

type Buckets = DashboardStats['executions']['buckets'];

interface Datum extends Record<string, string | number> {
  label: string;
  from: string;
  to: string;
}

const tick = { fill: CHART_COLORS.text, fontSize: 12 };

export function ExecutionsChart({ buckets, granularity }: { buckets: Buckets; granularity: 'hour' | 'day' }) {
  const router = useRouter();
  const data: Datum[] = buckets.map((b) => ({
    label: bucketLabel(b.from, granularity),
    from: b.from,
    to: b.to,
    ...b.counts,
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
        <XAxis dataKey="label" tick={tick} stroke={CHART_COLORS.axis} minTickGap={8} />
        <YAxis allowDecimals={false} tick={tick} stroke={CHART_COLORS.axis} width={40} />
        <Tooltip {...TOOLTIP_STYLE} />
        <Legend
          iconType="square"
          iconSize={10}
          formatter={(value) => <span style={{ color: CHART_COLORS.text, fontSize: 12 }}>{value}</span>}
        />
        {STATUS_ORDER.map((status) => (
          <Bar
            key={status}
            dataKey={status}
            name={STATUS_STYLES[status].label}
            stackId="status"
            fill={STATUS_STYLES[status].fill}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(item: { payload?: Datum }) => {
              if (item.payload)
                router.push(executionsHref({ status, from: item.payload.from, to: item.payload.to }));
            }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
