// Trains the claim-pair model (src/compare/pair-model/) on ECB+ and writes its weights: one model per half of the
// topics (even, odd: each scores the other half in `npm run eval -- claims-ecbplus`) and one on all topics (the
// engine's). `npx tsx scripts/train-pair-model.ts [--cache FILE]`: --cache keeps the annotated corpus in FILE (outside
// the repository) so a retrain skips annotation. Deterministic. Only numbers are written, never a word of ECB+.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTable } from '../eval/harness.js';
import { alignmentTable, loadSubtopics, type Subtopic, subtopicUnits } from '../eval/sets/claims-ecbplus.js';
import { goldPairs } from '../eval/sets/claims-ecbplus-gold.js';
import { guardedPairs as guardedPairsOf } from '../src/compare/align.js';
import { FEATURES } from '../src/compare/pair-model/features.js';
import type { PairModel, PairModels } from '../src/compare/pair-model/model.js';
import { trainLogistic } from '../src/compare/pair-model/train.js';
import { RELATED_TABLES, type RelatedPredicates, relatedSet, withRelatedPredicates } from '../src/compare/related-predicates.js';
import type { FactUnit } from '../src/compare/units.js';

const root = join(import.meta.dirname, '..');
const cacheAt = process.argv.indexOf('--cache');
const cache = cacheAt > 0 ? process.argv[cacheAt + 1] : undefined;

function subtopics(): Subtopic[] {
  if (cache && existsSync(cache))
    return (JSON.parse(readFileSync(cache, 'utf8')) as Subtopic[]).map((s) => ({
      ...s,
      sentences: s.sentences.map((x) => ({ ...x, chains: new Set(x.chains as unknown as string[]) })),
    }));
  const subs = loadSubtopics(join(root, '..', 'shared', 'data', 'ecbplus'), false);
  if (cache)
    writeFileSync(
      cache,
      JSON.stringify(subs, (_k, v) => (v instanceof Set ? [...v] : v)),
    );
  return subs;
}

/**
 * Labelled pairs: guarded claim pairs whose two claims both lie in validated sentences; positive when the two
 * sentences share a cross-document event chain (the evaluator's gold, read at claim level).
 */
function examples(
  subs: readonly Subtopic[],
  label: string,
  relatedFor: (topic: number) => RelatedPredicates,
): Array<{ topic: number; x: number[]; y: number }> {
  const out: Array<{ topic: number; x: number[]; y: number }> = [];
  let gold = 0;
  let reached = 0;
  for (const sub of subs) {
    const related = relatedFor(sub.docs[0]?.topic ?? 0);
    const guardedPairs = (units: readonly FactUnit[]) => withRelatedPredicates(related, () => guardedPairsOf(units));
    const units = subtopicUnits(sub).filter((u) => !u.opinion);
    const idOf = new Map(sub.docs.map((d) => [d.article.id, d.name]));
    const sentenceOf = units.map((u) => sub.sentences.find((s) => s.doc === idOf.get(u.articleId) && s.start < u.end && u.start < s.end));
    for (const p of guardedPairs(units)) {
      const sa = sentenceOf[p.i];
      const sb = sentenceOf[p.j];
      if (!sa || !sb) continue;
      out.push({ topic: sa.topic, x: p.features, y: [...sa.chains].some((c) => sb.chains.has(c)) ? 1 : 0 });
    }
    // Gold sentence pairs some guarded claim pair reaches: the recall the model can have before clustering adds more.
    const pairs = goldPairs(sub.sentences);
    gold += pairs.size;
    const index = new Map(sub.sentences.map((s, i) => [s, i]));
    const seen = new Set<string>();
    for (const p of guardedPairs(units)) {
      const [x, y] = [index.get(sentenceOf[p.i] as never), index.get(sentenceOf[p.j] as never)];
      if (x !== undefined && y !== undefined) seen.add(`${Math.min(x, y)}:${Math.max(x, y)}`);
    }
    for (const k of seen) if (pairs.has(k)) reached++;
  }
  console.log(`guarded claim pairs reach ${reached} of ${gold} gold sentence pairs (${(reached / gold).toFixed(3)}) ${label}`);
  return out;
}

const subs = subtopics();
// The gate admits the related predicates of a table (src/compare/related-predicates.json): each half's model learns
// from the pairs its own half's table admits, the engine's from the pairs the all-topic table admits.
const half = { even: relatedSet(RELATED_TABLES.even), odd: relatedSet(RELATED_TABLES.odd) };
const halves = examples(subs, 'with each half its own table (the per-half models train on these)', (t) => (t % 2 === 0 ? half.even : half.odd));
const data = examples(subs, "with the all-topic table (the engine's model trains on these)", () => relatedSet(RELATED_TABLES.all));
examples(subs, "held out: each half gated by the other half's table", (t) => (t % 2 === 0 ? half.odd : half.even));
const fit = (keep: (topic: number) => boolean, from = halves): PairModel => {
  const part = from.filter((d) => keep(d.topic));
  return {
    features: [...FEATURES],
    ...trainLogistic(
      part.map((d) => d.x),
      part.map((d) => d.y),
    ),
  };
};
const models: PairModels = { even: fit((t) => t % 2 === 0), odd: fit((t) => t % 2 === 1), all: fit(() => true, data) };
const round = (m: PairModel): PairModel => ({
  ...m,
  mean: m.mean.map((v) => Number(v.toFixed(5))),
  scale: m.scale.map((v) => Number(v.toFixed(5))),
  weights: m.weights.map((v) => Number(v.toFixed(5))),
  bias: Number(m.bias.toFixed(5)),
});
const shipped = { even: round(models.even), odd: round(models.odd), all: round(models.all) };
writeFileSync(join(root, 'src', 'compare', 'pair-model', 'weights.json'), `${JSON.stringify(shipped, null, 1)}\n`);
console.log(`${data.length} labelled pairs (${data.filter((d) => d.y === 1).length} positive); weights written`);
for (const [k, f] of FEATURES.entries()) console.log(`${f.padEnd(16)} ${shipped.all.weights[k]}`);
console.log(renderTable(alignmentTable(subs, shipped)));
