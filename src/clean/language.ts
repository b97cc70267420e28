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
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  const result = eld.detect(sample);
  return result.language && result.isReliable() ? result.language : 'und';
}
