// npm run cli -- api-key …: API keys for scripts and the AWS SDK.
import { createApiKey, listApiKeys, revokeApiKey } from '../../lib/auth/api-keys';
import type { Actor } from '../../lib/auth/actor';
import { parseScopes } from '../../lib/auth/scopes';
import { AppError } from '../../lib/errors';

export const apiKeyUsage =
  'api-key create NAME [--scopes a,b] [--expires YYYY-MM-DD] | api-key list | api-key revoke ID';

/** Runs `api-key <command> …`; undefined when the arguments are not an api-key command. */
export async function runApiKeyCommand(args: string[], actor: Actor): Promise<number | undefined> {
  const [command, arg] = args;
  if (command === 'create') {
    const options = parseCreateArgs(args.slice(1));
    if (!options) return undefined;
    console.log(JSON.stringify(await createApiKey({ ...options, actor })));
    return 0;
  }
  if (command === 'list') {
    for (const key of await listApiKeys()) console.log(JSON.stringify(key));
    return 0;
  }
  if (command === 'revoke' && arg) {
    console.log(JSON.stringify(await revokeApiKey({ id: arg, actor })));
    return 0;
  }
  return undefined;
}

interface CreateArgs {
  name: string;
  scopes?: string[];
  expiresAt?: Date;
}

/**
 * `NAME [--scopes a,b] [--expires DATE]` (also `--scopes=a,b`); the name may be several words.
 * Undefined when the arguments do not fit (the usage is shown); INVALID_INPUT for a bad value.
 */
export function parseCreateArgs(args: string[]): CreateArgs | undefined {
  const words: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const flag = /^--(scopes|expires)(?:=(.*))?$/.exec(args[i]);
    if (!flag) {
      if (args[i].startsWith('--')) return undefined;
      words.push(args[i]);
      continue;
    }
    const value = flag[2] ?? args[++i];
    if (value === undefined || flags[flag[1]] !== undefined) return undefined;
    flags[flag[1]] = value;
  }
  if (words.length === 0) return undefined;
  return {
    name: words.join(' '),
    scopes: flags.scopes === undefined ? undefined : parseScopes(flags.scopes.split(',')),
    expiresAt: flags.expires === undefined ? undefined : parseExpiry(flags.expires),
  };
}

/** A date (`2027-01-31`: the key stops working at 00:00 UTC that day) or an ISO 8601 instant with its offset. */
export function parseExpiry(text: string): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text);
  const date = new Date(dateOnly ? `${text}T00:00:00Z` : text);
  if (!(dateOnly || instant) || Number.isNaN(date.getTime()) || (dateOnly && !sameDay(date, text)))
    throw new AppError(
      'INVALID_INPUT',
      `--expires takes a date like 2027-01-31 or an instant like 2027-01-31T18:00:00Z, not "${text}".`,
    );
  return date;
}

/** 2027-02-31 would roll over to March. */
function sameDay(date: Date, text: string): boolean {
  return date.toISOString().slice(0, 10) === text;
}
