/** Opaque pagination tokens: base64url JSON of where the last page ended. */
import { z } from 'zod';
import { AppError } from '../errors';

export function encodePageToken(position: Record<string, string | number | boolean>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodePageToken<S extends z.ZodType>(token: string, schema: S): z.infer<S> {
  try {
    return schema.parse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('INVALID_INPUT', 'The nextToken is invalid.', {
      details: [{ path: 'nextToken', message: 'not a token this list issued' }],
    });
  }
}
