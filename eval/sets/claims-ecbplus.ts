import { buildFacts } from '../../src/compare/facts.js';
import type { PairModel, PairModels } from '../../src/compare/pair-model/model.js';
import { SHIPPED_MODELS } from '../../src/compare/pair-model/model.js';
import { RELATED_TABLES, type RelatedPredicates, relatedSet, withEventNouns, withRelatedPredicates } from '../../src/compare/related-predicates.js';
import { type FactUnit, factUnits } from '../../src/compare/units.js';
import type { Article } from '../../src/model/article.js';
import { defaultStages } from '../../src/pipeline/registry.js';
import { createPipeline } from '../../src/pipeline/runner.js';
import { type EvalResult, type Evaluator, prf, type Row } from '../harness.js';
import { type GoldSentence, goldPairs, goldSentences } from './claims-ecbplus-gold.js';
import { type EcbDocument, loadEcbPlus } from './ecbplus-corpus.js';

/**
 * ECB+ claim alignment: every sub-topic (one real happening, several outlets) becomes one story; the engine's facts
 * say which validated sentences of different documents tell the same claim. Gold: two such sentences share a
 * cross-document event chain. Pairwise P/R/F1 over the validated sentences, 2-fold over topics (the alignment
 * threshold picked on odd topics is scored on even ones and the reverse; held-out halves pooled), beside TF-IDF
 * cosine between the two sentences with its threshold tuned the same way.
 */

/** The stages the fact units read, as ingest runs them. */
const STAGES = ['sentences', 'times', 'entities', 'quantities', 'quotes', 'cues'] as const;
/** Pair-model probabilities tried as the alignment threshold. */
const ENGINE_THRESHOLDS = Array.from({ length: 19 }, (_, i) => 0.05 + i * 0.05);
const BASELINE_THRESHOLDS = Array.from({ length: 30 }, (_, i) => 0.05 + i * 0.03);
const QUICK_TOPICS = 12;

export interface Subtopic {
  docs: EcbDocument[];
  sentences: GoldSentence[];
}

/**
 * ECB+ run through the annotation stages, grouped by sub-topic with its validated sentences; `dated` dates each
 * document before annotation (the adjudicated sample dates them as pasted pages: ecbplus-dates.ts).
 */
export function loadSubtopics(path: string, quick: boolean, dated: (a: Article) => Article = (a) => a): Subtopic[] {
  const pipeline = createPipeline(defaultStages([...STAGES]));
  const docs = loadEcbPlus(path, quick ? QUICK_TOPICS : Number.POSITIVE_INFINITY).map((d) => ({ ...d, article: pipeline.run(dated(d.article)) }));
  const sentences = goldSentences(path, docs);
  const groups = new Map<string, Subtopic>();
  for (const d of docs) {
    const g = groups.get(d.subtopic) ?? { docs: [], sentences: [] };
    g.docs.push(d);
    groups.set(d.subtopic, g);
  }
  for (const s of sentences) groups.get(s.subtopic)?.sentences.push(s);
  return [...groups.values()];
}

/**
 * Facts of one sub-topic. The pair model defaults to the one trained on the other half of the topics, so that a
 * sub-topic is never scored by a model that saw it (the adjudicated sample reads these facts too).
 */
export function subtopicFacts(
  sub: Subtopic,
  sameFact?: number,
  model: PairModel = heldOutModel(sub, SHIPPED_MODELS),
  related: RelatedPredicates = heldOutModel(sub, RELATED_BY_HALF),
) {
  return withRelatedPredicates(related, () => buildFacts(subtopicUnits(sub), sameFact, model));
}

/** The related-predicate tables learned on each half of the topics (the other half's gate in held-out scoring). */
export const RELATED_BY_HALF = { even: relatedSet(RELATED_TABLES.even), odd: relatedSet(RELATED_TABLES.odd) };
/** The event nouns learned on each half: a sub-topic's claim frames read the other half's. */
const NOUNS_BY_HALF = { even: new Set(RELATED_TABLES.nouns.even), odd: new Set(RELATED_TABLES.nouns.odd) };

function heldOutModel<T>(sub: Subtopic, models: { even: T; odd: T }): T {
  return (sub.docs[0]?.topic ?? 0) % 2 === 0 ? models.odd : models.even;
}

const unitsOf = new WeakMap<Subtopic, FactUnit[]>();

/**
 * The sub-topic's claims as the engine builds them for a story (each document its own independent source), their
 * frames reading the event nouns learned on the other half of the topics.
 */
export function subtopicUnits(sub: Subtopic): FactUnit[] {
  const known = unitsOf.get(sub);
  if (known) return known;
  const articles: Article[] = sub.docs.map((d) => d.article);
  const sourceOf = new Map(articles.map((a) => [a.id, a.outlet ?? a.id]));
  const units = withEventNouns(heldOutModel(sub, NOUNS_BY_HALF), () => factUnits(articles, sourceOf, new Map()));
  unitsOf.set(sub, units);
  return units;
}

/** Pairs (i:j over the sub-topic's sentences) the engine aligns: some fact cites a claim of each. */
function enginePairs(sub: Subtopic, sameFact: number, model: PairModel, related: RelatedPredicates): Set<string> {
  const idOf = new Map(sub.docs.map((d) => [d.name, d.article.id]));
  const factsOf = sub.sentences.map(() => new Set<number>());
  subtopicFacts(sub, sameFact, model, related).forEach((f, k) => {
    for (const c of f.citations)
      sub.sentences.forEach((s, i) => {
        if (idOf.get(s.doc) === c.articleId && c.start < s.end && s.start < c.end) factsOf[i]?.add(k);
      });
  });
  const out = new Set<string>();
  for (let i = 0; i < sub.sentences.length; i++)
    for (let j = i + 1; j < sub.sentences.length; j++) {
      if (sub.sentences[i]?.doc === sub.sentences[j]?.doc) continue;
      for (const f of factsOf[i] as Set<number>)
        if (factsOf[j]?.has(f)) {
          out.add(`${i}:${j}`);
          break;
        }
    }
  return out;
}

/** TF-IDF vectors of the sub-topic's validated sentences (IDF over its documents' lines), cosine per pair. */
function cosinePairs(sub: Subtopic): Map<string, number> {
  const words = baselineWords;
  const lines = sub.docs.flatMap((d) => d.article.text.split('\n'));
  const df = new Map<string, number>();
  for (const l of lines) for (const w of new Set(words(l))) df.set(w, (df.get(w) ?? 0) + 1);
  const textOf = new Map(sub.docs.map((d) => [d.name, d.article.text]));
  const vectors = sub.sentences.map((s) => {
    const v = new Map<string, number>();
    for (const w of words((textOf.get(s.doc) ?? '').slice(s.start, s.end))) v.set(w, (v.get(w) ?? 0) + Math.log(lines.length / (df.get(w) ?? 1)));
    return v;
  });
  const norm = vectors.map((v) => Math.sqrt([...v.values()].reduce((n, x) => n + x * x, 0)) || 1);
  const out = new Map<string, number>();
  for (let i = 0; i < vectors.length; i++)
    for (let j = i + 1; j < vectors.length; j++) {
      if (sub.sentences[i]?.doc === sub.sentences[j]?.doc) continue;
      let dot = 0;
      for (const [w, x] of vectors[i] as Map<string, number>) dot += x * ((vectors[j] as Map<string, number>).get(w) ?? 0);
      out.set(`${i}:${j}`, dot / ((norm[i] as number) * (norm[j] as number)));
    }
  return out;
}

/** The TF-IDF baseline's words: letters (3+) and numbers, without the commonest function words. */
export function baselineWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{3,}|\p{N}+/gu) ?? []).filter((w) => !BASELINE_STOP.has(w));
}

const BASELINE_STOP = new Set(
  'the and for that with was were has have had from this are but not its his her their they said will been who which after into about'.split(' '),
);

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function count(predicted: ReadonlySet<string>, gold: ReadonlySet<string>, into: Counts): void {
  for (const p of predicted)
    if (gold.has(p)) into.tp++;
    else into.fp++;
  for (const g of gold) if (!predicted.has(g)) into.fn++;
}

/** Precision the issue asks for; the threshold with the most recall at it is chosen (best F1 when none reaches it). */
const TARGET_P = 0.9;

function pick(thresholds: readonly number[], counts: (t: number) => Counts, minP: number): number {
  const scored = thresholds.map((t) => {
    const c = counts(t);
    return { t, ...prf(c.tp, c.fp, c.fn) };
  });
  const reaching = scored.filter((s) => s.p >= minP).sort((x, y) => y.r - x.r || x.t - y.t);
  return (reaching[0] ?? [...scored].sort((x, y) => y.f1 - x.f1 || x.t - y.t)[0] ?? { t: thresholds[0] as number }).t;
}

/** Counts at the threshold with the most recall at P ≥ TARGET_P; nothing predicted when no threshold reaches it. */
function bestAtTarget(thresholds: readonly number[], counts: (t: number) => Counts): Counts {
  let best: Counts = { tp: 0, fp: 0, fn: Number.NaN };
  for (const t of thresholds) {
    const c = counts(t);
    const s = prf(c.tp, c.fp, c.fn);
    if (s.p >= TARGET_P && (Number.isNaN(best.fn) || c.tp > best.tp)) best = c;
  }
  if (Number.isNaN(best.fn)) {
    const c = counts(thresholds[0] as number);
    return { tp: 0, fp: 0, fn: c.tp + c.fn };
  }
  return best;
}

/** The alignment table for annotated sub-topics, each half scored by the pair model trained on the other half. */
export function alignmentTable(subs: readonly Subtopic[], models: PairModels, related = RELATED_BY_HALF): EvalResult {
  const golds = subs.map((s) => goldPairs(s.sentences));
  const cosines = subs.map(cosinePairs);
  const halves = [0, 1].map((parity) => subs.map((_s, i) => i).filter((i) => (subs[i]?.docs[0]?.topic ?? 0) % 2 === parity));
  const zero = () => ({ tp: 0, fp: 0, fn: 0 });
  const held = { engine: zero(), baseline: zero(), engineF1: zero(), baselineF1: zero(), all: zero(), engineBest: zero(), baselineBest: zero() };
  const chosen: string[] = [];
  for (const [k, tune] of halves.entries()) {
    const test = halves[1 - k] as number[];
    // The model trained on the tuning half only: its threshold is picked there, then it scores the other half.
    const model = k === 0 ? models.even : models.odd;
    const table = k === 0 ? related.even : related.odd;
    const engine = new Map<string, Set<string>>();
    const scoreEngine = (t: number, on: number[]) => {
      const c = { tp: 0, fp: 0, fn: 0 };
      for (const i of on) {
        const key = `${t}:${i}`;
        if (!engine.has(key)) engine.set(key, enginePairs(subs[i] as Subtopic, t, model, table));
        count(engine.get(key) as Set<string>, golds[i] as Set<string>, c);
      }
      return c;
    };
    const scoreBaseline = (t: number, on: number[]) => {
      const c = { tp: 0, fp: 0, fn: 0 };
      for (const i of on) count(new Set([...(cosines[i] as Map<string, number>)].filter(([, v]) => v >= t).map(([p]) => p)), golds[i] as Set<string>, c);
      return c;
    };
    const bestEngine = pick(ENGINE_THRESHOLDS, (t) => scoreEngine(t, tune), TARGET_P);
    const bestBase = pick(BASELINE_THRESHOLDS, (t) => scoreBaseline(t, tune), TARGET_P);
    const f1Engine = pick(ENGINE_THRESHOLDS, (t) => scoreEngine(t, tune), Number.POSITIVE_INFINITY);
    const f1Base = pick(BASELINE_THRESHOLDS, (t) => scoreBaseline(t, tune), Number.POSITIVE_INFINITY);
    chosen.push(
      `tuned on ${k === 0 ? 'even' : 'odd'} topics: for P ≥ ${TARGET_P} engine ${bestEngine.toFixed(2)}, cosine ${bestBase.toFixed(2)}; for F1 engine ${f1Engine.toFixed(2)}, cosine ${f1Base.toFixed(2)}`,
    );
    for (const [into, c] of [
      [held.engine, scoreEngine(bestEngine, test)],
      [held.baseline, scoreBaseline(bestBase, test)],
      [held.engineF1, scoreEngine(f1Engine, test)],
      [held.baselineF1, scoreBaseline(f1Base, test)],
      [held.all, scoreBaseline(Number.NEGATIVE_INFINITY, test)],
      // Reference, not a result: the threshold with the most recall at P ≥ 0.90 picked on the held-out half itself.
      [held.engineBest, bestAtTarget(ENGINE_THRESHOLDS, (t) => scoreEngine(t, test))],
      [held.baselineBest, bestAtTarget(BASELINE_THRESHOLDS, (t) => scoreBaseline(t, test))],
    ] as const) {
      into.tp += c.tp;
      into.fp += c.fp;
      into.fn += c.fn;
    }
  }
  const row = (system: string, c: Counts): Row => {
    const s = prf(c.tp, c.fp, c.fn);
    return { system, P: s.p, R: s.r, F1: s.f1, 'pairs predicted': c.tp + c.fp, 'gold pairs': c.tp + c.fn };
  };
  return {
    title: `ECB+ claim alignment (${subs.length} sub-topics, ${subs.reduce((n, s) => n + s.sentences.length, 0)} validated sentences)`,
    note:
      `gold: validated sentences of different documents of one sub-topic sharing a cross-document event chain; 2-fold over topics, ` +
      `held-out halves pooled; ${chosen.join('; ')}. Thresholds: the most recall at P ≥ 0.90 on the tuning half (best F1 when none reaches it), and the best F1. The engine aligns claims inside each sentence ` +
      `(a sentence pair counts when one fact cites a claim of each); the first row aligns every cross-document pair of a sub-topic.`,
    columns: ['P', 'R', 'F1', 'pairs predicted', 'gold pairs'],
    rows: [
      row('every pair in the sub-topic (reference)', held.all),
      row(`TF-IDF cosine (baseline), tuned for P ≥ ${TARGET_P}`, held.baseline),
      row(`triangulate claim alignment, tuned for P ≥ ${TARGET_P}`, held.engine),
      row('TF-IDF cosine (baseline), tuned for F1', held.baselineF1),
      row('triangulate claim alignment, tuned for F1', held.engineF1),
      row(`TF-IDF cosine, R at P ≥ ${TARGET_P} (threshold picked on the held-out half: a ceiling)`, held.baselineBest),
      row(`triangulate claim alignment, R at P ≥ ${TARGET_P} (threshold picked on the held-out half: a ceiling)`, held.engineBest),
    ],
    targets: ['P ≥ 0.90 at R ≥ 0.70 on held-out topics (issue 13)'],
  };
}

export const claimsEcbplusEvaluator: Evaluator = {
  id: 'claims-ecbplus',
  dataset: 'ecbplus',
  async run(path, { quick }): Promise<EvalResult> {
    return alignmentTable(loadSubtopics(path, quick), SHIPPED_MODELS);
  },
};
