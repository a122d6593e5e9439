import { pathToFileURL } from 'node:url';

/** Runs a bench module's figures when that module is the script tsx was started with. */
export function runAlone(moduleUrl: string, bench: () => Promise<object[]>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  bench()
    .then((lines) => {
      for (const line of lines) console.log(JSON.stringify(line));
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
