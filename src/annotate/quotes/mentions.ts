import type { EntityMention } from '../../model/annotations.js';
import type { Span } from '../../model/span.js';
import type { Tok } from './tokens.js';
import { NON_PERSON_WORDS, NOT_NAME_STARTS, TITLE_MODIFIERS, TITLE_WORDS } from './vocabulary.js';

/**
 * The people (and other named things) a quote can be attributed to. They come from the entities layer when it
 * has run; otherwise from capitalised token runs, so quotes do not wait for entity recognition.
 */
export interface Mention extends Span {
  canonical: string;
  person: boolean;
  /** Can act and speak: a person, organisation or group (a place, a date or a thing cannot). */
  agent: boolean;
  gender: 'm' | 'f' | 'x';
  /** Lower-cased title or role words written with the mention ("secretary", "state"). */
  titles: readonly string[];
}

/** A title word without its abbreviation period, lower-cased ("Gov." → "gov"). */
export function titleKey(word: string): string {
  return word.toLowerCase().replace(/\.$/, '');
}

function genderOf(titles: readonly string[]): 'm' | 'f' | 'x' {
  for (const t of titles) {
    const g = TITLE_WORDS[t];
    if (g === 'm' || g === 'f') return g;
  }
  return 'x';
}

/** Mentions from the entities layer: their canonical names, types and roles are used as they are. */
export function mentionsFromEntities(entities: readonly EntityMention[]): Mention[] {
  const pronounGender = new Map<string, 'm' | 'f'>();
  for (const e of entities) {
    if (e.via !== 'pronoun') continue;
    const word = e.text.toLowerCase();
    if (word === 'he' || word === 'him' || word === 'his') pronounGender.set(e.canonical, 'm');
    if (word === 'she' || word === 'her') pronounGender.set(e.canonical, 'f');
  }
  return entities.map((e) => {
    const titles = e.role ? e.role.text.toLowerCase().split(/\s+/).map(titleKey) : [];
    const gender = genderOf(titles);
    return {
      start: e.start,
      end: e.end,
      canonical: e.canonical,
      person: e.type === 'person',
      agent: e.type === 'person' || e.type === 'org' || e.type === 'group',
      gender: gender === 'x' ? (pronounGender.get(e.canonical) ?? 'x') : gender,
      titles,
    };
  });
}

const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'van', 'von', 'bin', 'al', 'da', 'dos']);

function isTitleToken(tok: Tok): boolean {
  const key = titleKey(tok.text);
  return key in TITLE_WORDS || TITLE_MODIFIERS.has(key) || TITLE_MODIFIERS.has(tok.lower);
}

interface Run {
  tokens: Tok[];
  titles: string[];
}

/** Capitalised token runs in one block, with the title words written before or at the start of each. */
function capitalisedRuns(tokens: readonly Tok[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i] as Tok;
    if (!tok.cap || tok.pos === 'PUNCT') {
      i++;
      continue;
    }
    const titles: string[] = [];
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
      const prev = tokens[k] as Tok;
      if (!isTitleToken(prev)) break;
      titles.unshift(titleKey(prev.text));
    }
    const run: Tok[] = [];
    let j = i;
    while (j < tokens.length) {
      const t = tokens[j] as Tok;
      const next = tokens[j + 1];
      if (t.cap && t.pos !== 'PUNCT' && t.pos !== 'VERB' && t.pos !== 'AUX') run.push(t);
      else if (CONNECTORS.has(t.lower) && run.length > 0 && next?.cap) run.push(t);
      else break;
      j++;
    }
    if (run.length > 0) runs.push({ tokens: run, titles });
    i = Math.max(j, i + 1);
  }
  return runs;
}

/** Splits leading non-name words and titles off a run: "The Defense Secretary Tom Keller" → titles + name. */
function splitTitles(run: Run): Run {
  const tokens = [...run.tokens];
  const titles = [...run.titles];
  while (tokens.length > 0 && NOT_NAME_STARTS.has(titleKey((tokens[0] as Tok).text))) tokens.shift();
  // Everything up to the last title word is title ("Mexican President Elena Brandt", "Secretary of State X").
  let lastTitle = -1;
  for (let k = 0; k < tokens.length - 1; k++) {
    const t = tokens[k] as Tok;
    if (isTitleToken(t) && (tokens[k + 1] as Tok).cap) lastTitle = k;
  }
  for (const t of tokens.slice(0, lastTitle + 1)) titles.push(titleKey(t.text));
  return { tokens: tokens.slice(lastTitle + 1), titles };
}

function looksLikePerson(run: Run): boolean {
  const words = run.tokens.filter((t) => !CONNECTORS.has(t.lower));
  if (words.some((t) => NON_PERSON_WORDS.has(t.lower) || /\d/.test(t.text))) return false;
  const hasPersonTitle = run.titles.some((t) => t in TITLE_WORDS);
  return hasPersonTitle || (words.length >= 2 && words.length <= 4);
}

/**
 * Fallback mentions from capitalised runs (the entities layer absent). A run is a person when a title precedes it
 * or it has two to four capitalised words and no organisation/place word; a single word is that person when it
 * matches a later word of a full name seen before it ("Vidal" → "Mateo Vidal"). Canonical = that full name.
 */
export function mentionsFromNames(text: string, blocks: readonly Tok[][]): Mention[] {
  const out: Mention[] = [];
  const fullNames = new Map<string, { canonical: string; gender: 'm' | 'f' | 'x' }>();
  for (const tokens of blocks) {
    for (const raw of capitalisedRuns(tokens)) {
      const run = splitTitles(raw);
      const first = run.tokens[0];
      const last = run.tokens[run.tokens.length - 1];
      if (!first || !last) continue;
      const span = { start: first.start, end: last.end };
      const surface = text.slice(span.start, span.end);
      const words = run.tokens.filter((t) => !CONNECTORS.has(t.lower));
      let gender = genderOf(run.titles);
      if (words.length >= 2 && looksLikePerson(run)) {
        for (const w of words.slice(1)) fullNames.set(w.lower, { canonical: surface, gender });
        out.push({ ...span, canonical: surface, person: true, agent: true, gender, titles: run.titles });
        continue;
      }
      const known = words.length === 1 ? fullNames.get(last.lower) : undefined;
      if (known && gender === 'x') gender = known.gender;
      const person = Boolean(known) || looksLikePerson(run);
      // Without entity types a capitalised name may be anything; it keeps its chance to be a speaker.
      out.push({ ...span, canonical: known?.canonical ?? surface, person, agent: true, gender, titles: run.titles });
    }
  }
  return out;
}
