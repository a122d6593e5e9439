/**
 * Task tokens that end without an answer: the execution was stopped, timed out or failed, the
 * state's TimeoutSeconds or HeartbeatSeconds ran out, or a sibling branch or Map item failed. A
 * layer above the engine (approvals) registers a listener that ends its own rows for those
 * tokens in the same transaction (dependency inversion: the engine never imports it).
 */
import type { Tx } from '../../db/client';

/** Why the tokens ended, as data; the listener words it for people. */
export type TokenEnding =
  | { kind: 'stopped'; by?: string; cause?: string }
  | { kind: 'execution-timed-out' }
  | { kind: 'state-timed-out' }
  | { kind: 'heartbeat-timed-out'; heartbeatSeconds: number | null }
  | { kind: 'branch-failed'; stateName: string }
  | { kind: 'map-item-failed'; stateName: string }
  | { kind: 'history-limit' }
  | { kind: 'engine-error' };

export interface EndedTokens {
  tokenIds: string[];
  ending: TokenEnding;
  at: Date;
}

export type TokenEndListener = (tx: Tx, ended: EndedTokens) => Promise<void>;

const holder = globalThis as unknown as { signoffTokenEndListeners?: Set<TokenEndListener> };
const listeners = (holder.signoffTokenEndListeners ??= new Set<TokenEndListener>());

/** Makes `listener` hear of every token that ends without an answer. */
export function onTokensEnded(listener: TokenEndListener): void {
  listeners.add(listener);
}

/** Called by the engine, inside the transaction that ended the tokens. */
export async function tokensEnded(tx: Tx, ended: EndedTokens): Promise<void> {
  if (ended.tokenIds.length === 0) return;
  for (const listener of listeners) await listener(tx, ended);
}
