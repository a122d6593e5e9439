/** GET /admin/groups — groups with their managers and members; add people, make managers, remove; create a group. */
import { requireAdminPage } from '@/lib/auth/session';
import type { Metadata } from 'next';
import { ActionForm } from '@/components/people/action-form';
import { Card } from '@/components/ui/card';
import { listGroups, type GroupView } from '@/lib/people/list-groups';
import { listUsers } from '@/lib/people/list-users';
import { addGroup, placeInGroup } from './actions';
import { NewGroupForm } from './new-group-form';

export const metadata: Metadata = { title: 'Groups' };
export const dynamic = 'force-dynamic';

const small = 'rounded-md border border-slate-300 px-2 py-1 text-sm font-medium hover:bg-slate-100';

function Member({ group, member }: { group: GroupView; member: GroupView['members'][number] }) {
  const other = member.place === 'manager' ? 'member' : 'manager';
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
      <span className="break-all">
        {member.email} {member.place === 'manager' && <span className="text-slate-600">(manager)</span>}
      </span>
      <span className="flex gap-2">
        <ActionForm
          action={placeInGroup}
          hidden={{ groupId: group.id, userId: member.userId, place: other }}
          done=""
        >
          <button
            type="submit"
            className={small}
            aria-label={`Make ${member.email} a ${other} of ${group.name}`}
          >
            Make {other}
          </button>
        </ActionForm>
        <ActionForm
          action={placeInGroup}
          hidden={{ groupId: group.id, userId: member.userId, place: 'none' }}
          done=""
        >
          <button type="submit" className={small} aria-label={`Remove ${member.email} from ${group.name}`}>
            Remove
          </button>
        </ActionForm>
      </span>
    </li>
  );
}

export default async function GroupsPage() {
  await requireAdminPage('/admin/groups');
  const [groups, people] = await Promise.all([listGroups(), listUsers()]);
  const active = people.filter((p) => p.active);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Groups</h1>
      <p className="text-sm text-slate-700">
        Approvers reach a group as <code>group:NAME</code>; its managers see the group&rsquo;s tasks in their
        inbox.
      </p>
      {groups.map((group) => (
        <Card key={group.id} title={`group:${group.name}`}>
          {group.description && <p className="mb-2 text-sm text-slate-600">{group.description}</p>}
          <ul className="divide-y divide-slate-100">
            {group.members.map((m) => (
              <Member key={m.userId} group={group} member={m} />
            ))}
          </ul>
          <ActionForm
            action={placeInGroup}
            hidden={{ groupId: group.id }}
            done="Added."
            className="mt-3 flex flex-wrap items-center gap-2"
          >
            <label htmlFor={`add-${group.id}`} className="text-sm font-medium">
              Add
            </label>
            <select
              id={`add-${group.id}`}
              name="userId"
              defaultValue=""
              className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            >
              <option value="">Choose a person…</option>
              {active
                .filter((p) => !group.members.some((m) => m.userId === p.id))
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.email}
                  </option>
                ))}
            </select>
            <label htmlFor={`place-${group.id}`} className="sr-only">
              As
            </label>
            <select
              id={`place-${group.id}`}
              name="place"
              defaultValue="member"
              className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            >
              <option value="member">as member</option>
              <option value="manager">as manager</option>
            </select>
            <button type="submit" className={small}>
              Add to {group.name}
            </button>
          </ActionForm>
        </Card>
      ))}
      <Card title="New group">
        <NewGroupForm action={addGroup} />
      </Card>
    </div>
  );
}
