/**
 * For the AWS integration tests: moto's server (the AWS APIs on loopback, installed on these
 * machines) started per test file and stopped after, and a small server that answers Lambda's
 * Invoke API the way AWS does (moto's Lambda would run functions in Docker).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Moto {
  endpoint: string;
  /** what an AWS SDK client of the test needs to reach it (S3 buckets in the path) */
  clientConfig: {
    endpoint: string;
    region: string;
    forcePathStyle: boolean;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  /**
   * Points Signoff's AWS integrations at it (all services, or the ones named), with test
   * credentials; the returned function puts the environment back.
   */
  useForSignoff(services?: string[]): () => void;
  stop(): Promise<void>;
}

/** `moto_server` on a free loopback port, ready when this resolves. */
export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited: ${log}`);
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`moto_server did not start: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    endpoint,
    clientConfig: {
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    },
    useForSignoff(services) {
      const saved = { ...process.env };
      Object.assign(process.env, {
        AWS_ACCESS_KEY_ID: 'testing',
        AWS_SECRET_ACCESS_KEY: 'testing',
        AWS_REGION: 'us-east-1',
        ...(services
          ? Object.fromEntries(services.map((s) => [`SIGNOFF_AWS_ENDPOINT_${s.toUpperCase()}`, endpoint]))
          : { SIGNOFF_AWS_ENDPOINT: endpoint }),
      });
      return () => {
        process.env = saved;
      };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export type LambdaHandler = (event: unknown) => unknown;

export interface LambdaServer {
  endpoint: string;
  /** every invocation: function name, qualifier, invocation type and payload */
  calls: { name: string; invocationType: string; payload: unknown }[];
  stop(): Promise<void>;
}

const body = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => resolve(text));
  });

/**
 * Lambda's Invoke API (`POST /2015-03-31/functions/{name}/invocations`) for the given handlers:
 * an unknown function is 404 ResourceNotFoundException; a handler that throws answers 200 with
 * `X-Amz-Function-Error: Unhandled` and `{ errorType, errorMessage }`, as AWS does.
 */
export async function startLambdaServer(handlers: Record<string, LambdaHandler>): Promise<LambdaServer> {
  const calls: LambdaServer['calls'] = [];
  const server: Server = createServer((request, response) => {
    void body(request).then((text) => {
      const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations/.exec(request.url ?? '');
      const arnOrName = decodeURIComponent(match?.[1] ?? '');
      const name = arnOrName.includes(':function:') ? arnOrName.split(':')[6] : arnOrName.split(':')[0];
      const handler = handlers[name];
      if (!match || !handler) {
        response.writeHead(404, {
          'content-type': 'application/json',
          'x-amzn-errortype': 'ResourceNotFoundException',
          'x-amzn-requestid': 'test-request',
        });
        response.end(JSON.stringify({ Type: 'User', Message: `Function not found: ${arnOrName}` }));
        return;
      }
      const payload: unknown = text ? JSON.parse(text) : null;
      const invocationType = String(request.headers['x-amz-invocation-type'] ?? 'RequestResponse');
      calls.push({ name, invocationType, payload });
      const headers = { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' };
      try {
        const result = handler(payload);
        response.writeHead(invocationType === 'Event' ? 202 : 200, headers);
        response.end(invocationType === 'Event' ? '' : JSON.stringify(result ?? null));
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        response.writeHead(200, { ...headers, 'x-amz-function-error': 'Unhandled' });
        response.end(JSON.stringify({ errorType: failure.name, errorMessage: failure.message, trace: [] }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
