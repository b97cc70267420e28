import type { EntityType } from '../../model/annotations.js';
import type { TokenRun } from './candidates.js';
import { gazetteerKind, KIND_TYPE } from './gazetteer.js';
import { isTitleOnly, splitTitle, wordKey } from './roles.js';
import { startDocument, type WordInfo, wordInfo } from './tagger/features.js';
import { type PackedWeights, type TagType, tagWords } from './tagger/model.js';
import { type EntityToken, type EntityWord, listedKind } from './tokens.js';
import { HONORIFICS, LEGAL_SUFFIXES } from './vocabulary.js';

/**
 * A name the tagger found, as an article token range with the type the tagger and the rules agree on. Always built as
 * the literal `{ first, last, type }`, never spread from a run: a spread makes another hidden class, and every
 * function reading names was re-optimised when one first met it (V8's "wrong map" deopts, docs/measurements.md).
 */
export interface TaggedName extends TokenRun {
  type: EntityType;
}

const TYPE_OF: Record<TagType, EntityType> = { PER: 'person', ORG: 'org', LOC: 'place', MISC: 'misc' };

/** Words that make a name a company whatever the tagger said ("Apex Freight Inc.", "Banco Sur S.A."). */
const COMPANY_ENDINGS = new Set([...LEGAL_SUFFIXES, 'corporation', 'company', 'incorporated', 'limited', 'group', 'holdings', 'bank']);

/**
 * Runs the tagger over the article's sentences and returns its names in token order, typed by the tagger. Where a
 * capitalised run of the rules holds a title before a tagged name ("Secretary of State Lena Okafor", where the
 * tagger may see "State" as a name of its own), the whole run is kept so the rules split the title off as the role;
 * a run after an honorific the tagger missed ("Mr. Holloway") is added as a person.
 */
export function taggedNames(tokens: readonly EntityToken[], weights: PackedWeights, ruleRuns: readonly TokenRun[]): TaggedName[] {
  const generation = startDocument();
  const froms: number[] = [];
  const words: string[][] = [];
  const infos: WordInfo[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as EntityToken;
    if (i === 0 || tokens[i - 1]?.sentence !== t.sentence) {
      froms.push(i);
      words.push([]);
      infos.push([]);
    }
    words[words.length - 1]?.push(t.text);
    infos[infos.length - 1]?.push(taggerInfo(t.word, generation));
  }
  const tagged: TaggedName[] = tagWords(weights, words, infos).map((span) => {
    const from = froms[span.sentence] ?? 0;
    return { first: from + span.first, last: from + span.last, type: TYPE_OF[span.type] };
  });
  joinAbbreviations(tokens, tagged);
  // The tagged name covering each token (names do not overlap), so each rule run finds its names in its own length.
  const owner = new Int32Array(tokens.length).fill(-1);
  tagged.forEach((t, i) => {
    owner.fill(i, t.first, t.last);
  });
  const out: TaggedName[] = [];
  const covered = new Uint8Array(tokens.length);
  const cover = (run: TokenRun): void => {
    covered.fill(1, run.first, run.last);
  };
  for (const run of ruleRuns) {
    const overlapping = new Set<number>();
    for (let k = run.first; k < run.last; k++) if ((owner[k] ?? -1) >= 0) overlapping.add(owner[k] ?? -1);
    const inside = [...overlapping].map((i) => tagged[i]).filter((t): t is TaggedName => t !== undefined && t.first >= run.first && t.last <= run.last);
    const joined = joinedByConnectors(tokens, run, inside);
    if (joined) {
      out.push(joined);
      cover(run);
      continue;
    }
    const split = splitTitle(tokens, run);
    const titled = split.title !== undefined && inside.some((t) => t.last > split.name.first);
    const honorific = inside.length === 0 && (isHonorific(tokens[run.first - 1]) || (split.title !== undefined && isHonorific(tokens[split.title.first])));
    if (titled || honorific) {
      out.push({ first: run.first, last: run.last, type: 'person' });
      cover(run);
      continue;
    }
    const kind = overlapping.size > 0 ? undefined : gazetteerKind(spanOf(tokens, run));
    if (kind && kind !== 'demonym' && !isTitleOnly(tokens, run)) out.push({ first: run.first, last: run.last, type: KIND_TYPE[kind] });
  }
  for (const t of tagged) if (covered[t.first] !== 1) out.push(t);
  return out.sort((a, b) => a.first - b.first);
}

/** The tagger's facts of a word, kept on it while the tagger's cache holds the same (see `startDocument`). */
function taggerInfo(word: EntityWord, generation: number): WordInfo {
  if (word.tagger && word.taggerGeneration === generation) return word.tagger;
  const info = wordInfo(word.text);
  word.tagger = info;
  word.taggerGeneration = generation;
  return info;
}

/**
 * The rules keep the decisions where they are surer than the statistics: a name ending in a legal suffix or a
 * company word is an organisation; a listed country, region or organisation is never a person; a name after an
 * honorific is a person; a nationality the tagger calls MISC is a group.
 */
export function ruledType(tokens: readonly EntityToken[], run: TokenRun, tagged: EntityType): EntityType {
  // A one-word name's kind is asked of its word, once per word, rather than of a fresh string per name.
  const only = run.last - run.first === 1 ? tokens[run.first] : undefined;
  const kind = only ? listedKind(only.word) : gazetteerKind(spanOf(tokens, run));
  const lastWord = wordKey(tokens[run.last - 1]);
  if (COMPANY_ENDINGS.has(lastWord)) return 'org';
  if (tagged === 'person' && (kind === 'country' || kind === 'region' || kind === 'org')) return kind === 'org' ? 'org' : 'place';
  if (isHonorific(tokens[run.first - 1])) return 'person';
  if (tagged === 'misc' && kind === 'demonym') return 'group';
  return tagged;
}

function isHonorific(t: EntityToken | undefined): boolean {
  return HONORIFICS.has(wordKey(t));
}

/** The run's words joined by single spaces. */
function spanOf(tokens: readonly EntityToken[], run: TokenRun): string {
  let s = '';
  const last = Math.min(run.last, tokens.length);
  for (let k = run.first; k < last; k++) s += k > run.first ? ` ${tokens[k]?.text}` : (tokens[k]?.text ?? '');
  return s;
}

/** Lower-case words that join the parts of one name ("Banda de Norvalle", "Banco de la Nación", "Bank of Lima"). */
const JOINING = new Set(['de', 'del', 'la', 'las', 'los', 'of', 'y']);

/**
 * A capitalised run of the rules that the tagger cut into two or more names at a lower-case connector ("Banda" +
 * "Norvalle" for "Banda de Norvalle"): one name, an organisation when a part was one, else the type of its last part.
 */
function joinedByConnectors(tokens: readonly EntityToken[], run: TokenRun, inside: readonly TaggedName[]): TaggedName | null {
  if (inside.length < 2 || inside[0]?.first !== run.first || inside[inside.length - 1]?.last !== run.last) return null;
  for (let i = 1; i < inside.length; i++) {
    for (let k = inside[i - 1]?.last ?? 0; k < (inside[i]?.first ?? 0); k++) if (!JOINING.has(tokens[k]?.lower ?? '')) return null;
  }
  const type = inside.some((t) => t.type === 'org') ? 'org' : (inside[inside.length - 1]?.type ?? 'org');
  return { first: run.first, last: run.last, type };
}

const LETTER_GROUP = /^\p{Lu}{1,2}$/u;
/** Longest text `LETTER_GROUP` matches: two letters of two UTF-16 units each. */
const MAX_LETTER_GROUP_UNITS = 4;

/** One or two capital letters (the length test first: most names are longer, and the regex was ≈1% of the stage). */
function isLetterGroup(t: EntityToken | undefined): boolean {
  return t !== undefined && t.text.length <= MAX_LETTER_GROUP_UNITS && LETTER_GROUP.test(t.text);
}

/**
 * The tokenizer keeps "EE.UU." whole but splits "EE. UU." into letters and dots, and the tagger then finds "EE" and
 * "UU" apart: a tagged name on a run of letter groups each followed by a dot becomes the whole abbreviation, with
 * its dots ("EE. UU." is one name, which the aliases then read as Estados Unidos).
 */
function joinAbbreviations(tokens: readonly EntityToken[], tagged: TaggedName[]): void {
  for (let i = 0; i < tagged.length; i++) {
    const t = tagged[i];
    if (!t || !isLetterGroup(tokens[t.first])) continue;
    let end = t.first;
    while (isLetterGroup(tokens[end]) && tokens[end + 1]?.text === '.' && (tokens[end + 1]?.start ?? 0) === (tokens[end]?.end ?? 0)) {
      const gap = (tokens[end + 2]?.start ?? 0) - (tokens[end + 1]?.end ?? 0);
      end += 2;
      if (gap > 1 || !isLetterGroup(tokens[end])) break;
    }
    if (end - t.first < 4) continue;
    tagged[i] = { first: t.first, last: end, type: t.type };
    while ((tagged[i + 1]?.first ?? Number.POSITIVE_INFINITY) < end) tagged.splice(i + 1, 1);
  }
}
