/**
 * map.items_per_s: a Distributed Map of 100,000 items, read from a CSV object in S3 (moto's
 * server on loopback), in batches of 1,000 — 100 child executions of one map run — through the
 * in-process worker on a temporary SQLite file: items divided by the seconds from the start of
 * the execution to its end (the read, the batching, the children and the join). Median of 3.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Definition } from '../../lib/asl';
import { startMoto } from '../../lib/engine/testing/aws-servers';
import { runAlone } from './run-alone';

const ITEMS = Number(process.env.SIGNOFF_BENCH_MAP_ITEMS ?? 100_000);
const BATCH = 1000;

const definition: Definition = {
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
        Parameters: { Bucket: 'bench', Key: 'items.csv' },
      },
      ItemBatcher: { MaxItemsPerBatch: BATCH },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Count',
        States: { Count: { Type: 'Pass', Parameters: { 'n.$': 'States.ArrayLength($.Items)' }, End: true } },
      },
      End: true,
    },
  },
} as unknown as Definition;

export async function benchMap(): Promise<object[]> {
  const dir = mkdtempSync(join(tmpdir(), 'signoff-bench-map-'));
  const moto = await startMoto();
  const restoreEnv = moto.useForSignoff(['s3']);
  process.env.DATABASE_URL = `file:${join(dir, 'bench.db')}`;
  try {
    const s3 = new S3Client(moto.clientConfig);
    await s3.send(new CreateBucketCommand({ Bucket: 'bench' }));
    const rows = Array.from({ length: ITEMS }, (_, i) => `${i},item-${i}`);
    await s3.send(
      new PutObjectCommand({ Bucket: 'bench', Key: 'items.csv', Body: `id,name\n${rows.join('\n')}\n` }),
    );
    const { prepareDatabase } = await import('../../lib/db/prepare-database');
    await prepareDatabase(process.env.DATABASE_URL ?? '');
    const { db } = await import('../../lib/db/client');
    const { startTestExecution } = await import('../../lib/engine/testing/harness');
    const { startEngine } = await import('../../lib/engine');
    const engine = startEngine({ pollMs: 20 });
    const rates: number[] = [];
    try {
      for (let round = 0; round < 3; round++) {
        const started = performance.now();
        const id = await startTestExecution({ definition, input: {} });
        for (;;) {
          const { status, output } = await db.execution.findUniqueOrThrow({ where: { id } });
          if (status !== 'RUNNING') {
            const counted = (JSON.parse(output ?? '[]') as { n: number }[]).reduce((sum, b) => sum + b.n, 0);
            if (status !== 'SUCCEEDED' || counted !== ITEMS)
              throw new Error(`the map ended ${status} with ${counted} of ${ITEMS} items`);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        rates.push(ITEMS / ((performance.now() - started) / 1000));
      }
    } finally {
      await engine.stop();
      const { closeSqlite } = await import('../../lib/db/sqlite');
      await db.$disconnect();
      closeSqlite();
      delete (globalThis as { signoffDb?: unknown }).signoffDb;
    }
    rates.sort((a, b) => a - b);
    return [
      {
        metric: 'map.items_per_s',
        value: Math.round(rates[1]),
        items: ITEMS,
        batch: BATCH,
        children: ITEMS / BATCH,
      },
    ];
  } finally {
    await moto.stop();
    restoreEnv();
    rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, benchMap);
