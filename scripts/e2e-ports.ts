// Prints a port for the end-to-end servers such that it, +15 (their SMTP server) and +16 (the
// second server) are all free. Taken below Linux's ephemeral range (32768–60999): a port the
// kernel picked for an outgoing connection (a database client's) could otherwise be in use by
// the time a derived port is bound.
import net from 'node:net';

const free = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

async function main(): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if ((await free(port)) && (await free(port + 15)) && (await free(port + 16))) {
      console.log(port);
      return;
    }
  }
  throw new Error('no free ports for the end-to-end servers');
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
