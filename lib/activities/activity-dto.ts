export interface ActivitySummary {
  id: string;
  name: string;
  tags: Record<string, string>;
  createdAt: Date;
}

export const activitySelect = { id: true, name: true, tags: true, createdAt: true } as const;

export function toActivitySummary(row: {
  id: string;
  name: string;
  tags: string;
  createdAt: Date;
}): ActivitySummary {
  return { ...row, tags: JSON.parse(row.tags) as Record<string, string> };
}
