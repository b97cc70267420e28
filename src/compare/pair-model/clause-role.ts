import type { ClaimFrame, PredicateAt } from '../claims.js';
import { oncePer } from '../once-per.js';

/**
 * Where a predicate stands in its claim: in the claim's main clause, or in a clause that gives background to it
 * ("died after he was arrested", "Ferrow, who had been ill, died", "new rioting broke out following the killing").
 * A claim corroborates another only about what it tells; a happening it mentions as background is not its news.
 * Read from word order, not a parse: a background clause opens at one of these words and runs to the next comma,
 * semicolon, dash or the claim's end. Generic English and Spanish clause openers, not fitted to any story.
 */
const OPENERS =
  /\b(?:after|following|before|since|when|whenever|while|because|until|amid|amidst|although|though|despite|who|whom|whose|which|where|once|tras|después|antes|cuando|mientras|porque|aunque|quien|quienes|cuyo|cuya)\b/giu;
const CLOSERS = /[,;:—–()]| - /gu;

/** The background stretches of a claim's text: [start, end) offsets into ClaimFrame.text. */
export function backgroundStretches(text: string): Array<[number, number]> {
  const closers = [...text.matchAll(CLOSERS)].map((m) => m.index);
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(OPENERS)) {
    const start = m.index;
    if (out.some(([s, e]) => s <= start && start < e)) continue;
    out.push([start, closers.find((c) => c > start) ?? text.length]);
  }
  return out;
}

/**
 * A predicate is background when it sits in a background stretch and the claim tells something outside every such
 * stretch (a verb or a predicate of its own): a claim that is all one "after …" clause (split off its sentence) tells
 * that clause as its news.
 */
export function isBackground(frame: ClaimFrame, at: number): boolean {
  const { inside, toldOutside } = stretchesOf(frame);
  return inside(at) && toldOutside;
}

/** A claim's background stretches, and whether it tells a predicate or a verb of its own outside them. */
const stretchesOf = oncePer((frame: ClaimFrame): { inside: (at: number) => boolean; toldOutside: boolean } => {
  const stretches = backgroundStretches(frame.text);
  const inside = (x: number) => stretches.some(([s, e]) => s <= x && x < e);
  return { inside, toldOutside: frame.occurrences.some((o) => !inside(o.at)) || frame.verbs.some((v) => !v.reporting && !inside(v.at)) };
});

/** The claim's own main predicate: the first one outside every background stretch (else the first one). */
export const ownMain = oncePer(
  (frame: ClaimFrame): PredicateAt | null => frame.occurrences.find((o) => !isBackground(frame, o.at)) ?? frame.occurrences[0] ?? null,
);
