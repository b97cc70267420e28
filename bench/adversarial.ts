// Adversarial timing: every stage on a normal line and on crafted lines of the same length, as a ratio (target:
// none over 10×), plus hostile files (nesting, entity and compression bombs, a 100,000-item feed) with time and
// memory. Each stage runs in a child process with a time limit, so a runaway shows as a timeout, not a hung bench.
// Child mode: `tsx bench/adversarial.ts --child <stage|hostile> <chars>` prints one JSON line per measurement.
import { spawnSync } from 'node:child_process';
import { CRAFTED, HOSTILE, normalLine, STAGES } from './adversarial-inputs.js';

/** One measured input on one stage. */
export interface AdversarialRow {
  stage: string;
  input: string;
  ms: number;
  /** Time over the same stage's time on the normal line (hostile files have none). */
  ratio: number | null;
  peakRssMb: number;
}

/** The target: no crafted line may cost a stage more than this many times a normal line of the same length. */
export const MAX_RATIO = 10;
/** A stage's child process is stopped after this long: a quadratic stage at 1 MB would otherwise run for hours. */
const CHILD_TIMEOUT_MS = 10 * 60 * 1000;
/** Timings below this are noise-bound (a stage that skips the whole line): a ratio over them is not reported. */
const MIN_NORMAL_MS = 5;
const ROUNDS_NORMAL = 3;

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

async function timeOnce(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Child: one stage on the normal line (best of three, after a warm-up) and then on each crafted line. */
async function stageChild(stage: string, chars: number): Promise<void> {
  const runner = STAGES[stage];
  if (!runner) throw new Error(`unknown stage ${stage}`);
  await timeOnce(runner(normalLine(Math.min(chars, 64 * 1024))));
  const normalWork = runner(normalLine(chars));
  let normal = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ROUNDS_NORMAL; i++) normal = Math.min(normal, await timeOnce(normalWork));
  const emit = (input: string, ms: number, ratio: number | null) => console.log(JSON.stringify({ stage, input, ms, ratio, peakRssMb: peakRssMb() }));
  emit('normal prose', normal, 1);
  for (const [input, make] of Object.entries(CRAFTED)) {
    const work = runner(make(chars));
    let ms = await timeOnce(work);
    // A slow first run may be the machine (it is shared): measure once more before calling it a failure.
    if (ms > MAX_RATIO * normal) ms = Math.min(ms, await timeOnce(work));
    emit(input, ms, normal >= MIN_NORMAL_MS ? ms / normal : null);
  }
}

async function hostileChild(chars: number): Promise<void> {
  for (const [input, make] of Object.entries(HOSTILE)) {
    const work = await make(chars);
    const ms = await timeOnce(work);
    console.log(JSON.stringify({ stage: 'hostile', input, ms, ratio: null, peakRssMb: peakRssMb() }));
  }
}

/**
 * Runs every stage's child and the hostile-files child, reporting each row as it arrives. A child that times out or
 * crashes yields one row saying so for the first input it did not report.
 */
export function adversarialRows(chars: number, onRow: (row: AdversarialRow) => void): AdversarialRow[] {
  const rows: AdversarialRow[] = [];
  for (const stage of [...Object.keys(STAGES), 'hostile']) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', stage, String(chars)], {
      encoding: 'utf8',
      timeout: CHILD_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    const got = result.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as AdversarialRow);
    for (const row of got) {
      rows.push(row);
      onRow(row);
    }
    if (result.status !== 0) {
      const inputs = stage === 'hostile' ? Object.keys(HOSTILE) : ['normal prose', ...Object.keys(CRAFTED)];
      const missing = inputs[got.length] ?? '?';
      const why = result.error ? `stopped after ${CHILD_TIMEOUT_MS / 60_000} min` : `failed: ${result.stderr.trim().split('\n').pop() ?? ''}`;
      const row = { stage, input: `${missing} (${why})`, ms: Number.POSITIVE_INFINITY, ratio: Number.POSITIVE_INFINITY, peakRssMb: 0 };
      rows.push(row);
      onRow(row);
    }
  }
  return rows;
}

if (process.argv[2] === '--child') {
  const [, , , what = '', chars = '1048576'] = process.argv;
  if (what === 'hostile') await hostileChild(Number(chars));
  else await stageChild(what, Number(chars));
}
