import type { EntityMention } from '../../model/annotations.js';

/**
 * Names joined by a hyphen that are two people the article names apart: "the Alvarez-Brennan meeting" after "Rosa
 * Alvarez" and "Tom Brennan" is the meeting of those two, not an organisation (the tagger reads an unknown capitalised
 * compound before a noun as a firm). Each part becomes a mention of its person, so the pair adds to both people and no
 * organisation is invented. A double-barrelled surname ("Ana Hoyer-Larsen") stays whole: its parts are not people
 * named apart, and a compound that is the surname of a longer name in the article is left to that name.
 */

/** Most parts read in one compound: "A-B-C" pairs are rare beyond three, and a hostile text may chain thousands. */
const MAX_PARTS = 4;

const HYPHEN = /[-‐‑]/u;
const PART = /^\p{Lu}[\p{L}'’]+$/u;

/** Mentions with each hyphenated compound of person names replaced by a mention of each person, in text order. */
export function splitNamePairs(mentions: readonly EntityMention[]): EntityMention[] {
  const people = personBySurname(mentions);
  if (people.size < 2) return [...mentions];
  let changed = false;
  const out: EntityMention[] = [];
  for (const m of mentions) {
    const parts = pairParts(m, people);
    if (parts) {
      out.push(...parts);
      changed = true;
    } else out.push(m);
  }
  return changed ? out.sort((a, b) => a.start - b.start || b.end - a.end) : out;
}

/**
 * Each person's surname (the last word of the name as written) → the person's canonical name, from mentions by name
 * or surname. A surname two people share maps to neither: which of them a compound means is unknown.
 */
function personBySurname(mentions: readonly EntityMention[]): Map<string, string> {
  const found = new Map<string, string | null>();
  for (const m of mentions) {
    if (m.type !== 'person' || (m.via !== 'name' && m.via !== 'surname') || HYPHEN.test(m.text)) continue;
    const surname = m.text.split(/\s+/u).pop()?.toLowerCase();
    if (!surname) continue;
    const known = found.get(surname);
    found.set(surname, known === undefined || known === m.canonical ? m.canonical : null);
  }
  const out = new Map<string, string>();
  for (const [surname, canonical] of found) if (canonical) out.set(surname, canonical);
  return out;
}

function pairParts(m: EntityMention, people: ReadonlyMap<string, string>): EntityMention[] | null {
  if (!HYPHEN.test(m.text) || /\s/u.test(m.text)) return null;
  const words = m.text.split(HYPHEN);
  if (words.length < 2 || words.length > MAX_PARTS || !words.every((w) => PART.test(w))) return null;
  const canonicals = words.map((w) => people.get(w.toLowerCase()));
  // Two different people at least: "Brennan-Brennan" is no pair.
  if (canonicals.some((c) => c === undefined) || new Set(canonicals).size < 2) return null;
  // The compound is someone's own surname elsewhere ("Ana Hoyer-Larsen" … "Hoyer-Larsen said"): not a pair.
  if (m.type === 'person' && m.canonical !== m.text) return null;
  const out: EntityMention[] = [];
  let at = m.start;
  words.forEach((w, k) => {
    out.push({ start: at, end: at + w.length, type: 'person', text: w, canonical: canonicals[k] as string, via: 'surname' });
    at += w.length + 1;
  });
  return out;
}
