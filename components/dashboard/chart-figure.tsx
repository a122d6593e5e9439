/**
 * The box a chart draws in: a fixed height (so the page does not jump while the chart's code
 * loads) and one accessible name for the whole picture. Its numbers are in the table under it,
 * which is what screen readers and keyboards use; the SVG itself is not focusable.
 */
export function ChartFigure({
  label,
  height,
  children,
}: {
  label: string;
  height: number;
  children: React.ReactNode;
}) {
  return (
    <div role="img" aria-label={label} className="w-full min-w-0" style={{ height }}>
      {children}
    </div>
  );
}

export function ChartSkeleton() {
  return <div aria-hidden className="h-full w-full animate-pulse rounded-md bg-slate-100" />;
}
