import { LINKER_DEFAULTS, Linker, type LinkerOptions } from '../../src/link/linker.js';
import type { TimeEvidence } from '../../src/link/time.js';
import type { Article } from '../../src/model/article.js';
import { seededRandom } from '../../src/model/seeded-random.js';
import { defaultStages } from '../../src/pipeline/registry.js';
import { createPipeline } from '../../src/pipeline/runner.js';
import type { EvalResult, Evaluator, Row } from '../harness.js';
import { bcubed } from './cluster-scores.js';
import { baselineDendrogram, cutDendrogram } from './ecbplus-baseline.js';
import { type EcbDocument, loadEcbPlus } from './ecbplus-corpus.js';

/**
 * ECB+ stories and the story graph. Each sub-topic is one real-world happening; each topic holds two happenings of
 * one kind (two rehab check-ins, two defences of one boxing title years apart). A story of this engine is one
 * happening and its development, so its gold is the sub-topic; related stories are connected in the story graph,
 * so the groups of related stories (its components) have the topic as gold. 2-fold over topics: thresholds and
 * the time evidence are tuned on one half (odd or even topics) and scored on the other; the two held-out halves
 * are pooled. Every figure is computed twice: with the publication dates the documents' URLs give withheld (the
 * engine reads dates only from the text) and given. Beside it, the TF-IDF + average-link baseline tuned the same
 * way (its sub-topic cut for stories, its topic cut for groups), and the drift of the online linker over random
 * orders and batches.
 */

const STORY_THRESHOLDS = [0.2, 0.24, 0.28, 0.32];
/**
 * Fragment thresholds tried (partition.ts). None below 0.1: at 0.06 the sample corpus's travel page, which shares only
 * the town with the plant story, joins it (samples/, a development set).
 */
const FRAGMENT_THRESHOLDS = [0.1, 0.14];
const RELATED_THRESHOLDS = [0.04, 0.06, 0.08];
const TIME_OPTIONS: TimeEvidence[] = [
  { graceDays: 180, perDoubling: 0 },
  { graceDays: 180, perDoubling: 0.5 },
  { graceDays: 30, perDoubling: 0.25 },
];
/** The stages whose layers the linker reads (entity types, dates, quantities), as `ingest` runs them. */
const LINK_STAGES = ['sentences', 'times', 'entities', 'quantities'] as const;
const BASELINE_THRESHOLDS = Array.from({ length: 40 }, (_, i) => 0.02 + i * 0.01);
const ORDER_SEEDS = [1, 2, 3, 4, 5];
/** Batches the held-out half is cut into for the batching drift (each batch a linking run). */
const BATCHES = 3;
const QUICK_TOPICS = 12;

type Tuned = Pick<LinkerOptions, 'storyThreshold' | 'relatedThreshold' | 'fragmentThreshold' | 'time'>;

interface Labels {
  story: string[];
  event: string[];
  group: string[];
}

export const ecbplusEvaluator: Evaluator = {
  id: 'ecbplus',
  dataset: 'ecbplus',
  async run(path, { quick }) {
    const pipeline = createPipeline(defaultStages([...LINK_STAGES]));
    const loaded = loadEcbPlus(path, quick ? QUICK_TOPICS : Number.POSITIVE_INFINITY);
    const variants = [
      { name: 'dates withheld', docs: loaded.map((d) => ({ ...d, article: pipeline.run(withoutDate(d.article)) })) },
      { name: 'dates given', docs: loaded.map((d) => ({ ...d, article: pipeline.run(d.article) })) },
    ];
    const rows: Row[] = [];
    const chosen: string[] = [];
    const drift: string[] = [];
    for (const variant of variants) {
      const halves = [variant.docs.filter((d) => d.topic % 2 === 1), variant.docs.filter((d) => d.topic % 2 === 0)];
      const held: Array<{ docs: EcbDocument[]; engine: Labels; baseline: Labels }> = [];
      const orderGaps: number[] = [];
      const onlineGaps: number[] = [];
      for (const [k, tune] of halves.entries()) {
        const test = halves[1 - k] as EcbDocument[];
        const options = tuneEngine(tune);
        const base = tuneBaseline(tune);
        const tree = baselineDendrogram(test.map((d) => d.article));
        const sub = cutDendrogram(tree, base.sub).map(String);
        const topic = cutDendrogram(tree, base.topic).map(String);
        const batch = runEngine(sortedById(test), options, test);
        held.push({ docs: test, engine: batch, baseline: { story: sub, event: sub, group: topic } });
        chosen.push(
          `${variant.name}, tuned on ${k === 0 ? 'odd' : 'even'} topics: story ${options.storyThreshold}, fragment ${options.fragmentThreshold}, related ${options.relatedThreshold}, ` +
            `time ${options.time.perDoubling > 0 ? `${options.time.perDoubling} per doubling past ${options.time.graceDays} days` : 'off'}; ` +
            `baseline cuts ${base.sub.toFixed(2)} / ${base.topic.toFixed(2)}`,
        );
        for (const seed of ORDER_SEEDS) {
          const order = shuffled(test, seed);
          orderGaps.push(1 - bcubed(runEngine(order, options, test).story, batch.story).f1);
          onlineGaps.push(1 - bcubed(runEngine(order, options, test, false).story, batch.story).f1);
        }
        const batches = Array.from({ length: BATCHES }, (_, b) => shuffled(test, 99).filter((_, i) => i % BATCHES === b));
        orderGaps.push(1 - bcubed(runBatches(batches, options, test).story, batch.story).f1);
      }
      const pooled = (pick: (h: (typeof held)[number]) => Labels) => score(held.flatMap((h, k) => h.docs.map((d, i) => ({ d, k, labels: pick(h), i }))));
      rows.push({ system: `TF-IDF + average link (baseline), ${variant.name}`, ...pooled((h) => h.baseline), 'order drift': null });
      rows.push({ system: `triangulate, ${variant.name}`, ...pooled((h) => h.engine), 'order drift': Math.max(...orderGaps) });
      drift.push(
        `${variant.name}: online linker before the canonical pass, ${ORDER_SEEDS.length} orders × 2 halves, largest 1 − B³ F1 against the batch stories ${Math.max(...onlineGaps).toFixed(3)}`,
      );
    }
    return {
      title: `ECB+ stories vs sub-topics, related-story groups vs topics (${loaded.length} documents, ${new Set(loaded.map((d) => d.topic)).size} topics)`,
      note:
        `2-fold over topics (tune on one half, score the other; held-out halves pooled); story and related thresholds and the time evidence ` +
        `chosen for the mean of story-vs-sub-topic and group-vs-topic B³ F1. ${chosen.join('; ')}. Inputs are the detokenized texts run through ` +
        `the ${LINK_STAGES.join(', ')} stages (no gold markables); "dates given" passes the publication date the URL gives (ECB+ documents ` +
        `only: the 2008 ECB documents carry none). 'events/sub' scores the events inside stories against sub-topics. 'order drift' is the ` +
        `largest 1 − B³ F1 between the stories of the batch run and those of ${ORDER_SEEDS.length} random orders and of ${BATCHES} batches ` +
        `(each half), all ending in the canonical pass. ${drift.join('; ')}.`,
      columns: [...SCORE_COLUMNS, 'order drift'],
      rows,
      targets: ['held-out topics: stories vs sub-topics B³ F1 ≥ 0.95; related-story groups vs topics ≥ 0.95; order drift ≤ 0.02; dates given ≥ withheld'],
    } satisfies EvalResult;
  },
};

function withoutDate(article: Article): Article {
  return { ...article, published: { date: null, basis: 'unknown' } };
}

function sortedById(docs: readonly EcbDocument[]): EcbDocument[] {
  return [...docs].sort((a, b) => (a.article.id < b.article.id ? -1 : 1));
}

/** Picks thresholds and time evidence with the best mean of story-vs-sub-topic and group-vs-topic B³ F1. */
function tuneEngine(docs: readonly EcbDocument[]): Tuned {
  const linker = new Linker();
  for (const d of sortedById(docs)) linker.add(d.article);
  let best: Tuned & { f1: number } = { ...LINKER_DEFAULTS, f1: -1 };
  for (const time of TIME_OPTIONS) {
    for (const relatedThreshold of RELATED_THRESHOLDS) {
      for (const [storyThreshold, fragmentThreshold] of STORY_THRESHOLDS.flatMap((s) => FRAGMENT_THRESHOLDS.map((f) => [s, f] as const))) {
        Object.assign(linker.options, { storyThreshold, relatedThreshold, fragmentThreshold, time });
        linker.canonicalize();
        const labels = linker.labels();
        const story = docs.map((d) => labels.get(d.article.id)?.story ?? d.article.id);
        const group = docs.map((d) => labels.get(d.article.id)?.group ?? d.article.id);
        const f1 =
          (bcubed(
            story,
            docs.map((d) => d.subtopic),
          ).f1 +
            bcubed(
              group,
              docs.map((d) => String(d.topic)),
            ).f1) /
          2;
        if (f1 > best.f1) best = { storyThreshold, relatedThreshold, fragmentThreshold, time, f1 };
      }
    }
  }
  return { storyThreshold: best.storyThreshold, relatedThreshold: best.relatedThreshold, fragmentThreshold: best.fragmentThreshold, time: best.time };
}

function tuneBaseline(docs: readonly EcbDocument[]): { sub: number; topic: number } {
  const tree = baselineDendrogram(docs.map((d) => d.article));
  let sub = { t: 0, f1: -1 };
  let topic = { t: 0, f1: -1 };
  for (const t of BASELINE_THRESHOLDS) {
    const labels = cutDendrogram(tree, t).map(String);
    const s = bcubed(
      labels,
      docs.map((d) => d.subtopic),
    ).f1;
    const g = bcubed(
      labels,
      docs.map((d) => String(d.topic)),
    ).f1;
    if (s > sub.f1) sub = { t, f1: s };
    if (g > topic.f1) topic = { t, f1: g };
  }
  return { sub: sub.t, topic: topic.t };
}

/** Labels of `original`'s documents after linking `order` (online, then the canonical pass unless told not to). */
function runEngine(order: readonly EcbDocument[], options: Tuned, original: readonly EcbDocument[], canonical = true): Labels {
  return runBatches([order], options, original, canonical);
}

/** Each batch filed, then (as a linking run ends) the canonical pass. */
function runBatches(batches: ReadonlyArray<readonly EcbDocument[]>, options: Tuned, original: readonly EcbDocument[], canonical = true): Labels {
  const linker = new Linker(options);
  for (const batch of batches) {
    for (const d of batch) linker.add(d.article);
    if (canonical) linker.canonicalize();
  }
  const labels = linker.labels();
  const event = new Map<string, string>();
  for (const s of linker.stories()) for (const e of s.events) for (const id of e.articleIds) event.set(id, e.id);
  return {
    story: original.map((d) => labels.get(d.article.id)?.story ?? d.article.id),
    group: original.map((d) => labels.get(d.article.id)?.group ?? d.article.id),
    event: original.map((d) => event.get(d.article.id) ?? d.article.id),
  };
}

const SCORE_COLUMNS = ['stories/sub P', 'stories/sub R', 'stories/sub F1', 'events/sub F1', 'groups/topic P', 'groups/topic R', 'groups/topic F1'];

function score(items: ReadonlyArray<{ d: EcbDocument; k: number; labels: Labels; i: number }>): Record<string, number> {
  const pick = (f: (l: Labels) => string[]) => items.map((x) => `${x.k}:${f(x.labels)[x.i]}`);
  const sub = items.map((x) => x.d.subtopic);
  const stories = bcubed(
    pick((l) => l.story),
    sub,
  );
  const groups = bcubed(
    pick((l) => l.group),
    items.map((x) => String(x.d.topic)),
  );
  return Object.fromEntries(
    [
      stories.p,
      stories.r,
      stories.f1,
      bcubed(
        pick((l) => l.event),
        sub,
      ).f1,
      groups.p,
      groups.r,
      groups.f1,
    ].map((v, i) => [SCORE_COLUMNS[i] as string, v]),
  );
}

/** A seeded Fisher–Yates shuffle (mulberry32), so the random orders are the same on every run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
