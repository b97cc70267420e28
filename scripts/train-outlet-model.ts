// Trains the outlet model (src/clean/text/outlet-model.ts) on the even pages of ../shared/data/pasted-pages and
// writes src/clean/data/outlet-model.json. `npx tsx scripts/train-outlet-model.ts`. Deterministic; only numbers are
// written, never a name from the pages. The odd pages are held out: `npm run eval -- pasted-pages` scores them.
//
// Examples: every candidate name of a page (outlet-features.ts), positive when it is the page's outlet: its key
// equals that of og:site_name or of the URL's domain name, or the registry maps both to one outlet.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isTuningHalf, readPage } from '../eval/sets/html-pages.js';
import { loadPages, outletMatches, type Reference, reference } from '../eval/sets/pasted-pages.js';
import { repairText } from '../src/clean/encoding/repair.js';
import { canonicalOutlet } from '../src/clean/outlet-registry.js';
import { cleanPastedText } from '../src/clean/text/clean-text.js';
import { OUTLET_FEATURES, outletCandidates, outletKey } from '../src/clean/text/outlet-features.js';
import { type OutletModel, outletScore, pageChoice, wholeName } from '../src/clean/text/outlet-model.js';
import { headerOutlet } from '../src/clean/text/page-meta.js';

const ROOT = join(import.meta.dirname, '..', '..', 'shared', 'data');
/**
 * Precision the threshold must keep on the training half, read as the evaluation reads it (a wrong outlet is worse
 * than none: two sources of one publisher counted as independent, or one outlet split in two). The threshold is the
 * lowest that keeps it; 0.85 keeps about 0.39 of the even pages' named outlets (0.90 would keep about 0.34).
 */
const TARGET_PRECISION = 0.85;
/** Pull of every weight towards zero (per page): keeps a feature that a few pages share from taking an extreme weight. */
const L2 = 1e-3;
const STEPS = 400;
const LEARNING_RATE = 0.5;

function isOutlet(name: string, ref: Reference, url: string): boolean {
  const key = outletKey(name);
  const gold = [ref.siteName ? outletKey(ref.siteName) : null, ref.domain].filter((k): k is string => !!k && k.length >= 2);
  if (gold.some((g) => g === key || g === `the${key}` || `the${g}` === key)) return true;
  const mine = canonicalOutlet(name);
  const theirs = [canonicalOutlet(ref.siteName), canonicalOutlet(null, url)];
  return !!mine?.known && theirs.some((t) => t?.known && t.key === mine.key);
}

interface PageExamples {
  keys: string[];
  xs: number[][];
  /** Training label: the candidate is the outlet (exact key, or one registry outlet). */
  ys: number[];
  /** The evaluation's reading (eval/sets/pasted-pages.ts, looser: a name containing the other counts): sets the threshold. */
  scored: boolean[];
}

/** `--cache FILE` keeps the examples in FILE (outside the repository) so that a retrain with unchanged features skips reading the pages. */
const cacheAt = process.argv.indexOf('--cache');
const cache = cacheAt >= 0 ? process.argv[cacheAt + 1] : undefined;
const pages: PageExamples[] = cache && existsSync(cache) ? (JSON.parse(readFileSync(cache, 'utf8')) as PageExamples[]) : examples();
if (cache) writeFileSync(cache, JSON.stringify(pages));

function examples(): PageExamples[] {
  const out: PageExamples[] = [];
  for (const page of loadPages(ROOT, false)) {
    if (!isTuningHalf(page.index)) continue;
    const ref = reference(readPage(page.htmlPath), page.url);
    const cleaned = cleanPastedText(repairText(page.text, { decodeEntities: true }).text);
    const candidates = outletCandidates(cleaned.lines, cleaned.labels, headerOutlet(cleaned.metaLines));
    out.push({
      keys: candidates.map((c) => c.key),
      xs: candidates.map((c) => c.features),
      ys: candidates.map((c) => (isOutlet(c.name, ref, page.url) ? 1 : 0)),
      scored: candidates.map((c) => outletMatches(c.name, ref, page.url)),
    });
  }
  return out;
}
const model: OutletModel = { features: [...OUTLET_FEATURES], ...trainChoice(pages), threshold: 0 };

// Per page: the chosen candidate's probability and whether it is the outlet; the threshold keeps TARGET_PRECISION.
const picks = pages
  .map((p) => {
    const scores = p.xs.map((x) => outletScore(model, x));
    const choice = pageChoice(scores, p.keys);
    // Right or wrong is read on the name the engine gives (outlet-model.ts may give the longer name a span is part of).
    return choice ? { p: choice.probability, right: p.scored[wholeName(choice.index, scores, p.keys, p.xs)] === true, reachable: p.ys.includes(1) } : null;
  })
  .filter((x): x is { p: number; right: boolean; reachable: boolean } => x !== null)
  .sort((a, b) => b.p - a.p);
let right = 0;
let threshold = 1;
picks.forEach((pick, i) => {
  if (pick.right) right++;
  if (right / (i + 1) >= TARGET_PRECISION) threshold = pick.p;
});
model.threshold = threshold;
const kept = picks.filter((x) => x.p >= threshold);
const reachable = picks.filter((x) => x.reachable).length;
console.log(`best candidate right on ${picks.filter((x) => x.right).length} pages (bias ${model.bias.toFixed(2)})`);
console.log(
  `${pages.length} even pages, ${pages.reduce((s, p) => s + p.xs.length, 0)} candidates; threshold ${threshold.toFixed(3)}: ` +
    `outlet given on ${kept.length}, right ${kept.filter((x) => x.right).length} (P ${(kept.filter((x) => x.right).length / Math.max(1, kept.length)).toFixed(3)}), ` +
    `pages whose candidates hold the outlet ${reachable}`,
);
for (const [k, name] of OUTLET_FEATURES.entries()) console.log(`  ${name.padEnd(32)} ${(model.weights[k] as number).toFixed(3)}`);
const round = (xs: number[]): number[] => xs.map((v) => Number(v.toPrecision(6)));
const modelPath = join(import.meta.dirname, '..', 'src', 'clean', 'data', 'outlet-model.json');
writeFileSync(
  modelPath,
  `${JSON.stringify({ ...model, mean: round(model.mean), scale: round(model.scale), weights: round(model.weights), bias: Number(model.bias.toPrecision(6)), threshold: Number(threshold.toPrecision(6)) })}\n`,
);
// The project's formatter lays the file out, so that a retrain leaves lint clean.
execFileSync('npx', ['biome', 'format', '--write', modelPath], { stdio: 'ignore' });

/**
 * Fits the choice model: per page, softmax over its candidates' scores and "none" (score 0), maximising the
 * likelihood of the right candidate (or of "none" when no candidate is the outlet), by full-batch gradient ascent
 * with Adam steps on standardized features. Deterministic.
 */
function trainChoice(data: readonly PageExamples[]): Pick<OutletModel, 'mean' | 'scale' | 'weights' | 'bias'> {
  const all = data.flatMap((p) => p.xs);
  const d = OUTLET_FEATURES.length;
  const mean = Array.from({ length: d }, (_, k) => all.reduce((s, x) => s + (x[k] as number), 0) / Math.max(1, all.length));
  const scale = mean.map((m, k) => Math.sqrt(all.reduce((s, x) => s + ((x[k] as number) - m) ** 2, 0) / Math.max(1, all.length)) || 1);
  const rows = data.map((p) => ({ xs: p.xs.map((x) => x.map((v, k) => (v - (mean[k] as number)) / (scale[k] as number))), ys: p.ys }));
  const w = new Array<number>(d + 1).fill(0); // w[d] is the bias
  const m1 = new Array<number>(d + 1).fill(0);
  const m2 = new Array<number>(d + 1).fill(0);
  for (let step = 1; step <= STEPS; step++) {
    let loss = 0;
    const grad = w.map((v, k) => (k < d ? -L2 * data.length * v : 0));
    for (const page of rows) {
      const scores = page.xs.map((x) => x.reduce((s, v, k) => s + v * (w[k] as number), w[d] as number));
      const top = Math.max(0, ...scores);
      const exps = scores.map((s) => Math.exp(s - top));
      const sum = Math.exp(-top) + exps.reduce((a, b) => a + b, 0);
      const at = page.ys.indexOf(1);
      loss -= (at >= 0 ? (scores[at] as number) : 0) - top - Math.log(sum);
      page.xs.forEach((x, i) => {
        const q = (exps[i] as number) / sum;
        const e = (page.ys[i] as number) - q;
        for (let k = 0; k < d; k++) grad[k] = (grad[k] as number) + e * (x[k] as number);
        grad[d] = (grad[d] as number) + e;
      });
    }
    if (process.argv.includes('--verbose') && step % 50 === 0) console.log(`step ${step}: log-loss per page ${(loss / data.length).toFixed(4)}`);
    for (let k = 0; k <= d; k++) {
      const g = (grad[k] as number) / data.length;
      m1[k] = 0.9 * (m1[k] as number) + 0.1 * g;
      m2[k] = 0.999 * (m2[k] as number) + 0.001 * g * g;
      const hat1 = (m1[k] as number) / (1 - 0.9 ** step);
      const hat2 = (m2[k] as number) / (1 - 0.999 ** step);
      w[k] = (w[k] as number) + (LEARNING_RATE * 0.1 * hat1) / (Math.sqrt(hat2) + 1e-8);
    }
  }
  return { mean, scale, weights: w.slice(0, d), bias: w[d] as number };
}
