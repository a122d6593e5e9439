/**
 * Reads a request body as UTF-8 text with a size cap: a declared Content-Length over the cap is
 * refused before anything is read, and a streamed body is cut off as soon as it passes the cap,
 * so a hostile client cannot make the server buffer more than `maxBytes`. Bytes that are not
 * UTF-8 are refused rather than silently replaced. A byte order mark is kept as text (the SigV4
 * signature covers the bytes as sent; readJson drops it for JSON).
 */
import { AppError } from '../errors';
import { serverLimits } from './limits';

export async function readBodyText(
  request: Request,
  maxBytes = serverLimits().maxBodyBytes,
): Promise<string> {
  const tooLarge = () =>
    new AppError('LIMIT_EXCEEDED', `The request body is over ${maxBytes} bytes.`, {
      details: { awsErrorType: 'ValidationException', maxBytes },
    });
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError('INVALID_INPUT', 'The request body is not valid UTF-8.', {
      details: { awsErrorType: 'SerializationException' },
    });
  }
}
