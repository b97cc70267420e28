// Dumps a stratified random sample of guarded claim pairs of one half of the ECB+ topics for judging by reading:
// `npx tsx scripts/dump-pair-sample.ts --half even|odd --n 300 --out /tmp/pairs.jsonl [--cache FILE]
// [--bands 0.3,0.6,0.8,0.95] [--seed N] [--skip LABELS.jsonl]`: --bands and --seed draw a further sample (e.g. near
// the bar, where new labels teach most), --skip leaves out pairs whose keys a label file already holds.
// Strata are bands of the current pair model's probability (the model trained on the other half for the odd half,
// so its test sample is drawn blind to a model that saw it), but the score is NOT written: the reader judges the two
// claims' words only. The output holds ECB+ text: write it outside the repository; the committed label files
// (eval/pair-labels/) keep only pair keys, verdicts and one-line reasons.
import { writeFileSync } from 'node:fs';
import { probability, SHIPPED_MODELS } from '../src/compare/pair-model/model.js';
import { RELATED_TABLES, relatedSet, withRelatedPredicates } from '../src/compare/related-predicates.js';
import type { FactUnit } from '../src/compare/units.js';
import { seededRandom } from '../src/model/seeded-random.js';
import { cachedSubtopics, keyedPairs, option, readLabels } from './pair-data.js';

const half = option('half') === 'odd' ? 1 : 0;
const n = Number(option('n') ?? 300);
const out = option('out');
if (!out) throw new Error('--out FILE (outside the repository) is required');
/** Probability bands sampled equally: most guarded pairs score high, and the bar's neighbourhood matters most. */
const BANDS = option('bands')?.split(',').map(Number) ?? [0, 0.6, 0.8, 0.9, 0.95, 1.01];
if (BANDS.some((x, k) => !Number.isFinite(x) || (k > 0 && x <= (BANDS[k - 1] as number))))
  throw new Error('--bands: increasing numbers, e.g. 0.3,0.6,0.8,0.95');
const skipped = new Set(readLabels(option('skip') ?? '').map((l) => l.key));
const model = half === 0 ? SHIPPED_MODELS.even : SHIPPED_MODELS.odd;

const pool: Array<{ band: number; row: Record<string, string> }> = [];
for (const sub of cachedSubtopics(option('cache'))) {
  if ((sub.docs[0]?.topic ?? 0) % 2 !== half) continue;
  // The gate the trainer reads hand labels of either half through (the even half's table), so none is drawn and
  // then left out of training.
  const { units, pairs } = withRelatedPredicates(relatedSet(RELATED_TABLES.even), () => keyedPairs(sub));
  for (const p of pairs) {
    if (skipped.has(p.key)) continue;
    const a = units[p.i] as FactUnit;
    const b = units[p.j] as FactUnit;
    const s = probability(model, p.features);
    pool.push({
      band: BANDS.findIndex((x, k) => s >= x && k + 1 < BANDS.length && s < (BANDS[k + 1] as number)),
      row: { key: p.key, subtopic: sub.docs[0]?.subtopic ?? '', a: a.text, b: b.text },
    });
  }
}
const random = seededRandom(Number(option('seed') ?? (half === 0 ? 1313 : 1317)));
const picked: Array<Record<string, string>> = [];
const per = Math.ceil(n / (BANDS.length - 1));
for (let band = 0; band < BANDS.length - 1; band++) {
  const inBand = pool.filter((x) => x.band === band);
  for (let k = inBand.length - 1; k > 0; k--) {
    const r = Math.floor(random() * (k + 1));
    [inBand[k], inBand[r]] = [inBand[r] as (typeof inBand)[number], inBand[k] as (typeof inBand)[number]];
  }
  picked.push(...inBand.slice(0, per).map((x) => x.row));
}
// Shuffled across bands, so the reading order says nothing about the score.
for (let k = picked.length - 1; k > 0; k--) {
  const r = Math.floor(random() * (k + 1));
  [picked[k], picked[r]] = [picked[r] as Record<string, string>, picked[k] as Record<string, string>];
}
writeFileSync(out, `${picked.map((r) => JSON.stringify(r)).join('\n')}\n`);
console.log(`${picked.length} of ${pool.length} guarded pairs written to ${out}`);
