// Fits the rewrite model (src/link/rewrites.ts) and writes its weights to src/link/rewrite-model.json:
// `npx tsx scripts/train-rewrite-model.ts`. Trained on the tuning half of the near-duplicate set's rewrites table
// (even real texts with their synthetic rewrites, even ECB+ topics), never on the odd half, which
// `npm run eval -- neardup` scores. Deterministic. Only numbers are written, never a word of the training text.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataSet } from '../eval/harness.js';
import { nearDupOriginals } from '../eval/sets/neardup.js';
import { fitRewriteModel, rewritePairs } from '../eval/sets/neardup-rewrites.js';

const benchmark = dataSet('article-extraction-benchmark');
if (!benchmark) throw new Error('article-extraction-benchmark not found under ../shared/data');
const ecb = dataSet('ecbplus');
if (!ecb) throw new Error('ecbplus not found under ../shared/data: the model needs its pairs of two happenings as negatives');
const [tuning] = rewritePairs(nearDupOriginals(benchmark, dataSet('polnear')), ecb, null);
const model = fitRewriteModel(tuning);
const out = join(import.meta.dirname, '..', 'src', 'link', 'rewrite-model.json');
writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
console.log(
  `wrote ${out}: ${model.features.map((f, k) => `${f} ${(model.weights[k] as number).toFixed(3)}`).join(', ')}, threshold ${model.threshold.toFixed(3)}`,
);
