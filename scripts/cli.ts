// npm run cli -- <command>: administrative commands against DATABASE_URL (default ./data/signoff.db).
//   api-key create NAME [--scopes a,b] [--expires YYYY-MM-DD]
//                         prints {"id":…,"secret":…,"scopes":[…],"expiresAt":…} once (the secret cannot
//                         be shown again); every scope when --scopes is left out, no expiry without --expires
//   api-key list          one JSON line per key with its scopes and expiry (no secrets)
//   api-key revoke ID
//   user create EMAIL --role admin|manager|approver [--name NAME] [--group G]…   prints the person
//   user list             one JSON line per person
//   user deactivate EMAIL ends their sessions; prints their undecided tasks to reassign
//   audit verify          {"ok":true,"entries":N} or the first broken seq (exit code 1)
import type { Actor } from '../lib/auth/actor';
import { verifyAuditChain } from '../lib/audit/verify-audit-chain';
import { prepareDatabase } from '../lib/db/prepare-database';
import { isAppError } from '../lib/errors';
import { apiKeyUsage, runApiKeyCommand } from './cli/api-key';
import { runUserCommand, userUsage } from './cli/user';

const cliActor: Actor = { type: 'system', label: `cli:${process.env.USER ?? 'unknown'}` };

const USAGE = `usage: npm run cli -- ${apiKeyUsage} | ${userUsage} | audit verify`;

async function run(args: string[]): Promise<number> {
  const [group, command] = args;
  if (group === 'api-key') {
    const code = await runApiKeyCommand(args.slice(1), cliActor);
    if (code !== undefined) return code;
  }
  if (group === 'user') {
    const code = await runUserCommand(args.slice(1), cliActor);
    if (code !== undefined) return code;
  }
  if (group === 'audit' && command === 'verify') {
    const result = await verifyAuditChain();
    console.log(JSON.stringify(result));
    return result.ok ? 0 : 1;
  }
  console.error(USAGE);
  return 2;
}

async function main() {
  try {
    await prepareDatabase();
    process.exitCode = await run(process.argv.slice(2));
  } catch (error) {
    console.error(isAppError(error) || error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}

void main();
