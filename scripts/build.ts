// npm run build — `next build` when the sources changed since the last build (see build-stamp.ts).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { STAMP_FILE, buildIsCurrent, sourceStamp } from './build-stamp';

if (buildIsCurrent() && !process.argv.includes('--force')) {
  console.log('build: the build is current');
} else {
  const stamp = sourceStamp();
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(STAMP_FILE, stamp);
}
