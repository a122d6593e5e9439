/**
 * The API keys: name and id, scopes, created (when, by whom), last used, status, and Revoke for
 * an active key. Below desktop width the secondary columns fold into lines under the name.
 */
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatUtc } from '@/components/ui/format-time';
import type { ApiKeySummary } from '@/lib/auth/api-keys';
import { API_SCOPES } from '@/lib/auth/scopes';
import { RevokeKeyButton } from './revoke-key-button';

interface KeyStatus {
  label: 'active' | 'revoked' | 'expired';
  tone: BadgeTone;
  /** "since" / "until" a time (UTC) */
  detail?: { word: 'since' | 'until'; at: Date };
}

function statusOf(key: ApiKeySummary, now: Date): KeyStatus {
  if (key.revokedAt)
    return { label: 'revoked', tone: 'neutral', detail: { word: 'since', at: key.revokedAt } };
  if (key.expiresAt && key.expiresAt <= now)
    return { label: 'expired', tone: 'amber', detail: { word: 'since', at: key.expiresAt } };
  if (key.expiresAt) return { label: 'active', tone: 'green', detail: { word: 'until', at: key.expiresAt } };
  return { label: 'active', tone: 'green' };
}

/** "all" for admin or every other scope; the scopes otherwise. */
function scopeLabels(scopes: readonly string[]): string[] {
  const all = scopes.includes('admin') || API_SCOPES.every((s) => s === 'admin' || scopes.includes(s));
  return all ? ['all'] : [...scopes];
}

function Scopes({ scopes }: { scopes: readonly string[] }) {
  const labels = scopeLabels(scopes);
  if (labels.length === 0) return <span className="text-slate-600">none</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Scopes">
      {labels.map((label) => (
        <li key={label}>
          <Badge tone={label === 'all' ? 'blue' : 'neutral'}>{label}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** A UTC time that may wrap between the day and the time, never inside either (tables stay narrow). */
function UtcTime({ at }: { at: Date }) {
  const iso = at.toISOString();
  const [day, ...rest] = formatUtc(iso).split(' ');
  return (
    <time dateTime={iso}>
      <span className="whitespace-nowrap">{day}</span>{' '}
      <span className="whitespace-nowrap">{rest.join(' ')}</span>
    </time>
  );
}

function StatusCell({ status }: { status: KeyStatus }) {
  return (
    <>
      <Badge tone={status.tone}>{status.label}</Badge>
      {status.detail && (
        <span className="mt-1 block text-xs text-slate-600">
          {status.detail.word} <UtcTime at={status.detail.at} />
        </span>
      )}
    </>
  );
}

const lastUsed = (key: ApiKeySummary) => (key.lastUsedAt ? <UtcTime at={key.lastUsedAt} /> : 'never');

function NameCell({ keyRow, status }: { keyRow: ApiKeySummary; status: KeyStatus }) {
  return (
    <td className="px-3 py-3 align-top">
      <div className="font-medium break-words text-slate-900">{keyRow.name}</div>
      <div className="font-mono text-xs break-all text-slate-600 lg:break-normal lg:whitespace-nowrap">
        {keyRow.id}
      </div>
      <div className="mt-2 space-y-1 text-xs text-slate-700 lg:hidden">
        <StatusCell status={status} />
        <Scopes scopes={keyRow.scopes} />
        <p>
          created <UtcTime at={keyRow.createdAt} />
          {keyRow.createdBy ? ` by ${keyRow.createdBy}` : ''}
        </p>
        <p>last used {lastUsed(keyRow)}</p>
      </div>
    </td>
  );
}

const th = 'px-3 py-2 whitespace-nowrap';
const td = 'hidden px-3 py-3 align-top text-slate-700 lg:table-cell';

export function KeyTable({ keys, now }: { keys: ApiKeySummary[]; now: Date }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">API keys</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={th}>
              Name
            </th>
            {['Scopes', 'Created', 'Created by', 'Last used', 'Status'].map((label) => (
              <th key={label} scope="col" className={`${th} hidden lg:table-cell`}>
                {label}
              </th>
            ))}
            <th scope="col" className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => {
            const status = statusOf(key, now);
            return (
              <tr key={key.id}>
                <NameCell keyRow={key} status={status} />
                <td className={td}>
                  <Scopes scopes={key.scopes} />
                </td>
                <td className={td}>
                  <UtcTime at={key.createdAt} />
                </td>
                <td className={`${td} break-words`}>{key.createdBy ?? '—'}</td>
                <td className={td}>{lastUsed(key)}</td>
                <td className={td}>
                  <StatusCell status={status} />
                </td>
                <td className="px-3 py-3 text-right align-top">
                  {status.label === 'active' && <RevokeKeyButton id={key.id} name={key.name} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
