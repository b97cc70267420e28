import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Wall times of one command line, run several times in fresh processes. */
export interface CliRow {
  command: string;
  runs: number;
  bestMs: number;
  medianMs: number;
  /** User + system CPU of the child, median: less sensitive than wall time to other work on a shared machine. */
  cpuMedianMs: number;
}

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'triangulate.js');
/** Five articles, as a first-time user would analyze: the seeds when the shared data is there, else five sample files. */
const SEEDS = join(ROOT, '..', 'shared', 'seeds');

/**
 * Start-up and one-shot analysis as a user runs them: `node bin/triangulate.js …` in a fresh process each time, on
 * the built package (the section builds dist/ first so it never times stale code). `--help` is the floor every
 * command pays; `analyze` of five articles is the issue-17 target (under 1.5 s wall).
 */
export function cliTimes(runs = 5): { rows: CliRow[]; input: string } {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
  const input = mkdtempSync(join(tmpdir(), 'tri-bench-cli-'));
  const out = mkdtempSync(join(tmpdir(), 'tri-bench-out-'));
  try {
    const from = existsSync(SEEDS) ? SEEDS : join(ROOT, 'samples', 'corpus');
    const files = readdirSync(from)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, 5);
    for (const f of files) copyFileSync(join(from, f), join(input, f));
    const label = existsSync(SEEDS) ? 'the five seed articles' : 'five sample-corpus articles';
    const rows = [time(['--help'], '--help', runs), time(['analyze', input, '--out', out], `analyze (${label}) --out`, runs)];
    return { rows, input: label };
  } finally {
    rmSync(input, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

function time(args: string[], command: string, runs: number): CliRow {
  const walls: number[] = [];
  const cpus: number[] = [];
  // One untimed run first: the file-system cache, not the code, would otherwise decide the first figure.
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', CPU_REPORTER, BIN, ...args], { encoding: 'utf8' });
    const wall = performance.now() - started;
    if (child.status !== 0) throw new Error(`${command} failed (${child.status}): ${child.stderr}`);
    const cpu = Number(/cpu-ms (\d+)/.exec(child.stderr)?.[1] ?? Number.NaN);
    if (i === 0) continue;
    walls.push(wall);
    cpus.push(cpu);
  }
  return { command, runs, bestMs: Math.min(...walls), medianMs: median(walls), cpuMedianMs: median(cpus) };
}

/**
 * Runs the CLI entry in this process and reports its CPU time on stderr as it exits (Node has no per-child CPU
 * figure in spawnSync). Loading bin/triangulate.js by import keeps the start-up exactly what a user pays.
 */
const CPU_REPORTER = `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('cpu-ms ' + Math.round((u.user + u.system) / 1000) + '\\n'); });
const [bin, ...args] = process.argv.slice(1); process.argv = [process.argv[0], bin, ...args]; await import(bin);`;

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
