import modelFile from '../data/outlet-model.json' with { type: 'json' };
import type { LineLabel } from './classify.js';
import type { Line } from './lines.js';
import { OUTLET_FEATURES, type OutletCandidate, outletCandidates } from './outlet-features.js';

/**
 * Choice model (a softmax over the page's candidates and "none") over the features of outlet-features.ts: the probability that a name the page writes is the page's
 * own outlet. Trained by scripts/train-outlet-model.ts on the even pages of ../shared/data/pasted-pages (gold:
 * og:site_name or the domain of the page's URL); only the numbers ship, never a name from the pages.
 */
export interface OutletModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Lowest probability at which a name is given as the outlet (set on the training half for precision; see the script). */
  threshold: number;
}

let checked: OutletModel | undefined;

/** The shipped model, checked on first use against the feature names the code computes (a stale file is an error). */
export function shippedOutletModel(): OutletModel {
  if (checked) return checked;
  const model = modelFile as OutletModel;
  const n = OUTLET_FEATURES.length;
  if (model.features.join(',') !== OUTLET_FEATURES.join(',') || model.weights.length !== n || model.mean.length !== n || model.scale.length !== n)
    throw new Error('outlet model: its features do not match the code; retrain (scripts/train-outlet-model.ts)');
  checked = model;
  return model;
}

/** A candidate's score: the weighted sum of its standardized features (plus the bias, which sets "none" apart). */
export function outletScore(model: OutletModel, x: readonly number[]): number {
  let z = model.bias;
  for (let k = 0; k < x.length; k++) z += ((model.weights[k] as number) * ((x[k] as number) - (model.mean[k] as number))) / (model.scale[k] as number);
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
  return { candidate: candidates[whole] as OutletCandidate, probability: choice.probability };
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

/** The chosen candidate, or the longer name it is nearly always written inside when that scores close to it. */
export function wholeName(index: number, scores: readonly number[], keys: readonly string[], features: readonly (readonly number[])[]): number {
  let chosen = index;
  for (let step = 0; step < MAX_NAME_WORDS; step++) {
    const f = features[chosen] as readonly number[];
    if ((f[RIGHT] as number) < CUT_SHORT && (f[LEFT] as number) < CUT_SHORT) break;
    const key = keys[chosen] as string;
    let longer = -1;
    keys.forEach((k, j) => {
      if (k === key || !k.includes(key) || (scores[j] as number) < (scores[chosen] as number) - LONGER_NAME_MARGIN) return;
      if (longer < 0 || k.length < (keys[longer] as string).length) longer = j;
    });
    if (longer < 0) break;
    chosen = longer;
  }
  return chosen;
}
