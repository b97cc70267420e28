#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node's test runner (Node 20's --test does not expand globs).
// `npm test -- --long` sets TRIANGULATE_LONG=1 for the longer property-test runs; `--update-snapshots` sets
// TRIANGULATE_UPDATE_SNAPSHOTS=1 so snapshot tests write what they produce instead of comparing (`npm run snapshots`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function find(dir) {
  let out = [];
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules' && e.name !== 'fixtures') out = out.concat(find(path));
    else if (e.isFile() && e.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const args = process.argv.slice(2);
const long = args.includes('--long');
const updateSnapshots = args.includes('--update-snapshots');
const filters = args.filter((a) => !a.startsWith('--'));
let files = [...find('src'), ...find('test')].sort();
if (filters.length > 0) files = files.filter((f) => filters.some((x) => f.includes(x)));
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, ...(long ? { TRIANGULATE_LONG: '1' } : {}), ...(updateSnapshots ? { TRIANGULATE_UPDATE_SNAPSHOTS: '1' } : {}) },
});
process.exit(result.status ?? 1);
