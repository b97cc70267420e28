import { existsSync, readFileSync } from 'node:fs';
import { decodeUsedRows } from './codec.js';
import { LABEL_COUNT, type PackedWeights, packUsedRows } from './model.js';

export type TaggerLanguage = 'en' | 'es';

/**
 * Training settings per language, chosen by dev F1 (conllpp_dev.txt, esp.testa) with `npm run train -- --dev`;
 * see docs/entities.md for the figures. `rows` sizes the hashed table (2^19 rows × 17 labels), `pruneBelow` drops
 * averaged weights too small to matter before quantisation.
 */
export const TAGGER_SETTINGS: Record<TaggerLanguage, { rows: number; epochs: number; seed: number; pruneBelow: number }> = {
  en: { rows: 1 << 19, epochs: 14, seed: 15, pruneBelow: 0.05 },
  es: { rows: 1 << 19, epochs: 14, seed: 15, pruneBelow: 0.05 },
};

const LOADED = new Map<TaggerLanguage, PackedWeights | null>();

/** The shipped file of a language: models/ at the package root, the same depth from src/ and dist/. */
export function weightsPath(language: TaggerLanguage): URL {
  return new URL(`../../../../models/entities-${language}.bin.gz`, import.meta.url);
}

/** The shipped weights of a language, read once; null when the file is missing (the rules then find names alone). */
export function taggerWeights(language: TaggerLanguage): PackedWeights | null {
  if (LOADED.has(language)) return LOADED.get(language) ?? null;
  const path = weightsPath(language);
  const weights = existsSync(path) ? packUsedRows(decodeUsedRows(readFileSync(path), LABEL_COUNT)) : null;
  LOADED.set(language, weights);
  return weights;
}
