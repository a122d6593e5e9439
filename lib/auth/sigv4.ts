/**
 * AWS Signature Version 4 verification (AWS4-HMAC-SHA256, header form), pure apart from
 * node:crypto: the caller hands in the request parts, the clock and a secret lookup. The
 * canonical request is rebuilt exactly as the SDK's signer (@smithy/signature-v4) and botocore
 * build it, so a request signed by either verifies here. Failures carry AWS's error types.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const ALGORITHM = 'AWS4-HMAC-SHA256';
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

/** RFC 3986 escaping as AWS does it (encodeURIComponent plus !'()*). */
function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The path normalized (no empty, `.` or `..` segments), then escaped once more, as the SDK signs it. */
export function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return escapeUri(`/${segments.join('/')}${trailing}`).replace(/%2F/g, '/');
}

export function canonicalQuery(query: string): string {
  if (!query) return '';
  const pairs = query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [key, value = ''] = pair.split('=');
      const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
      return `${escapeUri(decode(key))}=${escapeUri(decode(value))}`;
    });
  return pairs.sort().join('&');
}

function canonicalHeaderValue(value: string): string {
  return value
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function canonicalRequest(request: SignedRequest, signedHeaders: string[]): string {
  const names = [...signedHeaders].sort();
  const headers = names
    .map((name) => `${name}:${canonicalHeaderValue(request.header(name) ?? '')}\n`)
    .join('');
  const payloadHash = createHash('sha256').update(request.body).digest('hex');
  return [
    request.method.toUpperCase(),
    canonicalPath(request.path),
    canonicalQuery(request.query),
    headers,
    names.join(';'),
    payloadHash,
  ].join('\n');
}

function signingKey(secret: string, scopeDate: string, region: string, service: string): Buffer {
  let key: Buffer | string = `AWS4${secret}`;
  for (const part of [scopeDate, region, service, 'aws4_request'])
    key = createHmac('sha256', key).update(part).digest();
  return key as Buffer;
}

/** The signature a request with these parts should carry. */
function computeSignature(
  request: SignedRequest,
  auth: Omit<ParsedAuthorization, 'signature' | 'accessKeyId'>,
  amzDate: string,
  secret: string,
): string {
  const scope = `${auth.scopeDate}/${auth.region}/${auth.service}/aws4_request`;
  const hashedRequest = createHash('sha256')
    .update(canonicalRequest(request, auth.signedHeaders))
    .digest('hex');
  const stringToSign = [ALGORITHM, amzDate, scope, hashedRequest].join('\n');
  return createHmac('sha256', signingKey(secret, auth.scopeDate, auth.region, auth.service))
    .update(stringToSign)
    .digest('hex');
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
  const problem = checkScopeAndDate(request, auth, options);
  if (typeof problem !== 'string') return problem;
  const secret = await options.secretFor(auth.accessKeyId);
  if (secret === null)
    return fail('UnrecognizedClientException', 'The security token included in the request is invalid.');
  const expected = Buffer.from(computeSignature(request, auth, problem, secret), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(auth.signature, 'hex'))) {
    return fail(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
  return { ok: true, accessKeyId: auth.accessKeyId };
}

/** The X-Amz-Date text when scope and time are acceptable, else the failure. */
function checkScopeAndDate(
  request: SignedRequest,
  auth: ParsedAuthorization,
  options: VerifyOptions,
): string | SigV4Failure {
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
  return amzDate;
}

function toAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}
