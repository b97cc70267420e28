import { EVENT_DEFAULTS, type EventOptions } from '../../src/link/events.js';
import { LINKER_DEFAULTS, Linker } from '../../src/link/linker.js';
import type { Story } from '../../src/model/story.js';
import { defaultStages } from '../../src/pipeline/registry.js';
import { createPipeline } from '../../src/pipeline/runner.js';
import type { EvalResult, Evaluator, Row } from '../harness.js';
import { adjustedRand, bcubed } from './cluster-scores.js';
import { baselineDendrogram, cutDendrogram } from './ecbplus-baseline.js';
import { type EcbDocument, loadEcbPlus } from './ecbplus-corpus.js';

/**
 * ECB+ story/event clustering: every article of a half of the topics is linked at once. Each sub-topic is one
 * real-world happening; each topic holds two look-alike happenings, mostly with other participants (Tara Reid's
 * rehab and Lindsay Lohan's). A story of this engine is one happening with its participants, so its counterpart is
 * the sub-topic, not the topic: events and stories are scored against sub-topics, and stories against topics too,
 * where a topic whose two happenings have different participants is two stories by design. Thresholds are tuned on
 * one half (odd or even topics) and scored on the other; the two held-out halves are pooled. Beside it, the plain
 * TF-IDF + average-link baseline tuned the same way, and the online linker fed the held-out half in random orders.
 */

const STORY_THRESHOLDS = [0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.24];
const RESOLUTIONS = [0.3, 0.4, 0.5, 0.6];
/** The stages whose layers the linker reads (entity types, dates, quantities), as `ingest` runs them. */
const LINK_STAGES = ['sentences', 'times', 'entities', 'quantities'] as const;
const BASELINE_THRESHOLDS = Array.from({ length: 40 }, (_, i) => 0.02 + i * 0.01);
const ORDER_SEEDS = [1, 2, 3, 4, 5];
const QUICK_TOPICS = 12;

interface Labels {
  story: string[];
  event: string[];
}

interface Scores {
  subP: number;
  subR: number;
  subF1: number;
  subARI: number;
  storySubF1: number;
  topP: number;
  topR: number;
  topF1: number;
  topARI: number;
}

export const ecbplusEvaluator: Evaluator = {
  id: 'ecbplus',
  dataset: 'ecbplus',
  async run(path, { quick }) {
    const pipeline = createPipeline(defaultStages([...LINK_STAGES]));
    const docs = loadEcbPlus(path, quick ? QUICK_TOPICS : Number.POSITIVE_INFINITY).map((d) => ({ ...d, article: pipeline.run(d.article) }));
    const halves = [docs.filter((d) => d.topic % 2 === 1), docs.filter((d) => d.topic % 2 === 0)];
    const held: Array<{ docs: EcbDocument[]; engine: Labels; baseline: Labels; online: Labels[]; chosen: string }> = [];
    for (const [k, tune] of halves.entries()) {
      const test = halves[1 - k] as EcbDocument[];
      const engine = tuneEngine(tune);
      const base = tuneBaseline(tune);
      const testTree = baselineDendrogram(test.map((d) => d.article));
      // Batch mode is what `linkArticles` does: the articles in id order.
      const byId = [...test].sort((a, b) => (a.article.id < b.article.id ? -1 : 1));
      const online: Labels[] = [];
      for (const seed of ORDER_SEEDS) {
        const order = shuffled(test, seed);
        online.push(reorder(runEngine(order, engine.threshold, engine.events), order, test));
      }
      held.push({
        docs: test,
        engine: reorder(runEngine(byId, engine.threshold, engine.events), byId, test),
        baseline: { story: cutDendrogram(testTree, base.topic).map(String), event: cutDendrogram(testTree, base.sub).map(String) },
        online,
        chosen: `tuned on ${k === 0 ? 'odd' : 'even'} topics: story threshold ${engine.threshold}, event resolution ${engine.events.resolution}; baseline thresholds sub-topic ${base.sub.toFixed(2)}, topic ${base.topic.toFixed(2)}`,
      });
    }
    const pooled = (pick: (h: (typeof held)[number]) => Labels) =>
      score(held.flatMap((h, k) => h.docs.map((d, i) => ({ d, story: `${k}:${pick(h).story[i]}`, event: `${k}:${pick(h).event[i]}` }))));
    const engineScores = pooled((h) => h.engine);
    const onlineScores = ORDER_SEEDS.map((_, s) => pooled((h) => h.online[s] as Labels));
    const allDocs = held.flatMap((h) => h.docs);
    const rows: Row[] = [
      {
        system: 'gold sub-topics as stories and events (a perfect story by the product definition)',
        ...fixed(score(allDocs.map((d) => ({ d, story: d.subtopic, event: d.subtopic })))),
      },
      { system: 'TF-IDF + average link (baseline)', ...fixed(pooled((h) => h.baseline)) },
      { system: 'triangulate linker, batch (id order)', ...fixed(engineScores) },
      { system: `triangulate linker, online (${ORDER_SEEDS.length} random orders: mean [min–max])`, ...spread(onlineScores) },
    ];
    const drift = Math.max(...onlineScores.map((s) => Math.abs(s.subF1 - engineScores.subF1)));
    const result: EvalResult = {
      title: `ECB+ story/event clustering (${docs.length} documents, ${new Set(docs.map((d) => d.topic)).size} topics)`,
      note:
        `2-fold over topics (tune on odd, score on even, and the reverse; held-out halves pooled); story threshold and ` +
        `event resolution chosen for the mean of event and story F1 against sub-topics. ${held.map((h) => h.chosen).join('; ')}. ` +
        `Inputs are the detokenized texts run through the ${LINK_STAGES.join(', ')} stages (no gold markables). ` +
        "Mapping: 'sub' columns score events against sub-topics, 'story/sub' stories against sub-topics, 'topic' columns " +
        'stories against topics. A story is one happening with its participants, so a topic whose two look-alike events have other participants is ' +
        'two stories by design: the first row shows that even perfect stories by that definition score topic F1 as printed, so the topic target ' +
        "of 0.95 is out of reach without merging look-alike happenings, which the product must not do (samples/: another company's plant, a strike in the same town). " +
        "Sub-topics with the same participants (the same team's coach hired, then fired years later) are one story by the same definition and only events split them. " +
        'ECB (2008) documents carry no publication date, so time tells events apart mostly in the ECB+ half. ' +
        `Largest online-vs-batch event F1 gap: ${drift.toFixed(3)}. Feature weights (vectors.ts) were chosen while exploring all topics, not per fold.`,
      columns: COLUMNS.map(([, c]) => c),
      rows,
      targets: [
        'sub-topic B³ F1 ≥ 0.95, topic B³ F1 ≥ 0.95, online within 0.02 of batch (issue 5); the topic target predates the product definition of a story (see the note)',
      ],
    };
    return result;
  },
};

/** Picks the story threshold and event resolution with the best mean of sub-topic and topic B³ F1 on `docs`. */
function tuneEngine(docs: readonly EcbDocument[]): { threshold: number; events: EventOptions } {
  let best = { threshold: LINKER_DEFAULTS.storyThreshold, events: EVENT_DEFAULTS, f1: -1 };
  for (const threshold of STORY_THRESHOLDS) {
    const linker = new Linker({ storyThreshold: threshold });
    for (const d of docs) linker.add(d.article);
    for (const resolution of RESOLUTIONS) {
      const events = { ...EVENT_DEFAULTS, resolution };
      const labels = labelsOf(linker.stories(events), docs);
      const s = score(docs.map((d, i) => ({ d, ...(labels[i] as { story: string; event: string }) })));
      // A story and an event are each one happening at ECB+'s granularity: both are tuned to match sub-topics.
      const f1 = (s.subF1 + s.storySubF1) / 2;
      if (f1 > best.f1) best = { threshold, events, f1 };
    }
  }
  return best;
}

function tuneBaseline(docs: readonly EcbDocument[]): { sub: number; topic: number } {
  const tree = baselineDendrogram(docs.map((d) => d.article));
  let sub = { t: 0, f1: -1 };
  let topic = { t: 0, f1: -1 };
  for (const t of BASELINE_THRESHOLDS) {
    const labels = cutDendrogram(tree, t).map(String);
    const s = score(docs.map((d, i) => ({ d, story: labels[i] as string, event: labels[i] as string })));
    if (s.subF1 > sub.f1) sub = { t, f1: s.subF1 };
    if (s.topF1 > topic.f1) topic = { t, f1: s.topF1 };
  }
  return { sub: sub.t, topic: topic.t };
}

function runEngine(docs: readonly EcbDocument[], storyThreshold: number, events: EventOptions): Labels {
  const linker = new Linker({ storyThreshold, events });
  for (const d of docs) linker.add(d.article);
  const labels = labelsOf(linker.stories(), docs);
  return { story: labels.map((l) => l.story), event: labels.map((l) => l.event) };
}

function labelsOf(stories: readonly Story[], docs: readonly EcbDocument[]): Array<{ story: string; event: string }> {
  const story = new Map<string, string>();
  const event = new Map<string, string>();
  for (const s of stories) {
    for (const id of s.articleIds) story.set(id, s.id);
    for (const e of s.events) for (const id of e.articleIds) event.set(id, e.id);
  }
  return docs.map((d) => ({ story: story.get(d.article.id) ?? d.article.id, event: event.get(d.article.id) ?? d.article.id }));
}

/** Labels computed on a shuffled list, put back in the order of `original`. */
function reorder(labels: Labels, shuffledDocs: readonly EcbDocument[], original: readonly EcbDocument[]): Labels {
  const at = new Map(shuffledDocs.map((d, i) => [d.name, i]));
  const pick = (list: string[]) => original.map((d) => list[at.get(d.name) as number] as string);
  return { story: pick(labels.story), event: pick(labels.event) };
}

function score(items: ReadonlyArray<{ d: EcbDocument; story: string; event: string }>): Scores {
  const sub = bcubed(
    items.map((x) => x.event),
    items.map((x) => x.d.subtopic),
  );
  const top = bcubed(
    items.map((x) => x.story),
    items.map((x) => String(x.d.topic)),
  );
  return {
    subP: sub.p,
    subR: sub.r,
    subF1: sub.f1,
    subARI: adjustedRand(
      items.map((x) => x.event),
      items.map((x) => x.d.subtopic),
    ),
    storySubF1: bcubed(
      items.map((x) => x.story),
      items.map((x) => x.d.subtopic),
    ).f1,
    topP: top.p,
    topR: top.r,
    topF1: top.f1,
    topARI: adjustedRand(
      items.map((x) => x.story),
      items.map((x) => String(x.d.topic)),
    ),
  };
}

const COLUMNS: Array<[keyof Scores, string]> = [
  ['subP', 'sub B3 P'],
  ['subR', 'sub B3 R'],
  ['subF1', 'sub B3 F1'],
  ['subARI', 'sub ARI'],
  ['storySubF1', 'story/sub B3 F1'],
  ['topP', 'topic B3 P'],
  ['topR', 'topic B3 R'],
  ['topF1', 'topic B3 F1'],
  ['topARI', 'topic ARI'],
];

function fixed(s: Scores): Record<string, number> {
  return Object.fromEntries(COLUMNS.map(([k, c]) => [c, s[k]]));
}

function spread(all: readonly Scores[]): Record<string, string> {
  return Object.fromEntries(
    COLUMNS.map(([k, c]) => {
      const v = all.map((s) => s[k]);
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      return [c, `${mean.toFixed(3)} [${Math.min(...v).toFixed(3)}–${Math.max(...v).toFixed(3)}]`];
    }),
  );
}

/** A seeded Fisher–Yates shuffle (mulberry32), so the random orders are the same on every run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
