import { existsSync, readFileSync } from 'node:fs';
import { decodeWeights } from '../entities/tagger/codec.js';
import { decodeKnown, POS_LABELS, type PosModel } from './tagger.js';

/**
 * Training settings, chosen by tag accuracy on conllpp_dev.txt (`npm run train:pos -- --dev`): 2^18 rows × 17 tags
 * (0.9515 after 6 epochs; 2^17 rows: 0.9488; accuracy flat from epoch 5), `pruneBelow` drops averaged weights too
 * small to matter before quantisation. The decoded table is 18 MB of Float32.
 */
export const POS_SETTINGS = { rows: 1 << 18, epochs: 6, seed: 7, pruneBelow: 0.05 };

/**
 * A word enters the tag dictionary when seen at least KNOWN_MIN_COUNT times in training with one tag at least
 * KNOWN_MIN_SHARE of them (Honnibal's thresholds, 20 and 0.97).
 */
export const KNOWN_MIN_COUNT = 20;
export const KNOWN_MIN_SHARE = 0.97;

/** The shipped file: models/ at the package root, the same depth from src/ and dist/. */
export const POS_WEIGHTS_PATH = new URL('../../../models/pos-en.bin.gz', import.meta.url);
/** The tag dictionary's file (hashes of words and their tags). */
export const POS_KNOWN_PATH = new URL('../../../models/pos-en-known.bin.gz', import.meta.url);

let loaded: PosModel | undefined;

/** The shipped tagger, read once. Missing files are an install error: the annotation rules need the tags. */
export function posModel(): PosModel {
  if (loaded) return loaded;
  for (const path of [POS_WEIGHTS_PATH, POS_KNOWN_PATH]) {
    if (!existsSync(path)) throw new Error(`part-of-speech model missing at ${path.pathname}: run npm run train:pos`);
  }
  loaded = { weights: decodeWeights(readFileSync(POS_WEIGHTS_PATH), POS_LABELS), known: decodeKnown(readFileSync(POS_KNOWN_PATH)) };
  return loaded;
}
