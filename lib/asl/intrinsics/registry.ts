/** Every intrinsic implementation, by its ASL name. */
import { arrayFunctions } from './array';
import { encodingFunctions } from './encoding';
import { hashFunctions } from './hash';
import { jsonFunctions } from './json';
import { mathFunctions } from './math';
import { stringFunctions } from './string';
import type { IntrinsicImpl } from './types';
import { uuidFunctions } from './uuid';

export const intrinsicFunctions: Record<string, IntrinsicImpl> = {
  ...arrayFunctions,
  ...encodingFunctions,
  ...hashFunctions,
  ...jsonFunctions,
  ...mathFunctions,
  ...stringFunctions,
  ...uuidFunctions,
};
