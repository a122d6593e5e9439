/** States.UUID: a version 4 UUID built from the scope's injected random source. */
import type { IntrinsicImpl, IntrinsicScope } from './types';

function randomByte(scope: IntrinsicScope): number {
  const r = scope.random();
  return Math.min(255, Math.max(0, Math.floor((Number.isFinite(r) ? r : 0) * 256)));
}

function uuidV4(scope: IntrinsicScope): string {
  const bytes = Array.from({ length: 16 }, () => randomByte(scope));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const uuidFunctions: Record<string, IntrinsicImpl> = {
  'States.UUID': (_args, _call, scope) => uuidV4(scope),
};
