import modelFile from '../data/outlet-model.json' with { type: 'json' };
import { canonicalOutlet, isKnownOutlet } from '../outlet-registry.js';
import type { LineLabel } from './classify.js';
import type { Line } from './lines.js';
import { OUTLET_FEATURES, type OutletCandidate, outletCandidates } from './outlet-features.js';

/**
 * Choice model (a softmax over the page's candidates and "none") over the features of outlet-features.ts: the
 * probability that a name the page writes is the page's own outlet. A candidate's score is a sum of small regression
 * trees (gradient boosting on the choice's log-likelihood): the cues count in combination ("in the last lines" means
 * something else for a name that is also in a copyright line than for a menu word), which one weight per feature
 * could not say. Trained by scripts/train-outlet-model.ts on the even pages of ../shared/data/pasted-pages (gold:
 * og:site_name or the domain of the page's URL); only the numbers ship, never a name from the pages.
 */
export interface OutletModel {
  features: string[];
  /** Depth of every tree: a tree is complete, its nodes in breadth-first order. */
  depth: number;
  /** Per tree: the feature each inner node tests (-1: no test, go left), its cut (right when the value is above), the leaves' scores. */
  trees: Array<{ feature: number[]; cut: number[]; leaf: number[] }>;
  /** Score every candidate starts from ("none" scores 0). */
  bias: number;
  /** Lowest probability at which a name is given as the outlet (set on the training half for precision; see the script). */
  threshold: number;
}

let checked: OutletModel | undefined;

/** The shipped model, checked on first use against the feature names the code computes (a stale file is an error). */
export function shippedOutletModel(): OutletModel {
  if (checked) return checked;
  const model = modelFile as OutletModel;
  const inner = 2 ** model.depth - 1;
  const fits = (t: OutletModel['trees'][number]): boolean => t.feature.length === inner && t.cut.length === inner && t.leaf.length === inner + 1;
  if (model.features.join(',') !== OUTLET_FEATURES.join(',') || !model.trees.every(fits))
    throw new Error('outlet model: its features do not match the code; retrain (scripts/train-outlet-model.ts)');
  checked = model;
  return model;
}

/** A model's trees laid out in flat typed arrays (tree t's inner nodes at t × inner, its leaves at t × (inner + 1)). */
interface FlatTrees {
  inner: number;
  feature: Int32Array;
  cut: Float64Array;
  leaf: Float64Array;
}

const flattened = new WeakMap<OutletModel, FlatTrees>();

function flat(model: OutletModel): FlatTrees {
  let trees = flattened.get(model);
  if (!trees) {
    const inner = 2 ** model.depth - 1;
    trees = {
      inner,
      feature: Int32Array.from(model.trees.flatMap((t) => t.feature)),
      cut: Float64Array.from(model.trees.flatMap((t) => t.cut)),
      leaf: Float64Array.from(model.trees.flatMap((t) => t.leaf)),
    };
    flattened.set(model, trees);
  }
  return trees;
}

/** A candidate's score: the bias plus the leaf each tree sends its features to. */
export function outletScore(model: OutletModel, x: readonly number[]): number {
  const { inner, feature, cut, leaf } = flat(model);
  const count = model.trees.length;
  let z = model.bias;
  for (let t = 0; t < count; t++) {
    const base = t * inner;
    let node = 0;
    while (node < inner) {
      const f = feature[base + node] as number;
      node = 2 * node + 1 + (f >= 0 && (x[f] as number) > (cut[base + node] as number) ? 1 : 0);
    }
    z += leaf[t * (inner + 1) + node - inner] as number;
  }
  return z;
}

/**
 * The page's outlet: the candidate with the best score, with its probability among the page's candidates and
 * "none of them" (a softmax where "none" scores 0: the model was trained as this choice), given when the probability
 * reaches the model's threshold; else null (a wrong outlet is worse than none).
 */
export function readOutlet(
  lines: readonly Line[],
  labels: readonly LineLabel[],
  headerOutlet: string | null,
  model: OutletModel = shippedOutletModel(),
): { candidate: OutletCandidate; probability: number } | null {
  const candidates = outletCandidates(lines, labels, headerOutlet);
  const scores = candidates.map((c) => outletScore(model, c.features));
  const choice = pageChoice(
    scores,
    candidates.map((c) => c.key),
  );
  if (!choice || choice.probability < model.threshold) return null;
  const whole = wholeName(
    choice.index,
    scores,
    candidates.map((c) => c.key),
    candidates.map((c) => c.features),
  );
  return { candidate: candidates[registryName(whole, candidates)] as OutletCandidate, probability: choice.probability };
}

/**
 * The registry outlet whose name the chosen span is part of, when the page writes exactly one such name ("Times" and
 * "The New York Times" on one page): the span alone is ambiguous between publishers, the registry's name is not.
 */
export function registryName(index: number, candidates: readonly OutletCandidate[]): number {
  const chosen = candidates[index] as OutletCandidate;
  if (isKnownOutlet(chosen.name)) return index;
  const key = chosen.key;
  // A name is shortened to its first or last words ("the Times", "Sky"); a word from its middle ("News" of a
  // "Cable News Network" credit) is not it.
  const holders = candidates.flatMap((c, i) => {
    const whole = c.key.replace(/^the/, '');
    return c.key !== key && (whole.startsWith(key) || whole.endsWith(key)) && isKnownOutlet(c.name) ? [i] : [];
  });
  const outlets = new Set(holders.map((i) => canonicalOutlet((candidates[i] as OutletCandidate).name)?.key));
  return outlets.size === 1 ? (holders[0] as number) : index;
}

/**
 * The best of a page's candidates and its probability against the others and "none" (score 0). Candidates whose
 * keys nest in the best one's, or in a name that nests it ("Irish", "The Irish" and "Irish Times" in "The Irish
 * Times"), are spans of the same name, so their share counts for it: the choice is between names, not their spans.
 */
export function pageChoice(scores: readonly number[], keys: readonly string[]): { index: number; probability: number } | null {
  if (scores.length === 0) return null;
  const top = Math.max(0, ...scores);
  let sum = Math.exp(-top);
  let index = 0;
  scores.forEach((s, i) => {
    sum += Math.exp(s - top);
    if (s > (scores[index] as number)) index = i;
  });
  const best = keys[index] as string;
  // The longer names that hold the best one, then every span inside one of them.
  const holders = keys.filter((k) => k.includes(best));
  let mass = 0;
  keys.forEach((key, i) => {
    if (holders.some((h) => h.includes(key) || key.includes(h))) mass += Math.exp((scores[i] as number) - top);
  });
  return { index, probability: mass / sum };
}

/** Share of a name's mentions with one same word beside it above which the name is cut short ("The Hollywood" of "The Hollywood Reporter"). */
const CUT_SHORT = 0.8;
/**
 * How far below the chosen span's score the longer name may score and still be given instead. Set on the even pages
 * (scripts/train-outlet-model.ts cache): margins 0.5–3 with CUT_SHORT 0.8 changed 4–7 given outlets, none from right
 * to wrong; 2 fixed three ("The Hollywood" → "The Hollywood Reporter").
 */
const LONGER_NAME_MARGIN = 2;
const MAX_NAME_WORDS = 4;
const RIGHT = OUTLET_FEATURES.indexOf('right extension');
const LEFT = OUTLET_FEATURES.indexOf('left extension');
const CUES = OUTLET_FEATURES.indexOf('cues');

/** The chosen candidate, or the longer name it is nearly always written inside when that scores close to it. */
export function wholeName(index: number, scores: readonly number[], keys: readonly string[], features: readonly (readonly number[])[]): number {
  let chosen = index;
  for (let step = 0; step < MAX_NAME_WORDS; step++) {
    const f = features[chosen] as readonly number[];
    const cutShort = (f[RIGHT] as number) >= CUT_SHORT || (f[LEFT] as number) >= CUT_SHORT;
    const key = keys[chosen] as string;
    let longer = -1;
    keys.forEach((k, j) => {
      if (k === key || !k.includes(key) || (scores[j] as number) < (scores[chosen] as number) - LONGER_NAME_MARGIN) return;
      // The longer name stands when the span is nearly always written inside it, or when the page writes the longer
      // one in more kinds of site places ("Harbour Gazette" in the byline and the © line, "Harbour" also in prose).
      if (!cutShort && ((features[j] as readonly number[])[CUES] as number) <= (f[CUES] as number)) return;
      if (longer < 0 || k.length < (keys[longer] as string).length) longer = j;
    });
    if (longer < 0) break;
    chosen = longer;
  }
  return chosen;
}
