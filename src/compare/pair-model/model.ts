import { FEATURES } from './features.js';
import weightsFile from './weights.json' with { type: 'json' };

/**
 * A logistic-regression pair model: the probability that two claims of different articles tell the same happening,
 * from the pair features of features.ts. Trained by scripts/train-pair-model.ts on ECB+ (public, topic-split);
 * only the learned numbers ship, never a word of the training text.
 */
export interface PairModel {
  /** Feature names in order: a model trained on other features is refused rather than misread. */
  features: string[];
  /** Per-feature mean and spread used to standardize before the weights apply. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** The shipped models: trained on even topics, on odd topics (for held-out scoring of the other half), and on all. */
export interface PairModels {
  even: PairModel;
  odd: PairModel;
  all: PairModel;
}

export function probability(model: PairModel, x: readonly number[]): number {
  let z = model.bias;
  for (let k = 0; k < x.length; k++) z += ((model.weights[k] as number) * ((x[k] as number) - (model.mean[k] as number))) / (model.scale[k] as number);
  return 1 / (1 + Math.exp(-z));
}

/** Checks a model against the feature names the code computes; throws on a mismatch (a stale weights file). */
export function checkedModel(model: PairModel, names: readonly string[]): PairModel {
  const n = names.length;
  if (model.features.join(',') !== names.join(',') || model.mean.length !== n || model.scale.length !== n || model.weights.length !== n)
    throw new Error(`pair model: features [${model.features.join(', ')}] do not match the code's [${names.join(', ')}]; retrain (scripts/train-pair-model.ts)`);
  return model;
}

export const SHIPPED_MODELS = weightsFile as PairModels;
let checked: PairModel | undefined;
/**
 * The model the engine uses: trained on every ECB+ topic (the per-half models are for held-out scoring). Checked on
 * first use, not on import, so that the training script still loads when the features changed and the weights are
 * stale (it is what rewrites them).
 */
export function shippedModel(): PairModel {
  checked ??= checkedModel(SHIPPED_MODELS.all, FEATURES);
  return checked;
}
