/** Groups with their people (managers first), as DTOs for the console. */
import { db } from '../db/client';

export interface GroupView {
  id: string;
  name: string;
  description: string | null;
  members: Array<{ userId: string; email: string; place: 'member' | 'manager' }>;
}

export async function listGroups(): Promise<GroupView[]> {
  const groups = await db.group.findMany({
    orderBy: { name: 'asc' },
    include: { memberships: { include: { user: { select: { email: true } } }, orderBy: [{ role: 'asc' }] } },
  });
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    members: g.memberships
      .map((m) => ({
        userId: m.userId,
        email: m.user.email,
        place: m.role === 'manager' ? ('manager' as const) : ('member' as const),
      }))
      .sort((a, b) =>
        a.place === b.place ? a.email.localeCompare(b.email) : a.place === 'manager' ? -1 : 1,
      ),
  }));
}
