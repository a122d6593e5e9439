'use client';
/**
 * The charts, loaded only on the page that shows them and only in the browser (STYLE §17):
 * recharts stays out of every other page's JavaScript, and out of the server render, where the
 * tables under the charts already carry the numbers.
 */
import dynamic from 'next/dynamic';
import { ChartSkeleton } from './chart-figure';

export const ExecutionsChart = dynamic(() => import('./executions-chart').then((m) => m.ExecutionsChart), {
  ssr: false,
  loading: ChartSkeleton,
});

export const DecisionTimeChart = dynamic(
  () => import('./decision-time-chart').then((m) => m.DecisionTimeChart),
  { ssr: false, loading: ChartSkeleton },
);

export const FailuresChart = dynamic(() => import('./failures-chart').then((m) => m.FailuresChart), {
  ssr: false,
  loading: ChartSkeleton,
});
