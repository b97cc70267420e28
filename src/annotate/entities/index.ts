import type { EntityMention, EntityType } from '../../model/annotations.js';
import { type Article, layer } from '../../model/article.js';
import { type ArticleStage, withLayers } from '../../pipeline/stage.js';
import { type EntityLanguage, findCaselessRuns, findNameRuns, type TokenRun } from './candidates.js';
import { consistentTypes } from './consistency.js';
import { linkMentions, type TypedName } from './coreference.js';
import { gazetteerKey, gazetteerKind, KIND_TYPE, spanHasKey } from './gazetteer.js';
import { splitNamePairs } from './name-pairs.js';
import { affiliationBeforeTitle, isTitleOnly, type RoleSpan, roleAfter, roleBefore, splitTitle } from './roles.js';
import { ruledType, taggedNames } from './tagged-names.js';
import { taggerWeights } from './tagger/weights.js';
import { articleTokens, type EntityToken, hasLowerLetter, MAX_BLOCK_CHARS } from './tokens.js';
import { addScores, bestType, CUE_WEIGHTS, noScores, scoreName, strength, type TypeScores } from './typing.js';

export { canonicalKey, mergeEntities, type StoryEntity } from './canonical.js';

/** Options of the entities stage. */
export interface EntitiesOptions {
  /** Most mentions kept per article; a pathological text stops here with a message. */
  maxMentions?: number;
  /** Type given to a one-word name with no cue at all. */
  singleWordFallback?: EntityType;
  /** Find names with the shipped statistical tagger (true) or with the capitalisation rules alone (false). */
  tagger?: boolean;
}

export const ENTITY_DEFAULTS: Required<EntitiesOptions> = {
  maxMentions: 5_000,
  // Calibrated on the CoNLL++ dev file: an unknown one-word name typed org gave F1 0.720, person 0.692, misc 0.697, place 0.695.
  singleWordFallback: 'org',
  tagger: true,
};

/** Least summed evidence for a name's own type to override the type its other mentions in the article agree on. */
const OWN_EVIDENCE_TO_OVERRIDE = 4;

/**
 * The entities stage: people, organisations, places and groups with roles ("Secretary of State"), and links
 * inside the article (surnames, acronyms, "the secretary", "she") to one canonical name. English and Spanish;
 * Spanish rules use capitals, lists and context only (the part-of-speech tagger is English).
 */
export function entities(options: EntitiesOptions = {}): ArticleStage {
  const settings = { ...ENTITY_DEFAULTS, ...options };
  return {
    name: 'entities',
    requires: ['sentences'],
    produces: ['entities'],
    run(article, ctx) {
      const cut = layer(article, 'blocks').filter((b) => b.end - b.start > MAX_BLOCK_CHARS).length;
      if (cut > 0) ctx.message(`${cut} block(s) longer than ${MAX_BLOCK_CHARS} characters: names after that point not read`, { rule: 'block-cut' });
      let mentions = extractEntities(article, settings);
      if (mentions.length > settings.maxMentions) {
        ctx.message(`kept the first ${settings.maxMentions} of ${mentions.length} entity mentions`, { rule: 'too-many' });
        mentions = mentions.slice(0, settings.maxMentions);
      }
      return withLayers(article, { entities: mentions });
    },
  };
}

/** Language rules to apply: Spanish for `es*`, English otherwise. */
export function entityLanguage(article: Article): EntityLanguage {
  return article.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Every field is always present (see `draftOf`). */
interface Draft extends TokenRun {
  role: RoleSpan | undefined;
  /** The tagger's type, when the tagger found the name. */
  type: EntityType | undefined;
}

/**
 * One object shape for every draft, whichever rule made it: drafts built by spreading optional fields had four
 * hidden classes, and the functions reading them were re-optimised each time V8 first met one (docs/measurements.md).
 */
function draftOf(run: TokenRun, role: RoleSpan | undefined, type: EntityType | undefined): Draft {
  return { first: run.first, last: run.last, role, type };
}

/** Every entity mention of one article, in text order. */
export function extractEntities(article: Article, options: Required<EntitiesOptions> = ENTITY_DEFAULTS): EntityMention[] {
  const tokens = articleTokens(article);
  const weights = options.tagger ? taggerWeights(entityLanguage(article)) : null;
  const ruleRuns = findNameRuns(tokens, entityLanguage(article));
  const tagged = weights ? taggedNames(tokens, weights, ruleRuns) : null;
  const runs: Array<TokenRun & { type?: EntityType }> = tagged ?? ruleRuns;
  const drafts: Draft[] = [];
  // A title word that ends someone's name elsewhere in the article ("Carole King" … "King") is that surname.
  const lastWords = new Set(runs.filter((r) => r.last - r.first > 1).map((r) => tokens[r.last - 1]?.lower));
  for (const run of runs) {
    if (isTitleOnly(tokens, run) && !(run.last - run.first === 1 && lastWords.has(tokens[run.first]?.lower))) continue;
    const owner = affiliationBeforeTitle(tokens, run);
    if (owner) {
      drafts.push(draftOf(owner, undefined, undefined));
      continue;
    }
    const split = splitTitle(tokens, run);
    if (split.affiliation) drafts.push(draftOf(split.affiliation, undefined, undefined));
    const titleFirst = split.title ? (split.affiliation?.first ?? split.title.first) : null;
    const role = roleBefore(tokens, split.name.first, titleFirst) ?? roleAfter(tokens, split.name.last);
    // A title split off a tagged run leaves a person ("Secretary of State Lena Okafor").
    const type = split.title ? 'person' : run.type;
    const name = type === 'person' ? withSuffix(tokens, split.name) : split.name;
    drafts.push(draftOf(name, role ?? undefined, type));
  }
  dropDepartments(tokens, drafts);
  if (tagged) dropUnknownTitleCase(article.text, tokens, drafts);
  // Headlines also match surnames of names the body spells out ("Farrow Meets …" after "Dana Farrow").
  if (tokens.some((t) => t.caseless && t.capitalized)) addCaselessRuns(article.text, tokens, drafts);
  drafts.sort((a, b) => a.first - b.first);
  if (!tagged) return splitNamePairs(linkMentions(tokens, typeDrafts(article.text, tokens, drafts, options)));
  return splitNamePairs(linkMentions(tokens, consistentTypes(drafts.map((d) => typedDraft(article.text, tokens, d)))));
}

/** Adds the runs of `findCaselessRuns` that no draft starts, with the drafts' names as the known ones. */
function addCaselessRuns(text: string, tokens: readonly EntityToken[], drafts: Draft[]): void {
  const known = new Set<string>();
  let knownMaxWords = 1;
  // The tokens inside a draft, marked in one array (a set of every index was ≈3% of the stage).
  const taken = new Uint8Array(tokens.length);
  for (const d of drafts) {
    known.add(spanText(text, tokens, d).toLowerCase());
    if (d.last - d.first > 1) known.add(tokens[d.last - 1]?.lower ?? '');
    knownMaxWords = Math.max(knownMaxWords, d.last - d.first);
    taken.fill(1, d.first, d.last);
  }
  for (const r of findCaselessRuns(tokens, known, knownMaxWords)) if (taken[r.first] !== 1) drafts.push(draftOf(r, undefined, undefined));
}

/** Generational suffixes that belong to a person's name and tell a son from his father. */
const NAME_SUFFIXES = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv']);

/** A person's name with the suffix written after it ("Harlan Voss Jr."), which the tagger leaves out. */
function withSuffix(tokens: readonly EntityToken[], run: TokenRun): TokenRun {
  const next = tokens[run.last];
  const dot = tokens[run.last + 1];
  if (!next || next.sentence !== tokens[run.last - 1]?.sentence || !NAME_SUFFIXES.has(next.lower)) return run;
  // "Jr" and "." may come as two tokens.
  const last = (next.lower === 'jr' || next.lower === 'sr') && dot?.text === '.' && dot.start === next.end ? run.last + 2 : run.last + 1;
  return { first: run.first, last };
}

/**
 * In a headline written in title case ("Minister Meets Harbour Council Amid Port Strike") capitals mark every word,
 * so the tagger's names there are kept only when the article names them elsewhere or a list has them; the
 * caseless-run rule then adds what it missed. Lines all in capitals are left to the tagger, which learned them from
 * the training text (dropping its names there cost conllpp_dev F1 0.892 → 0.887).
 */
function dropUnknownTitleCase(text: string, tokens: readonly EntityToken[], drafts: Draft[]): void {
  const titleCase = new Set<number>();
  for (const t of tokens) if (t.caseless && hasLowerLetter(t.word)) titleCase.add(t.sentence);
  if (titleCase.size === 0) return;
  const inTitleCase = (d: Draft): boolean => {
    const first = tokens[d.first];
    return first?.caseless === true && titleCase.has(first.sentence);
  };
  // Only the title-case names no list has need the body's names, and the body's names are compared with those few
  // keys in place (keying every one of them, a slice and a memo lookup each, was ≈2% of the stage).
  const unlisted = new Set<string>();
  for (const d of drafts) {
    if (!inTitleCase(d)) continue;
    const key = gazetteerKey(spanText(text, tokens, d));
    if (gazetteerKind(key) === undefined) unlisted.add(key);
  }
  if (unlisted.size === 0) return;
  const named = new Set<string>();
  for (const b of drafts) {
    if (tokens[b.first]?.caseless) continue;
    const start = tokens[b.first]?.start ?? 0;
    const end = tokens[b.last - 1]?.end ?? 0;
    for (const key of unlisted) if (spanHasKey(text, start, end, key)) named.add(key);
  }
  const kept = drafts.filter((d) => {
    if (!inTitleCase(d)) return true;
    const key = gazetteerKey(spanText(text, tokens, d));
    return named.has(key) || gazetteerKind(key) !== undefined;
  });
  drafts.splice(0, drafts.length, ...kept);
}

/** A draft as a typed name: the tagger's type (with the rules' overrides), else the lists', else organisation. */
function typedDraft(text: string, tokens: readonly EntityToken[], d: Draft): TypedName {
  const start = tokens[d.first]?.start ?? 0;
  const end = tokens[d.last - 1]?.end ?? start;
  const surface = text.slice(start, end);
  const type = d.type ? ruledType(tokens, d, d.type) : listedType(surface);
  return typedName(text, d, start, end, surface, type, type === 'person' ? d.role : undefined);
}

/** The type the lists give a name the tagger did not type, else the one-word fallback. */
function listedType(surface: string): EntityType {
  const kind = gazetteerKind(surface);
  return kind ? KIND_TYPE[kind] : ENTITY_DEFAULTS.singleWordFallback;
}

/** A typed name in its one object shape, with the role's text read from the article. */
function typedName(text: string, d: Draft, start: number, end: number, surface: string, type: EntityType, role: RoleSpan | undefined): TypedName {
  const roleWithText = role ? { start: role.start, end: role.end, honorific: role.honorific, text: text.slice(role.start, role.end) } : undefined;
  return { first: d.first, last: d.last, start, end, text: surface, type, role: roleWithText };
}

/** Removes department words inside a role ("la ministra de Transporte, …"): part of the role, not an entity. */
function dropDepartments(tokens: readonly EntityToken[], drafts: Draft[]): void {
  const roles = drafts.flatMap((d) => (d.role ? [d.role] : []));
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    const start = tokens[d?.first ?? 0]?.start ?? 0;
    const before = tokens[(d?.first ?? 0) - 1]?.lower ?? '';
    if (d && DEPARTMENT_LINKS.has(before) && roles.some((r) => r.start <= start && start < r.end)) drafts.splice(i, 1);
  }
}

const DEPARTMENT_LINKS = new Set(['of', 'de', 'del']);

function spanText(text: string, tokens: readonly EntityToken[], run: TokenRun): string {
  return text.slice(tokens[run.first]?.start ?? 0, tokens[run.last - 1]?.end ?? 0);
}

/**
 * Types every draft from its own cues, then makes the article consistent: mentions of the same name share the
 * summed evidence, a one-word name that ends a person's full name is that person, and one that starts an
 * organisation's name is that organisation.
 */
function typeDrafts(text: string, tokens: readonly EntityToken[], drafts: readonly Draft[], options: Required<EntitiesOptions>): TypedName[] {
  const own = drafts.map((d) => scoreName(tokens, d.first, d.last, spanText(text, tokens, d), d.role !== undefined));
  const byKey = new Map<string, TypeScores>();
  drafts.forEach((d, i) => {
    const key = gazetteerKey(spanText(text, tokens, d));
    const sum = byKey.get(key) ?? noScores();
    addScores(sum, own[i] ?? noScores());
    byKey.set(key, sum);
  });
  // Short forms: "Vidal" after "Mateo Vidal" is a person, "Cofinec" after "Cofinec S.A." an organisation.
  const surnames = new Set<string>();
  const firmNames = new Set<string>();
  for (const [key, s] of byKey) {
    const words = key.split(' ');
    if (words.length < 2) continue;
    const type = bestType(s, 'person');
    if (type === 'person') {
      surnames.add(words[words.length - 1] ?? '');
      if (words.length > 2) surnames.add(words.slice(-2).join(' '));
    } else if (type === 'org') firmNames.add(words[0] ?? '');
  }
  for (const [key, s] of byKey) {
    if (surnames.has(key)) s.person += CUE_WEIGHTS.role;
    else if (firmNames.has(key)) s.org += CUE_WEIGHTS.role;
  }
  return drafts.map((d, i) => {
    const surface = spanText(text, tokens, d);
    const mine = own[i] ?? noScores();
    const shared = byKey.get(gazetteerKey(surface)) ?? noScores();
    const fallbackType = d.last - d.first > 1 ? 'person' : options.singleWordFallback;
    const ruleType = strength(mine) >= OWN_EVIDENCE_TO_OVERRIDE ? bestType(mine, fallbackType) : bestType(shared, fallbackType);
    const start = tokens[d.first]?.start ?? 0;
    const end = tokens[d.last - 1]?.end ?? start;
    const type = ruleType;
    return typedName(text, d, start, end, surface, type, d.role);
  });
}
