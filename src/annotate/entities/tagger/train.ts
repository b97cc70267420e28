import { seededRandom } from '../../../model/seeded-random.js';
import { documentEvidence, documentInfos, sentenceView, type WordInfo } from './features.js';
import { addScores, LABEL_COUNT, LabelHistory, labelsFor, MAX_WORD_FEATURES, type TagType, type Weights, wordFeatures } from './model.js';

/** A training sentence: its words and gold names (token ranges). */
export interface GoldSentence {
  words: string[];
  names: Array<{ first: number; last: number; type: TagType }>;
}

/** Training settings, chosen on the dev files (see scripts/train-entities.ts). */
export interface TrainOptions {
  /** Rows of the hashed table, a power of two. */
  rows: number;
  epochs: number;
  /** Seed of the document order shuffled each epoch (fixed, so training is reproducible). */
  seed: number;
  /** Called after each epoch with the averaged weights so far (for dev scoring while tuning). */
  onEpoch?: (epoch: number, weights: Weights) => void;
}

/**
 * Trains the greedy BILOU tagger with the averaged perceptron (Collins 2002): each word is labelled with the current
 * weights from the labels the tagger itself chose before it (so training sees the errors tagging will make), and a
 * wrong label moves the weights of its features toward the gold label. Averaging uses the usual lazy trick: `sums`
 * holds each update weighted by its step, and the average is w − sums / steps.
 */
export function trainTagger(documents: ReadonlyArray<readonly GoldSentence[]>, options: TrainOptions): Weights {
  const size = options.rows * LABEL_COUNT;
  const weights: Weights = { rows: options.rows, values: new Float32Array(size) };
  const sums = new Float64Array(size);
  const mask = options.rows - 1;
  const scores = new Float64Array(LABEL_COUNT);
  const next = seededRandom(options.seed);
  const order = documents.map((_, i) => i);
  let step = 1;
  const features = new Uint32Array(MAX_WORD_FEATURES);
  const update = (own: readonly number[], count: number, label: number, delta: number): void => {
    const move = (f: number): void => {
      const k = (f & mask) * LABEL_COUNT + label;
      weights.values[k] = (weights.values[k] ?? 0) + delta;
      sums[k] = (sums[k] ?? 0) + step * delta;
    };
    own.forEach(move);
    features.subarray(0, count).forEach(move);
  };
  const averaged = (): Weights => {
    const values = new Float32Array(size);
    for (let k = 0; k < size; k++) values[k] = (weights.values[k] ?? 0) - (sums[k] ?? 0) / step;
    return { rows: options.rows, values };
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const d of order) {
      const sentences = documents[d] ?? [];
      const infos = documentInfos(sentences.map((s) => s.words));
      const doc = documentEvidence(infos);
      const history = new LabelHistory();
      sentences.forEach((sentence, s) => {
        const gold = labelsFor(sentence.words.length, sentence.names);
        const view = sentenceView(sentence.words, infos[s] ?? []);
        const labels: number[] = [];
        for (let i = 0; i < sentence.words.length; i++) {
          const own = (view.infos[i] as WordInfo).own;
          const count = wordFeatures(view, doc, i, labels, history, features);
          scores.fill(0);
          addScores(weights, own, own.length, scores);
          addScores(weights, features, count, scores);
          let guess = 0;
          for (let y = 1; y < LABEL_COUNT; y++) if ((scores[y] ?? 0) > (scores[guess] ?? 0)) guess = y;
          const truth = gold[i] ?? 0;
          if (guess !== truth) {
            update(own, count, truth, 1);
            update(own, count, guess, -1);
          }
          step++;
          labels.push(guess);
          history.record(view.infos[i] as WordInfo, guess);
        }
      });
    }
    options.onEpoch?.(epoch + 1, averaged());
  }
  return averaged();
}
