import type { EntityType } from '../../model/annotations.js';
import type { TypeModel } from './type-model.js';

const TYPES: readonly EntityType[] = ['person', 'org', 'place', 'group', 'misc'];

/** One training example: a name's features and its gold type. */
export interface TypeExample {
  features: readonly string[];
  type: EntityType;
}

/**
 * A multiclass averaged perceptron (Collins 2002) over string features: small, fast and dependable for typing
 * names from sparse features. Hand-written because the few npm perceptrons are unmaintained POS-tagger ports;
 * this is 60 lines. Training order is fixed (no shuffling) so runs are reproducible.
 */
export function trainPerceptron(examples: readonly TypeExample[], epochs: number): TypeModel {
  const weights = new Map<string, number>();
  const totals = new Map<string, number>();
  const stamps = new Map<string, number>();
  let step = 0;
  const update = (key: string, delta: number): void => {
    const w = weights.get(key) ?? 0;
    totals.set(key, (totals.get(key) ?? 0) + (step - (stamps.get(key) ?? 0)) * w);
    stamps.set(key, step);
    weights.set(key, w + delta);
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const ex of examples) {
      step++;
      const guess = best(weights, ex.features);
      if (guess === ex.type) continue;
      for (const f of ex.features) {
        update(`${f}|${ex.type}`, 1);
        update(`${f}|${guess}`, -1);
      }
    }
  }
  const averaged = new Map<string, number>();
  for (const [key, w] of weights) {
    const total = (totals.get(key) ?? 0) + (step - (stamps.get(key) ?? 0)) * w;
    if (total !== 0) averaged.set(key, total / step);
  }
  return { predict: (_name, features) => best(averaged, features) };
}

function best(weights: ReadonlyMap<string, number>, features: readonly string[]): EntityType {
  let top: EntityType = 'person';
  let topScore = Number.NEGATIVE_INFINITY;
  for (const type of TYPES) {
    let score = 0;
    for (const f of features) score += weights.get(`${f}|${type}`) ?? 0;
    if (score > topScore) {
      topScore = score;
      top = type;
    }
  }
  return top;
}
