// npm run bench — every benchmark, one JSON line per figure. Figures are named in the issues
// that ask for them; each module under scripts/bench/ returns its own.
import { benchAsl } from './bench/asl';

type Bench = () => Promise<object[]>;

async function optional(path: string, name: string): Promise<Bench | undefined> {
  try {
    const module = (await import(path)) as Record<string, Bench>;
    return module[name];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

async function main() {
  const benches: Bench[] = [benchAsl];
  for (const [path, name] of [['./bench/engine.ts', 'benchEngine'], ['./bench/approvals.ts', 'benchApprovals']] as const) {
    const bench = await optional(path, name);
    if (bench) benches.push(bench);
  }
  for (const bench of benches) for (const line of await bench()) console.log(JSON.stringify(line));
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
