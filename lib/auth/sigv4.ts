/**
 * AWS Signature Version 4 verification (AWS4-HMAC-SHA256, header form): the caller hands in the
 * request parts, the clock and a secret lookup. This module checks the header's form, the scope
 * and the clock; the signature itself is computed by the AWS SDK's own signer
 * (@smithy/signature-v4) over the headers the client signed, and compared in constant time.
 * Failures carry AWS's error types.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';

/** AWS refuses signatures whose X-Amz-Date is further than this from the server clock. */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

type SigV4Failure = {
  ok: false;
  type:
    | 'MissingAuthenticationTokenException'
    | 'IncompleteSignatureException'
    | 'InvalidSignatureException'
    | 'UnrecognizedClientException';
  message: string;
};
export type SigV4Result = { ok: true; accessKeyId: string } | SigV4Failure;

export interface SignedRequest {
  method: string;
  /** the path as sent (still percent-encoded), e.g. `/api/sfn/` */
  path: string;
  /** the raw query string without `?` */
  query: string;
  /** header lookup by lower-case name */
  header: (name: string) => string | null;
  body: string | Buffer;
}

export interface VerifyOptions {
  service: string;
  now: Date;
  /** the secret of an active key, or null when the key is unknown or revoked */
  secretFor: (accessKeyId: string) => Promise<string | null>;
}

interface ParsedAuthorization {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const fail = (type: SigV4Failure['type'], message: string): SigV4Failure => ({ ok: false, type, message });

/** `AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/states/aws4_request, SignedHeaders=a;b, Signature=hex` */
export function parseAuthorization(header: string): ParsedAuthorization | null {
  const match = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(header.trim());
  if (!match) return null;
  const fields = Object.fromEntries(
    match[1].split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    }),
  );
  const credential = (fields.Credential ?? '').split('/');
  const { SignedHeaders: signedHeaders, Signature: signature } = fields;
  if (
    credential.length !== 5 ||
    credential[4] !== 'aws4_request' ||
    !signedHeaders ||
    !/^[0-9a-f]{64}$/.test(signature ?? '')
  )
    return null;
  const [accessKeyId, scopeDate, region, service] = credential;
  return { accessKeyId, scopeDate, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

/** The SDK's own signer, with the canonical request reachable for the two helpers below. */
class Signer extends SignatureV4 {
  constructor(
    credentials: { accessKeyId: string; secretAccessKey: string },
    region: string,
    service: string,
  ) {
    // applyChecksum off: the signer must not add an x-amz-content-sha256 header the client did not sign
    super({ credentials, region, service, sha256: Sha256, uriEscapePath: true, applyChecksum: false });
  }

  canonicalRequestOf(request: HttpRequest): string {
    return this.createCanonicalRequest(request, {}, '');
  }
}

const partsSigner = new Signer({ accessKeyId: 'x', secretAccessKey: 'x' }, 'us-east-1', 'states');

/** The query string as the signer takes it: decoded, repeated keys as arrays. */
function queryObject(query: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const seen = result[key];
    result[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return result;
}

function httpRequest(
  request: Pick<SignedRequest, 'method' | 'path' | 'query'>,
  headers = {},
  body?: unknown,
) {
  return new HttpRequest({
    method: request.method.toUpperCase(),
    protocol: 'https:',
    hostname: 'signoff.invalid',
    path: request.path,
    query: queryObject(request.query),
    headers,
    body,
  });
}

/** The path as the SDK signs it (normalized, escaped once more): line 2 of the canonical request. */
export function canonicalPath(path: string): string {
  return partsSigner.canonicalRequestOf(httpRequest({ method: 'GET', path, query: '' })).split('\n')[1];
}

/** The query as the SDK signs it (sorted, escaped): line 3 of the canonical request. */
export function canonicalQuery(query: string): string {
  return partsSigner.canonicalRequestOf(httpRequest({ method: 'GET', path: '/', query })).split('\n')[2];
}

/**
 * The signature a request with these parts should carry, computed by @smithy/signature-v4 (the
 * AWS SDK's signer) over exactly the headers the client listed as signed.
 */
async function computeSignature(
  request: SignedRequest,
  auth: ParsedAuthorization,
  signingDate: Date,
  secret: string,
): Promise<string> {
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) headers[name] = request.header(name) ?? '';
  const signer = new Signer(
    { accessKeyId: auth.accessKeyId, secretAccessKey: secret },
    auth.region,
    auth.service,
  );
  const signed = await signer.sign(httpRequest(request, headers, request.body), {
    signingDate,
    signingRegion: auth.region,
    signingService: auth.service,
    signableHeaders: new Set(auth.signedHeaders),
  });
  return parseAuthorization(String(signed.headers.authorization))?.signature ?? '';
}

/** `20260101T120000Z` → Date, or null. */
function parseAmzDate(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : null;
}

/** Checks the header form, the scope, the clock, the key, then the signature (constant time). */
export async function verifySigV4(request: SignedRequest, options: VerifyOptions): Promise<SigV4Result> {
  const header = request.header('authorization');
  if (!header) return fail('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const auth = parseAuthorization(header);
  if (!auth)
    return fail(
      'IncompleteSignatureException',
      'Authorization header requires Credential, SignedHeaders and Signature for AWS4-HMAC-SHA256.',
    );
  const signingDate = checkScopeAndDate(request, auth, options);
  if (!(signingDate instanceof Date)) return signingDate;
  const secret = await options.secretFor(auth.accessKeyId);
  if (secret === null)
    return fail('UnrecognizedClientException', 'The security token included in the request is invalid.');
  const claimedHash = auth.signedHeaders.includes('x-amz-content-sha256')
    ? request.header('x-amz-content-sha256')
    : null;
  if (claimedHash !== null && claimedHash !== createHash('sha256').update(request.body).digest('hex'))
    return fail(
      'InvalidSignatureException',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  const expected = Buffer.from(await computeSignature(request, auth, signingDate, secret), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(auth.signature, 'hex'))) {
    return fail(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
  return { ok: true, accessKeyId: auth.accessKeyId };
}

/** The signing time (X-Amz-Date) when scope and time are acceptable, else the failure. */
function checkScopeAndDate(
  request: SignedRequest,
  auth: ParsedAuthorization,
  options: VerifyOptions,
): Date | SigV4Failure {
  if (auth.service !== options.service)
    return fail(
      'InvalidSignatureException',
      `Credential should be scoped to correct service: '${options.service}'.`,
    );
  const signed = new Set(auth.signedHeaders);
  if (!signed.has('host')) return fail('InvalidSignatureException', "'Host' must be a signed header.");
  const amzDate = request.header('x-amz-date') ?? '';
  const date = parseAmzDate(amzDate);
  if (!date || !signed.has('x-amz-date'))
    return fail(
      'IncompleteSignatureException',
      'Authorization requires a signed X-Amz-Date header (yyyyMMddTHHmmssZ).',
    );
  if (amzDate.slice(0, 8) !== auth.scopeDate)
    return fail(
      'InvalidSignatureException',
      `Credential should be scoped to a valid date: '${amzDate.slice(0, 8)}'.`,
    );
  const skew = date.getTime() - options.now.getTime();
  if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) {
    const bound = toAmzDate(new Date(options.now.getTime() + Math.sign(skew) * MAX_CLOCK_SKEW_MS));
    const now = toAmzDate(options.now);
    const message =
      skew < 0
        ? `Signature expired: ${amzDate} is now earlier than ${bound} (${now} - 15 min.)`
        : `Signature not yet current: ${amzDate} is still later than ${bound} (${now} + 15 min.)`;
    return fail('InvalidSignatureException', message);
  }
  return date;
}

function toAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}
