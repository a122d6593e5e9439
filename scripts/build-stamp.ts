/**
 * A fingerprint of what `next build` compiles (paths, sizes and modification times), so
 * `npm start` rebuilds only when the sources changed since the last build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIRS = ['app', 'components', 'lib', 'prisma'];
const SOURCE_FILES = [
  'package-lock.json',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'instrumentation.ts',
  'proxy.ts',
];
export const STAMP_FILE = join('.next', 'signoff-build-stamp');

function walk(dir: string, out: string[]) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated' && entry.name !== 'node_modules') walk(path, out);
    } else if (!/\.test\.tsx?$/.test(entry.name)) out.push(path);
  }
}

export function sourceStamp(root = process.cwd()): string {
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir), files);
  for (const file of SOURCE_FILES) if (existsSync(join(root, file))) files.push(join(root, file));
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${file}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const stampPath = join(root, STAMP_FILE);
  return (
    existsSync(join(root, '.next', 'BUILD_ID')) &&
    existsSync(stampPath) &&
    readFileSync(stampPath, 'utf8') === sourceStamp(root)
  );
}
