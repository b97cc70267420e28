// `npm run bench [-- sections…]`: throughput and memory per stage and for the whole pipeline at growing sizes.
// Sections: `stages [KB]`, `pipeline [sizes…]` (default 1000 10000; add 100000 for the long run), `dossier`, `store`.
// `link [sizes…]`: the linker alone on synthetic entries with known stories (bench/link.ts; default 1000 10000 100000;
// add 1000000 for the long run).
// `api [sizes…]`: HTTP latency of the story list, dossiers and articles (bench/api.ts; default 10000).
// `adversarial [KB]`: each stage on a normal line vs crafted lines of the same length (bench/adversarial.ts; 1024),
// then the server under 2/8/16 MB uploads and an 8 MB article's dossier, with health latency (bench/server-hostile.ts).
// `budget [articles]`: cost of the per-article budget's worker thread (bench/budget.ts; default 300).
// `pool [articles]`: ingest (clean, annotate, store) in this thread vs on 1 and 2 worker threads, wall and CPU time
// (bench/pool.ts; default 1000).
// `cli [runs]`: start-up and `analyze` of five articles, as a user runs the built CLI (bench/cli.ts; default 5 runs).
// `load [articles] [soak seconds]`: 50 connections against `triangulate serve`, then a soak with steady ingest
// (bench/load.ts; default 10000 articles, 600 s; soak 0 skips it). Above 10,000 the store is seeded by copies.
// `scale [size]`: workers through NATS JetStream into PostgreSQL and the embedded store (bench/scale.ts; default 2000;
// `TRIANGULATE_SCALE_ONLY=embedded:1,embedded:2` runs some configurations; each row is also written to stderr).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { limitHeapGrowth } from '../src/cli/heap-growth.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { type AdversarialRow, adversarialRows, MAX_RATIO } from './adversarial.js';
import { apiAt } from './api.js';
import { budgetOverhead } from './budget.js';
import { cliTimes } from './cli.js';
import { dossierAt } from './dossier.js';
import { type LinkFigures, linkAt, PREVIOUS_LINK_MS, PREVIOUS_SYNTHETIC } from './link.js';
import { AFTER_INGEST_LABEL, type LoadFigure, loadSection, PREVIOUS_P99, TARGET_P99 } from './load.js';
import type { Figures } from './measure.js';
import { pipelineAt } from './pipeline.js';
import { freeMachineRate, type PoolRun, PREVIOUS, perArticleMs, poolRuns } from './pool.js';
import { PREVIOUS_LINKER_INTAKE, PREVIOUS_SCALE, PREVIOUS_SCALE_PER_CPU_S, scaleSection } from './scale.js';
import { hostileServer } from './server-hostile.js';
import { compareStores } from './store-compare.js';

// The launcher's V8 setting (bin/triangulate.js), so the in-process sections measure what a run of the CLI gets.
limitHeapGrowth();

const args = process.argv.slice(2);
const sections = new Set(args.filter((a) => !/^\d+$/.test(a)));
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
const all = sections.size === 0;
const n = (x: number, digits = 1): string => (x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(digits));

function row(cells: Array<string | number>): string {
  return `| ${cells.join(' | ')} |`;
}

console.log(`# Triangulate benchmarks (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, 2 cores)\n`);

/**
 * The previous stage figures (MB of clean text per CPU-second of the process, ≈5 KB articles), printed beside this
 * run's: `stages 5` on main after session 9's merge (6c75c48's code), 2026-12-06 at about 20:10 UTC, load average
 * 2–4. At higher load the unchanged stages move ±15% between runs (docs/measurements.md), so compare at low load.
 */
const PREVIOUS_MB_PER_CPU_S: Readonly<Record<string, number>> = {
  'clean (text + HTML)': 1.03,
  sentences: 6.25,
  times: 5.91,
  entities: 2.04,
  quantities: 11.82,
  quotes: 5.54,
  cues: 10.71,
  all: 0.85,
};

if (all || sections.has('stages')) {
  const count = 300;
  // `stages 5`: pasted-text samples joined into articles of about 5 KB (the size of the issue's speed target).
  const kb = sections.has('stages') ? (sizes[0] ?? 0) : 0;
  const size = kb > 0 ? `about ${kb} KB each` : 'about 1.1 KB of clean text each';
  // The previous figures are of ≈5 KB articles: beside a run of another size they would mislead.
  const previous = (name: string): string => (kb === 5 && PREVIOUS_MB_PER_CPU_S[name] !== undefined ? n(PREVIOUS_MB_PER_CPU_S[name], 2) : '–');
  console.log(`## Stages (${count} synthetic articles from the sample corpus, ${size}; one process per stage)\n`);
  console.log(row(['stage', 'articles/s', 'MB/s (wall)', 'MB per CPU-s', 'previous MB per CPU-s', "MB per CPU-s of the stage's thread alone", 'peak RSS MB']));
  console.log(row(['---', '---', '---', '---', '---', '---', '---']));
  let annotateSeconds = 0;
  let annotateCpu = 0;
  let annotateThreadCpu: number | null = 0;
  let annotateMb = 0;
  for (const name of ['clean', ...defaultStages().map((s) => s.name)]) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'stage-child.ts'), name, String(count), String(kb)], {
      encoding: 'utf8',
    });
    const f = JSON.parse(out.trim().split('\n').pop() as string) as Figures & { stage: string };
    if (name !== 'clean') {
      annotateSeconds += f.seconds;
      annotateCpu += f.cpuSeconds;
      annotateThreadCpu = f.threadCpuSeconds === null || annotateThreadCpu === null ? null : annotateThreadCpu + f.threadCpuSeconds;
      annotateMb = f.mb;
    }
    const thread = f.mbPerThreadCpuS === null ? '–' : n(f.mbPerThreadCpuS, 2);
    console.log(row([f.stage, n(f.articlesPerS), n(f.mbPerS, 2), n(f.mbPerCpuS, 2), previous(f.stage), thread, n(f.peakRssMb)]));
  }
  const allThread = annotateThreadCpu === null ? '–' : n(annotateMb / annotateThreadCpu, 2);
  console.log(
    row([
      '**all annotation stages**',
      n(count / annotateSeconds),
      n(annotateMb / annotateSeconds, 2),
      n(annotateMb / annotateCpu, 2),
      previous('all'),
      allThread,
      '–',
    ]),
  );
  console.log('\ntarget: all annotation ≥ 1.5 MB/s per core (≈300 articles/s of 5 KB)\n');
}

if (all || sections.has('pipeline')) {
  const list = sizes.length > 0 ? sizes : [1000, 10000];
  console.log('## Whole pipeline (synthetic articles from the sample corpus; one process, embedded store)\n');
  console.log(
    row([
      'articles',
      'ingest articles/s',
      'ingest MB/s',
      'link s',
      'link ms/article',
      'stories',
      'store MB',
      'peak RSS MB (ingest)',
      'peak RSS MB (ingest + link)',
    ]),
  );
  console.log(row(['---', '---', '---', '---', '---', '---', '---', '---', '---']));
  for (const size of list) {
    const f = await pipelineAt(size);
    console.log(
      row([
        size,
        n(f.ingest.articlesPerS),
        n(f.ingest.mbPerS, 2),
        n(f.link.seconds, 2),
        n(f.link.msPerArticle, 2),
        f.link.stories,
        n(f.storeMb),
        n(f.ingest.peakRssMb),
        n(f.link.peakRssMb),
      ]),
    );
  }
  console.log('');
}

if (sections.has('link')) {
  const list = sizes.length > 0 ? sizes : [1000, 10000, 100000];
  console.log('## Linking alone (synthetic entries with known stories, 1,000 a day; one process per size; docs/scale.md)\n');
  console.log(
    row([
      'articles',
      'CPU ms/article',
      'last tenth CPU ms/article',
      'wall ms/article',
      'previous CPU ms (same entries)',
      'previous wall ms (pipeline)',
      'canonical pass ms',
      'stories / true',
      'B³ F1',
      'heap MB (previous)',
      'live heap MB',
      'peak RSS MB (previous)',
      'intake articles/CPU-s (× one worker)',
      'stories digest (previous)',
    ]),
  );
  console.log(row(Array.from({ length: 14 }, () => '---')));
  const oneWorker = PREVIOUS_SCALE.embedded[1] as number;
  const figures: LinkFigures[] = [];
  for (const size of list) {
    const f = linkAt(size);
    figures.push(f);
    const previous = PREVIOUS_SYNTHETIC[size];
    const was = (x: number | undefined, digits = 2) => (x === undefined ? '–' : n(x, digits));
    const intake = 1000 / f.cpuMsPerArticle;
    console.log(
      row([
        size,
        n(f.cpuMsPerArticle, 2),
        n(f.tailCpuMsPerArticle, 2),
        n(f.msPerArticle, 2),
        was(previous?.cpuMs),
        was(PREVIOUS_LINK_MS[size]),
        n(f.canonicalMs),
        `${f.stories} / ${f.trueStories}`,
        f.f1.toFixed(3),
        `${n(f.heapMb)} (${was(previous?.heapMb, 0)})`,
        n(f.liveHeapMb),
        `${n(f.peakRssMb)} (${was(previous?.peakRssMb, 0)})`,
        `${n(intake)} (${n(intake / oneWorker, 2)}×)`,
        // Equal to the previous digest when no article moved to another story (a speed change must keep it).
        `${f.storiesDigest} (${previous?.digest === undefined ? '–' : previous.digest === f.storiesDigest ? 'same' : `was ${previous.digest}`})`,
      ]),
    );
  }
  const first = figures[0];
  if (first) {
    const ratios = figures.slice(1).map((f) => `${f.articles}: ${(f.tailCpuMsPerArticle / first.tailCpuMsPerArticle).toFixed(2)}×`);
    const averages = figures.slice(1).map((f) => `${f.articles}: ${(f.cpuMsPerArticle / first.cpuMsPerArticle).toFixed(2)}×`);
    console.log(
      `\nCPU ms/article against ${first.articles}: ${averages.join(', ')}; last tenth: ${ratios.join(', ')}; target: 100k ≤ 1.3×, 1M ≤ 1.5× the 1k figure`,
    );
    console.log(
      `intake: articles a single linker files per CPU-second from pre-annotated entries (no reading of anchors, store or copy prints), against one embedded-store worker's ${oneWorker} articles/s (scale table); target ≥ 4×\n`,
    );
  }
}

if (all || sections.has('api')) {
  // 10,000 articles by default: about four minutes here, most of it building the store (ingest + linking).
  const list = sizes.length > 0 ? sizes : [10000];
  console.log('## HTTP API latency (synthetic articles, full pipeline; one client, loopback, sequential requests)\n');
  console.log(row(['articles', 'route', 'requests', 'p50 ms', 'p99 ms', 'max ms']));
  console.log(row(['---', '---', '---', '---', '---', '---']));
  const notes: string[] = [];
  for (const size of list) {
    const f = await apiAt(size, (r) => console.log(row([size, r.route, r.requests, n(r.p50), n(r.p99), n(r.max)])));
    notes.push(
      `${size} articles: ${f.stories} stories, store built (ingest + linking) in ${n(f.buildSeconds)} s, ${f.skippedDossiers} large stories' dossiers not timed`,
    );
  }
  console.log(`\n${notes.join('; ')}\n`);
}

if (all || sections.has('dossier')) {
  const f = await dossierAt(200);
  console.log('## Dossier for one story (synthetic articles through the whole pipeline, linked)\n');
  console.log(row(['articles', 'facts', 'build median ms', 'build max ms', 'Markdown ms', 'HTML ms']));
  console.log(row(['---', '---', '---', '---', '---', '---']));
  console.log(row([f.articles, f.facts, n(f.buildMedianMs), n(f.buildMaxMs), n(f.markdownMs), n(f.htmlMs)]));
  console.log('\ntarget: a 200-article story under 1 s (issue 6)\n');
}

if (sections.has('store')) {
  console.log('## Embedded store candidates (docs/storage.md)\n');
  console.table(await compareStores());
}

if (sections.has('scale')) {
  const size = sizes[0] ?? 2000;
  const { rows, publishPerS, link } = await scaleSection(size);
  console.log(`## Scale-out (${size} synthetic articles through NATS JetStream; docs/scale.md)\n`);
  console.log(
    row([
      'store',
      'workers',
      'articles/s (wall)',
      'previous articles/s (100k)',
      'wall efficiency (this run)',
      'articles per worker CPU-s',
      'previous per CPU-s (100k)',
      'p50 ms',
      'p99 ms',
      'peak RSS MB / worker',
      'DB MB',
      'store retries',
      'load avg',
    ]),
  );
  console.log(row(Array.from({ length: 13 }, () => '---')));
  const was = (table: typeof PREVIOUS_SCALE, r: (typeof rows)[number]): string => {
    const x = table[r.backend][r.workers];
    return x === undefined ? '–' : n(x);
  };
  for (const r of rows) {
    const one = rows.find((x) => x.backend === r.backend && x.workers === 1);
    const efficiency = one ? r.articlesPerS / (one.articlesPerS * r.workers) : Number.NaN;
    console.log(
      row([
        r.backend,
        r.workers,
        n(r.articlesPerS),
        was(PREVIOUS_SCALE, r),
        Number.isNaN(efficiency) ? '–' : `${Math.round(efficiency * 100)}%`,
        n(r.perCpuS),
        was(PREVIOUS_SCALE_PER_CPU_S, r),
        n(r.p50Ms),
        n(r.p99Ms),
        n(r.peakRssMb),
        n(r.dbMb),
        r.retries,
        n(r.load),
      ]),
    );
  }
  const one = rows.find((x) => x.backend === 'postgres' && x.workers === 1);
  console.log(
    `\npublishing: ${n(publishPerS)} jobs/s; efficiencies compare rows of this run only, and a wall ratio at load above 2 is the machine's as much as the workers'\n`,
  );
  if (link && one) {
    // Both rates per CPU-second as well as wall: at load above 2 the wall ratio says how the scheduler shared the
    // cores between the worker's run and the linker's, not how many workers one linker keeps up with.
    const intake = link.articles / link.seconds;
    const perCpuS = link.articles / link.cpuSeconds;
    console.log(
      row([
        'linker role over the 1-worker PostgreSQL database',
        'articles',
        'stories',
        'seconds (CPU-s)',
        'intake articles/s (previous)',
        'per CPU-s (previous)',
        '× one worker, wall',
        '× one worker, per CPU-s (previous)',
        'target',
        'load avg',
      ]),
    );
    console.log(row(Array.from({ length: 10 }, () => '---')));
    console.log(
      row([
        'one pass',
        link.articles,
        link.stories,
        `${n(link.seconds)} (${n(link.cpuSeconds)})`,
        `${n(intake)} (${PREVIOUS_LINKER_INTAKE.perS})`,
        `${n(perCpuS)} (${PREVIOUS_LINKER_INTAKE.perCpuS})`,
        `${n(intake / one.articlesPerS, 2)}×`,
        `${n(perCpuS / one.perCpuS, 2)}× (${PREVIOUS_LINKER_INTAKE.perWorkerCpuS}×)`,
        '≥ 4×',
        n(link.load),
      ]),
    );
  }
  console.log('');
}

if (sections.has('adversarial')) {
  const kb = sizes[0] ?? 1024;
  console.log(`## Adversarial lines (${kb} KB of one line per input, each stage in its own process; docs/hardening.md)\n`);
  console.log(row(['stage', 'input', 'ms', 'ratio to normal prose', 'peak RSS MB']));
  console.log(row(['---', '---', '---', '---', '---']));
  const rows = adversarialRows(kb * 1024, (r: AdversarialRow) =>
    console.log(row([r.stage, r.input, n(r.ms), r.ratio === null ? '–' : `${n(r.ratio)}×${r.ratio > MAX_RATIO ? ' **over**' : ''}`, n(r.peakRssMb)])),
  );
  const worst = new Map<string, AdversarialRow>();
  for (const r of rows) if (r.ratio !== null && r.ratio > (worst.get(r.stage)?.ratio ?? 0)) worst.set(r.stage, r);
  const summary = [...worst.values()].map((r) => `${r.stage} ${n(r.ratio ?? 0)}× (${r.input})`).join('; ');
  console.log(`\nworst per stage: ${summary}\ntarget: no stage over ${MAX_RATIO}× its time on normal prose\n`);
}

// `adversarial-server` runs this part alone.
if (sections.has('adversarial') || sections.has('adversarial-server')) {
  console.log('## The server under large inputs (`triangulate serve` in its own process; /api/health polled every 100 ms)\n');
  console.log(row(['request', 'status', 'ms', 'response bytes', 'health polls', 'health p50 ms', 'health max ms']));
  console.log(row(['---', '---', '---', '---', '---', '---', '---']));
  const served = await hostileServer((r) =>
    console.log(row([r.what, r.status, n(r.ms), r.bytes.toLocaleString('en'), r.healthPolls, n(r.healthP50), n(r.healthMax)])),
  );
  const slowest = Math.max(...served.map((r) => r.healthMax));
  console.log(`\nslowest /api/health answer during all of them: ${n(slowest)} ms (target: under 1,000 ms)\n`);
}

if (sections.has('budget')) {
  const f = await budgetOverhead(sizes[0] ?? 300);
  console.log(`## Per-article budget (clean + all stages in a worker thread vs in this thread; ${f.articles} synthetic articles, warm)\n`);
  console.log(row(['in thread articles/s', 'budgeted articles/s', 'overhead ms/article', 'worker start ms']));
  console.log(row(['---', '---', '---', '---']));
  console.log(row([n(f.inThreadPerS), n(f.budgetedPerS), n(f.overheadMsPerArticle, 2), n(f.startMs)]));
  console.log('');
}

if (sections.has('pool')) {
  const runs = poolRuns(sizes[0] ?? 1000);
  const [inThread, one, two] = runs as [PoolRun, PoolRun, PoolRun];
  console.log(`## Every core: ingest on a pool of worker threads (${inThread.articles} synthetic articles, embedded store, warm; best of 2)\n`);
  console.log(
    row([
      'threads',
      'articles/s (wall)',
      'articles per CPU-s',
      'previous per CPU-s',
      'storing CPU ms/article',
      'making CPU ms/article',
      'of which V8 helper threads',
      'peak RSS MB',
      'load',
    ]),
  );
  console.log(row(['---', '---', '---', '---', '---', '---', '---', '---', '---']));
  const previous = [PREVIOUS.inThreadPerCpuS, PREVIOUS.oneWorkerPerCpuS, PREVIOUS.twoWorkersPerCpuS];
  for (const [i, r] of runs.entries()) {
    const ms = perArticleMs(r);
    const cells = r.threads === 0 ? ['–', n((r.cpuSeconds * 1000) / r.articles, 2)] : [n(ms?.storing ?? Number.NaN, 2), n(ms?.making ?? Number.NaN, 2)];
    console.log(
      row([
        r.threads === 0 ? '0 (this thread)' : String(r.threads),
        n(r.articlesPerS),
        n(r.articlesPerCpuS),
        previous[i] ?? '–',
        ...cells,
        ms?.helpers === null || ms?.helpers === undefined ? '–' : n(ms.helpers, 2),
        n(r.peakRssMb),
        n(r.load),
      ]),
    );
  }
  const [freeOne, freeTwo] = [freeMachineRate(one, 2), freeMachineRate(two, 2)];
  const projected =
    freeOne && freeTwo
      ? `${(freeTwo.perS / freeOne.perS).toFixed(2)}× (${n(freeOne.perS)} → ${n(freeTwo.perS)} articles/s; bound by ${freeTwo.bound})`
      : 'not measured (needs Linux)';
  console.log(
    [
      '',
      `2 threads vs 1, wall on this machine: ${(one.seconds / two.seconds).toFixed(2)}× (load above 2: other sessions shared the cores, and Linux shares CPU by session, not thread, so this ratio is theirs as much as ours)`,
      `2 threads vs 1, from the CPU costs above on 2 free cores: ${projected}; previous ${PREVIOUS.twoVsOne.toFixed(2)}×; target ≥ 1.8×`,
      `whole pipeline per core: ${n(Math.max(...runs.map((r) => r.articlesPerCpuS)))} articles per CPU-s (previous ${PREVIOUS.inThreadPerCpuS}; target ≥ 300); bound by making the articles (cleaning and annotation: ${n(perArticleMs(one)?.making ?? Number.NaN, 2)} of ${n(1000 / one.articlesPerCpuS, 2)} CPU ms per article on one worker)`,
      '',
    ].join('\n'),
  );
}

if (sections.has('cli')) {
  const { rows, input } = cliTimes(sizes[0] ?? 5);
  console.log(`## CLI start-up and one-shot analysis (fresh \`node bin/triangulate.js\` processes; ${input})\n`);
  console.log(row(['command', 'runs', 'best wall ms', 'median wall ms', 'median CPU ms']));
  console.log(row(['---', '---', '---', '---', '---']));
  for (const r of rows) console.log(row([r.command, r.runs, n(r.bestMs), n(r.medianMs), n(r.cpuMedianMs)]));
  console.log('\ntarget: analyze of five articles under 1,500 ms wall (issue 17)\n');
}

if (sections.has('load')) {
  const size = sizes[0] ?? 10000;
  const soakSeconds = sizes[1] ?? 600;
  console.log(`## Load and soak (\`triangulate serve\` in its own process on loopback, ${size} synthetic articles; docs/hardening.md)\n`);
  const previous = (figure: LoadFigure): string => {
    const before = PREVIOUS_P99[figure];
    return before ? `${n(before.ms)} (${before.at})` : '– (new)';
  };
  console.log(
    row([
      'route',
      'connections',
      'requests',
      'errors',
      'requests/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'target p99',
      'previous p99',
      'server CPU ms/request',
      'load avg',
    ]),
  );
  console.log(row(Array.from({ length: 12 }, () => '---')));
  const f = await loadSection(size, soakSeconds, (r) =>
    console.log(
      row([
        r.route,
        r.connections,
        r.requests,
        r.errors,
        n(r.perSecond),
        n(r.p50),
        n(r.p99),
        n(r.max),
        `≤ ${n(TARGET_P99[r.figure])}`,
        previous(r.figure),
        n(r.cpuMsPerRequest, 2),
        n(r.load),
      ]),
    ),
  );
  const c = f.cold;
  console.log(
    row([
      `first dossier request (${c.stories} stories of ${c.articles} articles, one at a time; p50 / max; server CPU p50 / max)`,
      1,
      c.stories,
      0,
      '–',
      n(c.p50),
      n(c.max),
      n(c.max),
      `≤ ${n(TARGET_P99.first)}`,
      previous('first'),
      `${n(c.cpuMsP50)} / ${n(c.cpuMsMax)}`,
      n(c.load),
    ]),
  );
  const fresh = c.afterIngest;
  // No row of NaNs when the figure was not measured (a store seeded by copies): the reason is printed below.
  if (fresh.requests > 0)
    console.log(
      row([
        `first dossier request ${AFTER_INGEST_LABEL} (${fresh.requests} stories of ${fresh.articles} articles; p50 / max)`,
        1,
        fresh.requests,
        0,
        '–',
        n(fresh.p50),
        n(fresh.max),
        n(fresh.max),
        `≤ ${n(TARGET_P99.first)}`,
        '–',
        '–',
        n(fresh.load),
      ]),
    );
  if (fresh.failed) console.log(`\nfirst dossier request after an upload: ${fresh.failed}`);
  console.log(
    `\nstore built in ${n(f.buildSeconds)} s by ${f.seeded} (${f.stories} stories); the server's very first dossier request took ${n(c.firstMs)} ms; the slowest first request was a ${c.slowestArticles}-article story's (a cold dossier is built on request: bound by the build's CPU, which grows faster than the story, times the load)\n`,
  );
  const s = f.soak;
  if (s) {
    console.log(`### Soak (${s.seconds} s: one article posted every ${s.ingestIntervalMs} ms, answer awaited; ${s.readers} readers)\n`);
    console.log(
      row([
        'posted',
        'added',
        'reads',
        'errors',
        'renamed stories',
        'lost',
        'RSS start MB',
        'RSS end MB',
        'RSS max MB',
        'RSS slope MB/min',
        'ingest p50 / p99 ms',
        'read p99 ms',
      ]),
    );
    console.log(row(Array.from({ length: 12 }, () => '---')));
    console.log(
      row([
        s.posted,
        s.added,
        s.reads,
        s.errors,
        s.renamed,
        s.lost,
        n(s.rssStartMb),
        n(s.rssEndMb),
        n(s.rssMaxMb),
        n(s.rssSlopeMbPerMin, 2),
        `${n(s.ingestP50)} / ${n(s.ingestP99)}`,
        n(s.readP99),
      ]),
    );
    console.log('');
  }
}
