import type { QuoteMention } from '../../../src/model/annotations.js';

/**
 * The plain baseline the issue names: text between double quotes (straight or curly, within one line), and as
 * speaker the capitalised name nearest to a speech verb in the same line. It is what a regex-only tool does.
 */

const QUOTED = /["“]([^"“”\n]{1,2000})["”]/g;
const SPEECH_VERB = /\b(?:said|says|say|told|tells|added|asked|stated|according to|explained|wrote)\b/g;
const NAME = /\b\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,3}/gu;
/** The speech verb must be this close to the quote, in characters. */
const VERB_WINDOW = 80;

/** Quotes found by the plain rule, with the nearest name to the nearest speech verb as speaker. */
export function baselineQuotes(text: string): QuoteMention[] {
  const out: QuoteMention[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    const base = line.index ?? 0;
    const body = line[0];
    const verbs = [...body.matchAll(SPEECH_VERB)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
    const names = [...body.matchAll(NAME)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }));
    for (const q of body.matchAll(QUOTED)) {
      const start = (q.index ?? 0) + 1;
      const end = start + (q[1] ?? '').length;
      const distance = (v: { start: number; end: number }): number => (v.end <= start ? start - v.end : v.start >= end ? v.start - end : 0);
      const verb = verbs.filter((v) => distance(v) <= VERB_WINDOW).sort((a, b) => distance(a) - distance(b))[0];
      const outside = names.filter((n) => n.end <= start - 1 || n.start >= end + 1);
      const name = verb ? outside.sort((a, b) => Math.abs(a.start - verb.start) - Math.abs(b.start - verb.start))[0] : undefined;
      const mention: QuoteMention = { start: base + start, end: base + end, text: body.slice(start, end), kind: 'direct', speaker: name?.text ?? null };
      if (name) mention.speakerSpan = { start: base + name.start, end: base + name.end };
      out.push(mention);
    }
  }
  return out;
}
