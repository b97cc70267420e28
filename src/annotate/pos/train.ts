import { seededRandom } from '../../model/seeded-random.js';
import { featuresAt, MAX_CONTEXT_FEATURES, POS_LABELS, type PosWeights, sentenceFacts } from './tagger.js';

/** A training sentence: its words and their tags (indices into UPOS). */
export interface TaggedSentence {
  words: string[];
  tags: number[];
}

export interface PosTrainOptions {
  /** Rows of the hashed table, a power of two. */
  rows: number;
  epochs: number;
  /** Seed of the sentence order shuffled each epoch (fixed, so training is reproducible). */
  seed: number;
  onEpoch?: (epoch: number, weights: PosWeights) => void;
}

/**
 * Averaged perceptron (Collins 2002), greedy: each word is tagged from the tags the tagger itself chose before it,
 * and a wrong tag moves its features' weights toward the gold tag. Lazy averaging: `sums` holds each update weighted
 * by its step, and the average is w − sums / steps.
 */
export function trainPosTagger(sentences: readonly TaggedSentence[], options: PosTrainOptions): PosWeights {
  const size = options.rows * POS_LABELS;
  const weights: PosWeights = { rows: options.rows, values: new Float32Array(size) };
  const sums = new Float64Array(size);
  const mask = options.rows - 1;
  const scores = new Float64Array(POS_LABELS);
  const features = new Uint32Array(MAX_CONTEXT_FEATURES);
  const next = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  let step = 1;
  const move = (f: number, label: number, delta: number): void => {
    const k = (f & mask) * POS_LABELS + label;
    weights.values[k] = (weights.values[k] as number) + delta;
    sums[k] = (sums[k] as number) + step * delta;
  };
  const score = (f: number): void => {
    const base = (f & mask) * POS_LABELS;
    for (let y = 0; y < POS_LABELS; y++) scores[y] = (scores[y] as number) + (weights.values[base + y] as number);
  };
  const averaged = (): PosWeights => {
    const values = new Float32Array(size);
    for (let k = 0; k < size; k++) values[k] = (weights.values[k] as number) - (sums[k] as number) / step;
    return { rows: options.rows, values };
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const s of order) {
      const sentence = sentences[s] as TaggedSentence;
      const facts = sentenceFacts(sentence.words);
      const tags = new Uint8Array(sentence.words.length);
      for (let i = 0; i < sentence.words.length; i++) {
        const { own, count } = featuresAt(facts, i, tags, features);
        scores.fill(0);
        own.forEach(score);
        features.subarray(0, count).forEach(score);
        let guess = 0;
        for (let y = 1; y < POS_LABELS; y++) if ((scores[y] as number) > (scores[guess] as number)) guess = y;
        const truth = sentence.tags[i] as number;
        if (guess !== truth) {
          for (const f of own) {
            move(f, truth, 1);
            move(f, guess, -1);
          }
          for (const f of features.subarray(0, count)) {
            move(f, truth, 1);
            move(f, guess, -1);
          }
        }
        step++;
        tags[i] = guess;
      }
    }
    options.onEpoch?.(epoch + 1, averaged());
  }
  return averaged();
}
