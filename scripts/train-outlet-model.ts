// Trains the outlet model (src/clean/text/outlet-model.ts) on the even pages of ../shared/data/pasted-pages and
// writes src/clean/data/outlet-model.json. `npx tsx scripts/train-outlet-model.ts`. Deterministic; only numbers are
// written, never a name from the pages. The odd pages are held out: `npm run eval -- pasted-pages` scores them.
//
// Examples: every candidate name of a page (outlet-features.ts), positive when the evaluation would accept it as the
// page's outlet (og:site_name or the URL's domain name: the same key, one containing the other, or one registry outlet).
// The model is boosted trees (outlet-training.ts); its threshold is read on out-of-fold probabilities (see outOfFold).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isTuningHalf } from '../eval/sets/html-pages.js';
import { loadPages } from '../eval/sets/pasted-pages.js';
import { OUTLET_FEATURES } from '../src/clean/text/outlet-features.js';
import type { OutletModel } from '../src/clean/text/outlet-model.js';
import { examplesOf, outOfFold, type PageExamples, picksOf, precisionThreshold, TARGET_PRECISION, trainTrees } from './outlet-training.js';

const ROOT = join(import.meta.dirname, '..', '..', 'shared', 'data');
/** `--cache FILE` keeps the examples in FILE (outside the repository) so that a retrain with unchanged features skips reading the pages. */
const cacheAt = process.argv.indexOf('--cache');
const cache = cacheAt >= 0 ? process.argv[cacheAt + 1] : undefined;
const pages: PageExamples[] =
  cache && existsSync(cache)
    ? (JSON.parse(readFileSync(cache, 'utf8')) as PageExamples[])
    : examplesOf(loadPages(ROOT, false).filter((p) => isTuningHalf(p.index)));
if (cache) writeFileSync(cache, JSON.stringify(pages));

const oof = outOfFold(pages);
if (process.argv.includes('--oof-only')) {
  // Comparing feature sets on the even pages alone: the out-of-fold picks at the target precision, nothing written.
  const at = precisionThreshold(
    oof.map((x) => ({ score: x.p, right: x.right })),
    TARGET_PRECISION,
  );
  const kept = oof.filter((x) => x.p >= at);
  console.log(`out of fold: threshold ${at.toFixed(3)} gives ${kept.length}, right ${kept.filter((x) => x.right).length}`);
  process.exit(0);
}
const threshold = precisionThreshold(
  oof.map((x) => ({ score: x.p, right: x.right })),
  TARGET_PRECISION,
);
const model: OutletModel = { features: [...OUTLET_FEATURES], ...trainTrees(pages), threshold };
const picks = picksOf(model, pages);
const kept = picks.filter((x) => x.p >= threshold);
const oofKept = oof.filter((x) => x.p >= threshold);
const reachable = pages.filter((p) => p.scored.includes(true)).length;
console.log(
  `${pages.length} even pages, ${pages.reduce((s, p) => s + p.xs.length, 0)} candidates, ${reachable} whose candidates hold the outlet; ` +
    `${model.trees.length} trees of depth ${model.depth}`,
);
console.log(
  `out of fold (the even pages in four folds, each scored by a model of the others): best candidate right on ${oof.filter((x) => x.right).length}; ` +
    `threshold ${threshold.toFixed(3)} gives ${oofKept.length}, right ${oofKept.filter((x) => x.right).length}`,
);
console.log(`trained on all even pages, read on them: given ${kept.length}, right ${kept.filter((x) => x.right).length} (flattered: the same pages)`);
const modelPath = join(import.meta.dirname, '..', 'src', 'clean', 'data', 'outlet-model.json');
const round = (xs: number[]): number[] => xs.map((v) => Number(v.toPrecision(6)));
const trees = model.trees.map((t) => ({ feature: t.feature, cut: round(t.cut), leaf: round(t.leaf) }));
writeFileSync(modelPath, `${JSON.stringify({ ...model, trees, bias: Number(model.bias.toPrecision(6)), threshold: Number(threshold.toPrecision(6)) })}\n`);
// The project's formatter lays the file out, so that a retrain leaves lint clean.
execFileSync('npx', ['biome', 'format', '--write', modelPath], { stdio: 'ignore' });
