import { describe, expect, it } from 'vitest';
import { auditHref, auditQuerySchema, filtersOf, filterValues, firstValues } from './audit-query';

const parse = (query: Record<string, string>) => auditQuerySchema.safeParse(query);

describe('the audit page query', () => {
  it('reads the filters, empty fields as absent, times as UTC', () => {
    const result = parse({
      actor: ' alice ',
      action: 'WORKFLOW_CREATED',
      targetType: '',
      targetId: 'wf-1',
      from: '2026-03-01T09:30',
      to: '2026-03-02',
    });
    expect(result.success && filtersOf(result.data)).toEqual({
      actorContains: 'alice',
      action: 'WORKFLOW_CREATED',
      targetType: undefined,
      targetId: 'wf-1',
      from: new Date('2026-03-01T09:30:00Z'),
      to: new Date('2026-03-03T00:00:00Z'), // a day alone: through its end
    });
    expect(parse({ from: '2026-03-01' }).data?.from).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(parse({ from: '2026-03-01T09:30:15' }).data?.from).toEqual(new Date('2026-03-01T09:30:15Z'));
  });

  it('names each field it cannot read', () => {
    for (const [field, value] of [
      ['from', 'yesterday'],
      ['from', '2026-02-30'],
      ['to', '2026-13-01T10:00'],
      ['to', '2026-03-01T25:00'],
      ['action', 'DROP_TABLE'],
      ['actor', 'x'.repeat(201)],
    ]) {
      const result = parse({ [field]: value });
      expect(result.success, `${field}=${value}`).toBe(false);
      expect(result.error?.issues[0].path, `${field}=${value}`).toEqual([field]);
    }
    expect(parse({ from: '2026-03-02', to: '2026-03-01T00:00' }).error?.issues[0]).toMatchObject({
      path: ['to'],
      message: 'Choose a time after From.',
    });
  });

  it('keeps filters in links, without empty ones, and a cursor when paging', () => {
    const values = filterValues(
      firstValues({ actor: ['bob', 'eve'], action: '', cursor: 'abc', other: 'x' }),
    );
    expect(values).toEqual({ actor: 'bob' });
    expect(auditHref(values)).toBe('/admin/audit?actor=bob');
    expect(auditHref(values, 'next')).toBe('/admin/audit?actor=bob&cursor=next');
    expect(auditHref({})).toBe('/admin/audit');
  });
});
