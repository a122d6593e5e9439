// npm run cli -- <command>: administrative commands against DATABASE_URL (default ./data/signoff.db).
//   api-key create NAME   prints {"id":…,"secret":…} once (the secret cannot be shown again)
//   api-key list          one JSON line per key (no secrets)
//   api-key revoke ID
//   audit verify          {"ok":true,"entries":N} or the first broken seq (exit code 1)
import { createApiKey, listApiKeys, revokeApiKey } from '../lib/auth/api-keys';
import type { Actor } from '../lib/auth/actor';
import { verifyAuditChain } from '../lib/audit/verify-audit-chain';
import { prepareDatabase } from '../lib/db/prepare-database';
import { isAppError } from '../lib/errors';

const cliActor: Actor = { type: 'system', label: `cli:${process.env.USER ?? 'unknown'}` };

const USAGE = `usage: npm run cli -- api-key create NAME | api-key list | api-key revoke ID | audit verify`;

async function run(args: string[]): Promise<number> {
  const [group, command, arg] = args;
  if (group === 'api-key' && command === 'create' && arg) {
    console.log(JSON.stringify(await createApiKey({ name: args.slice(2).join(' '), actor: cliActor })));
    return 0;
  }
  if (group === 'api-key' && command === 'list') {
    for (const key of await listApiKeys()) console.log(JSON.stringify(key));
    return 0;
  }
  if (group === 'api-key' && command === 'revoke' && arg) {
    console.log(JSON.stringify(await revokeApiKey({ id: arg, actor: cliActor })));
    return 0;
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
