'use client';
/**
 * The team view's chart, loaded only on that page and only in the browser (STYLE §17): recharts
 * stays out of the inbox's JavaScript and out of the server render, where the table beside the
 * chart already carries the numbers.
 */
import dynamic from 'next/dynamic';
import { ChartSkeleton } from '@/components/dashboard/chart-figure';

export const TeamDecisionChart = dynamic(
  () => import('./team-decision-chart').then((m) => m.TeamDecisionChart),
  { ssr: false, loading: ChartSkeleton },
);
