// npm run cli -- user …: people, from a shell (the same services as the admin console).
import type { Actor } from '../../lib/auth/actor';
import { AppError } from '../../lib/errors';
import { createUser } from '../../lib/people/create-user';
import { deactivateUser } from '../../lib/people/deactivate-user';
import { listUsers } from '../../lib/people/list-users';

export const userUsage =
  'user create EMAIL --role admin|manager|approver [--name NAME] [--group G]… | user list | user deactivate EMAIL';

/** `--name Ann --group a --group b` → { name: ['Ann'], group: ['a', 'b'] }; anything else is refused. */
export function parseFlags(args: string[], allowed: string[]): Record<string, string[]> {
  const flags: Record<string, string[]> = {};
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i].replace(/^--/, '');
    const value = args[i + 1];
    if (!args[i].startsWith('--') || !allowed.includes(flag) || value === undefined || value.startsWith('--'))
      throw new AppError(
        'INVALID_INPUT',
        `Unexpected argument ${args[i]}. Usage: npm run cli -- ${userUsage}`,
      );
    (flags[flag] ??= []).push(value);
  }
  return flags;
}

/** Runs `user <command> …`; undefined when the arguments are not a user command. */
export async function runUserCommand(args: string[], actor: Actor): Promise<number | undefined> {
  const [command, email, ...rest] = args;
  if (command === 'create' && email) {
    const flags = parseFlags(rest, ['role', 'name', 'group']);
    if (!flags.role) throw new AppError('INVALID_INPUT', 'Say the role: --role admin|manager|approver.');
    const user = await createUser({
      email,
      role: flags.role[0],
      name: flags.name?.[0],
      groups: flags.group,
      actor,
    });
    console.log(JSON.stringify(user));
    return 0;
  }
  if (command === 'list') {
    for (const user of await listUsers()) console.log(JSON.stringify(user));
    return 0;
  }
  if (command === 'deactivate' && email) {
    console.log(JSON.stringify(await deactivateUser({ user: email, actor })));
    return 0;
  }
  return undefined;
}
