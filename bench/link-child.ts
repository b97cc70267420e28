// Links `size` synthetic linker entries in a process of its own (so peak RSS is this run's) and prints one JSON line.
// Usage: tsx bench/link-child.ts <articles>
// The entries stand for annotated articles: anchors drawn from Zipf-distributed vocabularies, grouped into known
// stories, dated at a steady daily volume. They go through the same `Linker` code as real articles (`addEntry`,
// skipping only the reading of anchors from text), so corpus sizes no annotation run could reach (1M) are measured,
// and the known stories give a B³ F1 that shows whether narrower candidate lists lose stories.
import { createHash } from 'node:crypto';
import { bcubed } from '../eval/sets/cluster-scores.js';
import { limitHeapGrowth } from '../src/cli/heap-growth.js';
import { ANCHORS_VERSION } from '../src/link/anchors.js';
import { Linker, type LinkerEntry } from '../src/link/linker.js';
import { seededRandom } from '../src/model/seeded-random.js';

/** Articles published per day: a national news aggregator's volume (GDELT takes in 100× more). */
const PER_DAY = 1_000;
/** Long-running stories (a trial, a war): their articles spread over this many days instead of three. */
const LONG_RUN_DAYS = 120;
/** Share of stories that run long. */
const LONG_RUN_SHARE = 0.05;
/** Chance that a long-running story, when drawn, gets the article (else another story is drawn). */
const LONG_RUN_PICK = 0.02;
const DAY_ZERO = Date.UTC(2024, 0, 1) / 86_400_000;
/**
 * Arrivals per linking pass: the linker role hands what changed to the store after each pass (`takeChanges`), so the
 * linker's lists of changed entries hold one pass's worth, not the run's.
 */
const PASS = 1_000;
/** Progress lines on stderr (CPU ms/article over the last segment, RSS) this many times per run: a 1M run takes hours. */
const PROGRESS_LINES = 10;

/** A Zipf-distributed rank in [0, n): a few words are everywhere, most are rare. */
function zipf(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1)) - 1));
}

interface StoryPlan {
  id: number;
  day: number;
  spread: number;
  names: string[];
  places: string[];
  topic: string[];
  numbers: string[];
}

/** Synthetic corpus of `size` articles; yields entries with their true story, in order of publication. */
export function* syntheticEntries(size: number): Generator<{ entry: LinkerEntry; story: number }> {
  const rand = seededRandom(42);
  // Vocabularies grow with the corpus as real ones do (new people and places appear every day).
  const people = Math.max(2_000, size / 2);
  const places = Math.max(500, size / 20);
  const terms = 30_000;
  const open: Array<{ plan: StoryPlan; left: number }> = [];
  let stories = 0;
  for (let i = 0; i < size; i++) {
    const day = DAY_ZERO + Math.floor(i / PER_DAY);
    // A new story opens with probability 1/6 per article (six articles per story on average, a long tail).
    if (open.length === 0 || rand() < 1 / 6) {
      const long = rand() < LONG_RUN_SHARE;
      const plan: StoryPlan = {
        id: stories++,
        day,
        spread: long ? LONG_RUN_DAYS : 3,
        names: Array.from({ length: 2 + Math.floor(rand() * 3) }, () => `p${zipf(rand, people)}`),
        places: [`l${zipf(rand, places)}`],
        topic: Array.from({ length: 6 }, () => `t${zipf(rand, terms)}`),
        numbers: [String(10 + Math.floor(rand() * 10_000))],
      };
      open.push({ plan, left: Math.max(1, Math.round(-6 * Math.log(1 - rand()))) });
    }
    // A long-running story is picked rarely, so its few articles spread over months.
    let at = Math.floor(rand() * open.length);
    while ((open[at] as { plan: StoryPlan }).plan.spread > 3 && rand() > LONG_RUN_PICK) at = Math.floor(rand() * open.length);
    const slot = open[at] as { plan: StoryPlan; left: number };
    if (--slot.left <= 0) open.splice(at, 1);
    // A story still open after its spread has lapsed closes: its days are over.
    for (let k = open.length - 1; k >= 0; k--)
      if (day - (open[k] as { plan: StoryPlan }).plan.day > (open[k] as { plan: StoryPlan }).plan.spread) open.splice(k, 1);
    const plan = slot.plan;
    const count = (words: string[]) => Object.fromEntries(words.map((w) => [w, 1 + Math.floor(rand() * 3)]));
    const background = Array.from({ length: 25 }, () => `t${zipf(rand, terms)}`);
    const extraNames = Array.from({ length: 2 }, () => `p${zipf(rand, people)}`);
    const id = `a${String(i).padStart(8, '0')}`;
    yield {
      story: plan.id,
      entry: {
        id,
        title: null,
        headline: false,
        outlet: `o${i % 40}`,
        published: new Date(day * 86_400_000).toISOString().slice(0, 10),
        label: id,
        origin: null,
        anchors: {
          version: ANCHORS_VERSION,
          names: count([...plan.names.filter(() => rand() < 0.85), ...extraNames]),
          places: count(plan.places),
          terms: count([...plan.topic.filter(() => rand() < 0.7), ...background]),
          numbers: [...plan.numbers, String(Math.floor(rand() * 100_000))],
          dates: [new Date(plan.day * 86_400_000).toISOString().slice(0, 10)],
          when: new Date(day * 86_400_000).toISOString().slice(0, 10),
          lead: { names: count(plan.names.slice(0, 2)), terms: count(plan.topic.slice(0, 3)) },
          // Dated synthetic articles: the phase rule only separates undated plans from reports.
          phase: null,
        },
        print: { exact: `x${i}`, samples: Array.from({ length: 40 }, () => Math.floor(rand() * 2 ** 30) * 4) },
        copyOf: null,
        shares: [],
        story: null,
        group: null,
      },
    };
  }
}

/** Heap still reachable after a full collection (what the linker holds), when run with --expose-gc as bench/link.ts does. */
function liveHeapMb(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const size = Number(process.argv[2] ?? 10_000);
if (process.argv[1]?.endsWith('link-child.ts')) {
  // As the launcher does for every real run, so peak RSS is what an ingest or linker process reaches.
  limitHeapGrowth();
  const linker = new Linker();
  const truth = new Map<string, number>();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  /** Per-article cost of the last tenth: what filing one more article costs at this size. */
  let tailStart = { wall: 0, cpu: 0 };
  const tailFrom = Math.floor(size * 0.9);
  let n = 0;
  let progress = { n: 0, cpu: 0 };
  for (const { entry, story } of syntheticEntries(size)) {
    if (n++ === tailFrom) {
      const c = process.cpuUsage(cpu);
      tailStart = { wall: performance.now(), cpu: (c.user + c.system) / 1000 };
    }
    truth.set(entry.id, story);
    linker.addEntry(entry);
    if (n % PASS === 0) linker.takeChanges();
    if (n % Math.max(PASS, Math.floor(size / PROGRESS_LINES)) === 0) {
      const c = process.cpuUsage(cpu);
      const cpuNow = (c.user + c.system) / 1000;
      const segment = n - progress.n;
      console.error(JSON.stringify({ arrivals: n, segmentCpuMsPerArticle: (cpuNow - progress.cpu) / segment, rssMb: process.memoryUsage().rss / 1024 / 1024 }));
      progress = { n, cpu: cpuNow };
    }
  }
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const canonicalStart = performance.now();
  linker.canonicalize();
  const canonicalMs = performance.now() - canonicalStart;
  const labels = linker.labels();
  const ids = [...truth.keys()];
  const score = bcubed(
    ids.map((id) => labels.get(id)?.story ?? id),
    ids.map((id) => String(truth.get(id))),
  );
  const tail = size - tailFrom;
  console.log(
    JSON.stringify({
      articles: size,
      msPerArticle: wall / size,
      cpuMsPerArticle: cpuMs / size,
      tailMsPerArticle: (t0 + wall - tailStart.wall) / tail,
      tailCpuMsPerArticle: (cpuMs - tailStart.cpu) / tail,
      canonicalMs,
      stories: new Set([...labels.values()].map((l) => l.story)).size,
      trueStories: new Set(truth.values()).size,
      f1: score.f1,
      // Every article's story key (its smallest id): equal digests mean a change to the linker moved no article.
      storiesDigest: createHash('sha256')
        .update(ids.map((id) => labels.get(id)?.story ?? id).join(' '))
        .digest('hex')
        .slice(0, 16),
      heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
      liveHeapMb: liveHeapMb(),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}
