import { eld } from 'eld/medium';

/** Below this many letters a detector's answer is noise; the article is `und` (undetermined) instead. */
const MIN_LETTERS = 20;
/** How much text is enough to tell a language; more only costs time. */
const SAMPLE_CHARS = 4000;

/**
 * ISO 639-1 code of a text's language, from eld (measured 11/12 on short seed phrases, 17 MB/s; see
 * ../shared/LIBRARIES.md), or `und` when the text is too short or the detector is unsure.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (!hasLetters(sample, MIN_LETTERS)) return 'und';
  const result = eld.detect(sample);
  return result.language && result.isReliable() ? result.language : 'und';
}

/** Whether a text holds at least `min` letters; stops counting there (the whole sample was an array of letters). */
function hasLetters(text: string, min: number): boolean {
  let count = 0;
  LETTER.lastIndex = 0;
  while (LETTER.test(text)) if (++count >= min) return true;
  return false;
}

const LETTER = /\p{L}/gu;
