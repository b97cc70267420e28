import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { creditedOrigin } from '../../src/link/credits.js';
import { Linker } from '../../src/link/linker.js';
import type { Article } from '../../src/model/article.js';
import { seededRandom } from '../../src/model/seeded-random.js';
import { plainArticle } from '../../test/plain-article.js';
import { dataSet, type EvalResult, type Evaluator, prf, type Row } from '../harness.js';
import { PERTURBATIONS, type Perturbation, perturb } from './neardup-perturb.js';
import { rewritesTable } from './neardup-rewrites.js';

/**
 * Near-duplicate detection on a set built by perturbing real texts: the extraction benchmark's gold article bodies
 * and PolNeAR's political articles (many on one topic, so distinct articles look alike). Each original gets two
 * variants (page chrome, a dropped paragraph, reordered paragraphs, typos, a trimmed ending, or all at once); every
 * other pair is distinct. Pairs are scored: the same copy group predicted vs true. The containment threshold is
 * tuned on the originals of even index and scored on the odd ones. Beside it: exact matching of normalized text.
 * A second table scores rewrites (neardup-rewrites.ts); a third checks wire credits against PolNeAR's `wire` column.
 */

const VARIANTS_PER_ORIGINAL = 2;
const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const QUICK_ORIGINALS = 80;
const QUICK_ECB_TOPICS = 12;

interface Doc {
  article: Article;
  group: number;
  kind: Perturbation | 'original';
}

export const neardupEvaluator: Evaluator = {
  id: 'neardup',
  dataset: 'article-extraction-benchmark',
  async run(path, { quick }) {
    const polnear = dataSet('polnear');
    const originals = nearDupOriginals(path, polnear).slice(0, quick ? QUICK_ORIGINALS : undefined);
    const random = seededRandom(5);
    const halves: Doc[][] = [[], []];
    originals.forEach((text, group) => {
      const half = halves[group % 2] as Doc[];
      half.push({ article: toArticle(text, `o${group}`), group, kind: 'original' });
      for (let v = 0; v < VARIANTS_PER_ORIGINAL; v++) {
        const kind = PERTURBATIONS[Math.floor(random() * PERTURBATIONS.length)] as Perturbation;
        half.push({ article: toArticle(perturb(text, kind, random), `o${group}v${v}`), group, kind });
      }
    });
    const [tune, test] = halves as [Doc[], Doc[]];
    const tuned = THRESHOLDS.map((t) => ({ t, f1: pairScores(tune, copyGroups(tune, t)).f1 }));
    // The middle of the best plateau: equally good thresholds on the tuning half, the one furthest from both edges.
    const top = Math.max(...tuned.map((x) => x.f1));
    const plateau = tuned.filter((x) => x.f1 === top);
    const best = plateau[Math.floor((plateau.length - 1) / 2)] as { t: number };
    const exact = new Map<string, number>();
    const exactGroups = test.map((d) => {
      const key = d.article.text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
      if (!exact.has(key)) exact.set(key, exact.size);
      return exact.get(key) as number;
    });
    const rows: Row[] = [
      { system: 'exact match of normalized text', ...row(test, exactGroups) },
      { system: `sampled 5-word shingles, containment ≥ ${best.t}`, ...row(test, copyGroups(test, best.t)) },
    ];
    const copies: EvalResult = {
      title: `Near-duplicates (${originals.length} real texts × ${VARIANTS_PER_ORIGINAL} perturbed variants)`,
      note: `Tuning F1 by threshold: ${tuned.map((x) => `${x.t}: ${x.f1.toFixed(3)}`).join(', ')}. Originals: article-extraction-benchmark gold bodies${polnear ? ' and PolNeAR dev+test texts' : ''}. Threshold tuned on even-index originals (${tune.length} documents), scored on odd-index ones (${test.length}); pairs within one original's family are positives, all others negatives. "recall <kind>" is the share of original–variant pairs of that perturbation found.`,
      columns: ['pair P', 'pair R', 'pair F1', ...PERTURBATIONS.map((p) => `recall ${p}`)],
      rows,
    };
    const rewrites = rewritesTable(originals, dataSet('ecbplus'), quick ? QUICK_ECB_TOPICS : null);
    return polnear ? [copies, rewrites, wireCredits(polnear)] : [copies, rewrites];
  },
};

/** The set's real texts: the extraction benchmark's gold bodies, then PolNeAR's texts when present (also the rewrite model's training texts). */
export function nearDupOriginals(benchmarkRoot: string, polnearRoot: string | null): string[] {
  return [...benchmarkBodies(benchmarkRoot), ...(polnearRoot ? polnearTexts(polnearRoot).map((p) => p.text) : [])];
}

/** Copy groups as the linker finds them: each article's canonical copy (or itself). */
function copyGroups(docs: readonly Doc[], threshold: number): string[] {
  const linker = new Linker({ duplicateContainment: threshold });
  for (const d of docs) linker.add(d.article);
  const duplicates = linker.duplicates();
  return docs.map((d) => duplicates.get(d.article.id) ?? d.article.id);
}

function row(docs: readonly Doc[], predicted: ReadonlyArray<string | number>): Record<string, number> {
  const s = pairScores(docs, predicted);
  const recall = Object.fromEntries(
    PERTURBATIONS.map((kind) => {
      const variants = docs.map((d, i) => ({ d, i })).filter((x) => x.d.kind === kind);
      const found = variants.filter(({ d, i }) => docs.some((o, j) => o.kind === 'original' && o.group === d.group && predicted[j] === predicted[i]));
      return [`recall ${kind}`, variants.length === 0 ? 0 : found.length / variants.length];
    }),
  );
  return { 'pair P': s.p, 'pair R': s.r, 'pair F1': s.f1, ...recall };
}

function pairScores(docs: readonly Doc[], predicted: ReadonlyArray<string | number>): { p: number; r: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const same = (docs[i] as Doc).group === (docs[j] as Doc).group;
      const said = predicted[i] === predicted[j];
      if (same && said) tp++;
      else if (said) fp++;
      else if (same) fn++;
    }
  }
  return prf(tp, fp, fn);
}

/** PolNeAR's wire column against the credit the linker reads from the text. */
function wireCredits(root: string): EvalResult {
  const texts = polnearTexts(root);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let named = 0;
  for (const { text, wire } of texts) {
    const found = creditedOrigin(toArticle(text, 'polnear'));
    if (wire && found) tp++;
    else if (found) fp++;
    else if (wire) fn++;
    if (wire && found && normalizeWire(found) === normalizeWire(wire)) named++;
  }
  const s = prf(tp, fp, fn);
  return {
    title: `Wire credits on PolNeAR (${texts.length} articles, ${tp + fn} credited to a wire)`,
    note: 'PolNeAR dev+test texts; gold is metadata.tsv `wire` (AP, UPI, AFP, Reuters). No tuning: the credit patterns are fixed rules.',
    columns: ['P', 'R', 'F1', 'wire named right'],
    rows: [{ system: 'dateline and lead credits (credits.ts)', P: s.p, R: s.r, F1: s.f1, 'wire named right': tp === 0 ? 0 : named / tp }],
  };
}

function normalizeWire(name: string): string {
  const key = name.toLowerCase();
  return key === 'associated press' ? 'ap' : key;
}

function benchmarkBodies(root: string): string[] {
  const gold = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  return Object.keys(gold)
    .sort()
    .map((k) => gold[k]?.articleBody ?? '')
    .filter((t) => t.split(/\s+/).length >= 80);
}

function polnearTexts(root: string): Array<{ text: string; wire: string | null }> {
  const meta = new Map<string, string | null>();
  for (const line of readFileSync(join(root, 'metadata.tsv'), 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    const wire = cols[11]?.trim() ?? '';
    meta.set(`${cols[0]}/${cols[1]}`, wire === '' || wire === 'None' || wire === 'NA' ? null : wire);
  }
  const out: Array<{ text: string; wire: string | null }> = [];
  for (const split of ['dev', 'test']) {
    const dir = join(root, split, 'text');
    for (const file of readdirSync(dir).sort()) {
      out.push({ text: readFileSync(join(dir, file), 'utf8'), wire: meta.get(`${split}/${file.replace(/\.txt$/, '')}`) ?? null });
    }
  }
  return out;
}

function toArticle(text: string, name: string): Article {
  return plainArticle(text, 'en', name);
}
