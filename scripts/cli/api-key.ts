// npm run cli -- api-key …: API keys for scripts and the AWS SDK.
import { createApiKey, listApiKeys, revokeApiKey } from '../../lib/auth/api-keys';
import type { Actor } from '../../lib/auth/actor';

export const apiKeyUsage = 'api-key create NAME | api-key list | api-key revoke ID';

/** Runs `api-key <command> …`; undefined when the arguments are not an api-key command. */
export async function runApiKeyCommand(args: string[], actor: Actor): Promise<number | undefined> {
  const [command, arg] = args;
  if (command === 'create' && arg) {
    console.log(JSON.stringify(await createApiKey({ name: args.slice(1).join(' '), actor })));
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
