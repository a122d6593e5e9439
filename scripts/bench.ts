// npm run bench — every benchmark, one JSON line per figure. Figures are named in the issues
// that ask for them; each module under scripts/bench/ returns its own.
import { benchApprovals } from './bench/approvals';
import { benchAsl } from './bench/asl';
import { benchEngine } from './bench/engine';
import { benchGraph } from './bench/graph';
import { benchHttp } from './bench/http';
import { benchInbox } from './bench/inbox';
import { benchMap } from './bench/map';
import { benchMemory } from './bench/memory';
import { benchPostgres } from './bench/postgres';

async function main() {
  for (const bench of [
    benchAsl,
    benchGraph,
    benchEngine,
    benchPostgres,
    benchMemory,
    benchMap,
    benchApprovals,
    benchInbox,
    benchHttp,
  ]) {
    for (const line of await bench()) console.log(JSON.stringify(line));
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
