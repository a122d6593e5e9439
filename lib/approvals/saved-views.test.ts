import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { inboxQuerySchema } from './inbox-query';
import { deleteSavedView, listSavedViews, saveView } from './saved-views';

let alice: { id: string };
let bob: { id: string };

beforeAll(async () => {
  alice = await db.user.create({ data: { email: 'alice@example.com' } });
  bob = await db.user.create({ data: { email: 'bob@example.com' } });
});

describe('saved views', () => {
  it('saves a query without its cursor, lists it by name with the URL it stands for, and deletes it', async () => {
    const query = inboxQuerySchema.parse({
      tab: 'team',
      q: 'laptop',
      overdue: '1',
      cursor: 'abc',
      sort: 'due',
    });
    const saved = await saveView({ viewer: alice, name: '  Overdue laptops ', query });
    expect(saved).toMatchObject({
      name: 'Overdue laptops',
      search: 'tab=team&q=laptop&overdue=1&sort=due',
    });
    expect(saved.query).toEqual(
      inboxQuerySchema.parse({ tab: 'team', q: 'laptop', overdue: '1', sort: 'due' }),
    );
    await saveView({ viewer: alice, name: 'All mine', query: inboxQuerySchema.parse({}) });
    const views = await listSavedViews({ viewer: alice });
    expect(views.map((v) => [v.name, v.search])).toEqual([
      ['All mine', ''],
      ['Overdue laptops', 'tab=team&q=laptop&overdue=1&sort=due'],
    ]);
    await deleteSavedView({ viewer: alice, id: saved.id });
    expect((await listSavedViews({ viewer: alice })).map((v) => v.name)).toEqual(['All mine']);
  });

  it('keeps names unique per person: a second save of a name is refused unless it replaces', async () => {
    const first = await saveView({ viewer: alice, name: 'Finance', query: { tab: 'todo', scope: 'group' } });
    await expect(saveView({ viewer: alice, name: 'Finance', query: {} })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'You already have a view named "Finance".',
    });
    const replaced = await saveView({
      viewer: alice,
      name: 'Finance',
      query: { tab: 'decided' },
      replace: true,
    });
    expect(replaced).toMatchObject({ id: first.id, search: 'tab=decided' });
    expect(await saveView({ viewer: bob, name: 'Finance', query: {} })).toMatchObject({ name: 'Finance' });
  });

  it("refuses a blank or long name, and another person's view", async () => {
    await expect(saveView({ viewer: alice, name: '   ', query: {} })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'name: Give the view a name.',
      details: { fieldErrors: { name: ['Give the view a name.'] } },
    });
    await expect(saveView({ viewer: alice, name: 'x'.repeat(61), query: {} })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const [bobs] = await listSavedViews({ viewer: bob });
    await expect(deleteSavedView({ viewer: alice, id: bobs.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await listSavedViews({ viewer: bob })).toHaveLength(1);
  });

  it('opens a damaged or outdated stored query as the parts that still parse', async () => {
    await db.savedView.create({
      data: { userId: bob.id, name: 'Old', query: JSON.stringify({ tab: 'archived', q: 'kept' }) },
    });
    await db.savedView.create({ data: { userId: bob.id, name: 'Broken', query: '{' } });
    const views = await listSavedViews({ viewer: bob });
    expect(views.find((v) => v.name === 'Old')).toMatchObject({ search: 'q=kept' });
    expect(views.find((v) => v.name === 'Broken')).toMatchObject({ search: '' });
  });
});
