import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, inboxQuerySchema, serializeInboxQuery } from './inbox-query';
import { ftsQuery } from './task-search';

describe('inboxQuerySchema', () => {
  it('gives the default view for an empty or hopeless URL, never an error', () => {
    const defaults = {
      tab: 'todo',
      overdue: false,
      escalated: false,
      status: 'open',
      sort: 'newest',
      limit: DEFAULT_LIMIT,
    };
    expect(inboxQuerySchema.parse({})).toEqual(defaults);
    expect(inboxQuerySchema.parse(undefined)).toEqual(defaults);
    expect(
      inboxQuerySchema.parse({
        tab: 'everything',
        sort: 'random',
        scope: 'world',
        dueBefore: 'next tuesday',
        limit: '100000',
        cursor: '../../etc',
        status: 'maybe',
        overdue: 'perhaps',
        q: 'x'.repeat(1000),
        workflow: '',
      }),
    ).toEqual(defaults);
  });

  it('reads every filter, takes the first of repeated parameters, and trims text', () => {
    expect(
      inboxQuerySchema.parse({
        tab: ['team', 'todo'],
        q: '  invoice 42 ',
        workflow: 'expense-approval',
        requester: 'Alice@Example.com',
        scope: 'group',
        dueBefore: '2026-12-05',
        overdue: '1',
        escalated: 'true',
        status: 'all',
        sort: 'due',
        limit: '7',
        cursor: 'abc_-1',
      }),
    ).toEqual({
      tab: 'team',
      q: 'invoice 42',
      workflow: 'expense-approval',
      requester: 'Alice@Example.com',
      scope: 'group',
      dueBefore: '2026-12-05',
      overdue: true,
      escalated: true,
      status: 'all',
      sort: 'due',
      limit: 7,
      cursor: 'abc_-1',
    });
  });

  it('opens links written before the tabs as they meant', () => {
    expect(inboxQuerySchema.parse({ status: 'decided' })).toMatchObject({ tab: 'decided', status: 'open' });
    expect(inboxQuerySchema.parse({ status: 'pending', sort: 'age' })).toMatchObject({
      tab: 'todo',
      sort: 'oldest',
    });
  });

  it('serializes a query back to the URL it came from, leaving out defaults', () => {
    expect(serializeInboxQuery(inboxQuerySchema.parse({}))).toBe('');
    const query = inboxQuerySchema.parse({
      tab: 'decided',
      q: 'a&b = "c"',
      scope: 'delegated',
      escalated: '1',
      sort: 'oldest',
    });
    const search = serializeInboxQuery(query);
    expect(search).toBe('tab=decided&q=a%26b+%3D+%22c%22&scope=delegated&escalated=1&sort=oldest');
    expect(inboxQuerySchema.parse(Object.fromEntries(new URLSearchParams(search)))).toEqual(query);
  });
});

describe('ftsQuery', () => {
  it('quotes every term, ANDs them, makes the last one a prefix, and searches only the text columns', () => {
    expect(ftsQuery('invoice acme')).toBe('{title details requester} : ("invoice" "acme"*)');
    expect(ftsQuery('he said "hi"')).toBe('{title details requester} : ("he" "said" """hi"""*)');
    expect(ftsQuery('AND( x')).toBe('{title details requester} : ("AND(" "x")');
  });

  it('drops what cannot match and gives null for nothing searchable', () => {
    for (const text of ['', '   ', '"', '*', '-- ^ ( ) :', '""""']) expect(ftsQuery(text)).toBeNull();
    expect(ftsQuery('* abc')).toBe('{title details requester} : ("abc"*)');
  });
});
