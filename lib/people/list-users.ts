/** Everyone with an account, as DTOs: role, active or not, and the groups they belong to. */
import { db } from '../db/client';
import type { UserSummary } from './create-user';
import type { Role } from './roles';

export async function listUsers(): Promise<UserSummary[]> {
  const users = await db.user.findMany({
    orderBy: { email: 'asc' },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      emailVerified: true,
      memberships: { select: { role: true, group: { select: { name: true } } } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    active: u.disabledAt === null,
    status: u.disabledAt ? 'deactivated' : u.emailVerified ? 'active' : 'invited',
    groups: u.memberships.map((m) => (m.role === 'manager' ? `${m.group.name}:manager` : m.group.name)),
  }));
}
