import { canonicalKey, type StoryEntity } from '../annotate/entities/index.js';
import { fold, stopwordsFor } from '../link/anchors.js';
import { type Article, layer } from '../model/article.js';
import type { CitationOut, StoryOut } from '../model/contract.js';

type QuoteOut = StoryOut['quotes'][number];

/** Share of the shorter quote's content words found in the longer one for a lightly re-worded quote. */
const SAME_QUOTE = 0.6;
/**
 * Content words two quotes must share besides the share: with a share alone, a three-word fragment ("the United
 * States") is "contained" in every quote that names the country.
 */
const MIN_SHARED = 4;
/** Of them, words not written capitalised: two sentences naming the same people and places are not one statement. */
const MIN_PLAIN = 2;
/** Words a trimmed quote keeps at least to join the quote it was cut from on its unbroken words alone. */
const TRIM_WORDS = 5;
/**
 * Giving the same words to two different speakers is a warning the dossier shows, so it needs near-identical words:
 * one unbroken run of at least this many words…
 */
const CROSS_RUN = 6;
/** …covering at least this share of the shorter quote's words. */
const CROSS_COVER = 0.8;
/**
 * English words that carry no statement, beside the language's stopword list (a short one: "will", "not", "its" and
 * the reporting verbs are missing from it, and two quotes sharing them share nothing).
 */
const FUNCTION_WORDS = new Set('will not no its it is she they us her i shall may does just so yet says say saying told according going'.split(' '));
/** Words of each quote the run is sought in: bounds the quadratic search; a quote this long is rarely reprinted whole. */
const RUN_WORDS = 200;

interface Mention {
  text: string;
  words: string[];
  /** The words joined by spaces: a reprint's are the same. */
  phrase: string;
  /** The words without function words, as a set: what a re-wording keeps. */
  content: Set<string>;
  /** The content words not written capitalised: what the statement says rather than whom it names. */
  plain: Set<string>;
  speaker: string | null;
  /** The text names a speaker for it (kept when a nested report's speaker is dropped). */
  attributed: boolean;
  /** The speaker when it is a named person, organisation or group of the story. */
  agent: string | null;
  kind: 'direct' | 'reported';
  citation: CitationOut;
}

/**
 * Quotes across the outlets of a story: one statement (a reprint, a trimmed quote, a lightly re-worded one) merged
 * into one quote with its variants, speakers resolved to the story's entities, and the same words given to different
 * speakers flagged in `otherSpeakers`. A quote joins a group by matching the group's first quote, never another
 * member, so two different statements do not chain through a third that shares words with each. Direct quotes
 * first, then by how many articles carry them.
 */
export function mergeQuotes(articles: readonly Article[], entities: readonly StoryEntity[]): QuoteOut[] {
  const resolve = speakerResolver(entities);
  const agents = new Map(entities.flatMap((e) => (e.type === 'person' || e.type === 'org' || e.type === 'group' ? [[e.name, e.type] as const] : [])));
  const mentions: Mention[] = [];
  for (const a of articles) {
    const stop = stopwordsFor(a.language);
    for (const q of layer(a, 'quotes')) {
      const written = q.text.match(/[\p{L}\p{N}]+/gu) ?? [];
      if (written.length < 3) continue;
      const words = written.map((w) => w.toLowerCase());
      const speaker = q.speaker ? resolve(q.speaker) : null;
      // A one-letter word is a clitic or an initial ("it's", "J."), not content the statement carries.
      const content = new Set(words.map(fold).filter((w) => w.length > 1 && !stop.has(w) && !FUNCTION_WORDS.has(w)));
      const lower = written.filter((w) => !/^\p{Lu}/u.test(w)).map(fold);
      mentions.push({
        text: q.text,
        words,
        phrase: words.join(' '),
        content,
        plain: new Set(lower.filter((w) => content.has(w))),
        speaker,
        attributed: speaker !== null,
        agent: speaker !== null && agents.has(speaker) ? speaker : null,
        kind: q.kind,
        citation: { articleId: a.id, start: q.start, end: q.end },
      });
    }
  }
  const groups: Mention[][] = [];
  const index = new Map<string, number[]>();
  const groupOf = new Map<Mention, number>();
  for (const [i, m] of mentions.entries()) {
    const target = nestedIn(mentions, i, groupOf) ?? bestGroup(m, groups, index);
    (groups[target] as Mention[]).push(m);
    groupOf.set(m, target);
  }
  return groups.map((g) => toQuote(g, agents)).sort((x, y) => (x.kind === y.kind ? y.citations.length - x.citations.length : x.kind === 'direct' ? -1 : 1));
}

/**
 * The group of an earlier quote of the same article whose span holds this one's or lies inside it: one passage read
 * twice, as a report and the report nested in it ("Police said [he is believed [to have fled]]"). The inner one's
 * speaker is the nested report's subject, not a second speaker of the words, so it is dropped when the outer one
 * names a speaker.
 */
function nestedIn(mentions: readonly Mention[], i: number, groupOf: ReadonlyMap<Mention, number>): number | undefined {
  const m = mentions[i] as Mention;
  for (let j = i - 1; j >= 0; j--) {
    const o = mentions[j] as Mention;
    if (o.citation.articleId !== m.citation.articleId) break;
    if (o.kind !== m.kind) continue;
    const [inner, outer] = o.citation.end - o.citation.start <= m.citation.end - m.citation.start ? [o, m] : [m, o];
    if (inner.citation.start < outer.citation.start || inner.citation.end > outer.citation.end) continue;
    if (outer.attributed) inner.speaker = null;
    return groupOf.get(o);
  }
  return undefined;
}

/** The group whose first quote `m` tells best, or a new group (indexed by its words) when none does. */
function bestGroup(m: Mention, groups: Mention[][], index: Map<string, number[]>): number {
  // Groups are found by their first quote's content words, and by its whole text for a quote of function words.
  const keys = [...m.content, `=${m.phrase}`];
  const candidates = new Set<number>();
  for (const w of keys) for (const g of index.get(w) ?? []) candidates.add(g);
  let target: number | undefined;
  let best = 0;
  for (const g of [...candidates].sort((x, y) => x - y)) {
    const group = groups[g] as Mention[];
    const score = sameStatement(group[0] as Mention, m, group);
    if (score > best) [target, best] = [g, score];
  }
  if (target !== undefined) return target;
  const created = groups.push([]) - 1;
  for (const w of keys) {
    const listed = index.get(w);
    if (listed) listed.push(created);
    else index.set(w, [created]);
  }
  return created;
}

/**
 * How surely `m` tells the statement `head` founded (0: not it). The same words are one statement, and so is a quote
 * trimmed from another; a re-worded quote must share enough content words, some of them words of what is said rather
 * than names. A quote given to a named person or body of the story other than the group's named speakers joins only
 * with near-identical words from another article, since joining it is the claim that the outlets gave the same words
 * to another speaker. A speaker the story does not name ("officials", "the navy") may be any of them: the usual bar.
 */
function sameStatement(head: Mention, m: Mention, group: readonly Mention[]): number {
  if (head.kind !== m.kind) return 0;
  const agent = m.speaker ? m.agent : null;
  const named = agent ? group.flatMap((o) => (o.agent && o.speaker ? [o.agent] : [])) : [];
  if (agent && named.length > 0 && !named.some((s) => sameSpeaker(s, agent))) {
    // One article giving overlapping words to two speakers nests one report in another ("A said B believes …").
    if (head.citation.articleId === m.citation.articleId) return 0;
    const short = Math.min(head.words.length, m.words.length, RUN_WORDS);
    const run = longestRun(head.words, m.words);
    return run >= CROSS_RUN && run >= CROSS_COVER * short ? 1 + run / short : 0;
  }
  if (head.phrase === m.phrase) return 3;
  let shared = 0;
  for (const w of m.content) if (head.content.has(w)) shared++;
  // A trimmed quote: all its words, in order and unbroken, inside the other ("We will not sell"). Sought only when
  // the other holds all its content words, which it must.
  const short = Math.min(head.words.length, m.words.length);
  const trimmed = shared > 0 && shared === Math.min(head.content.size, m.content.size) && short >= TRIM_WORDS;
  if (trimmed && longestRun(head.words, m.words) === Math.min(short, RUN_WORDS)) return 2;
  let plain = 0;
  for (const w of m.plain) if (head.plain.has(w)) plain++;
  const share = shared / Math.max(1, Math.min(head.content.size, m.content.size));
  return shared >= MIN_SHARED && plain >= MIN_PLAIN && share >= SAME_QUOTE ? share : 0;
}

/** One speaker named two ways: the same name, or one name's words within the other's ("Brandt", "Sgt. Ola Brandt"). */
function sameSpeaker(a: string, b: string): boolean {
  if (a === b) return true;
  const x: string[] = a.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const y: string[] = b.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length > 0 && short.every((w) => long.includes(w));
}

/** The longest run of words the two lists have in common, in order and unbroken (within their first RUN_WORDS). */
function longestRun(a: readonly string[], b: readonly string[]): number {
  if (a.length > RUN_WORDS || b.length > RUN_WORDS) return longestRun(a.slice(0, RUN_WORDS), b.slice(0, RUN_WORDS));
  let best = 0;
  // Two rows of run lengths, swapped per word of `a` (a fresh row a word was most of the search's allocation).
  let previous = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (const x of a) {
    for (let j = 0; j < b.length; j++) {
      const run = x === b[j] ? (previous[j] as number) + 1 : 0;
      row[j + 1] = run;
      if (run > best) best = run;
    }
    [previous, row] = [row, previous];
  }
  return best;
}

function toQuote(group: Mention[], agents: ReadonlyMap<string, string>): QuoteOut {
  const speakers = new Map<string, number>();
  for (const m of group) if (m.speaker) speakers.set(m.speaker, (speakers.get(m.speaker) ?? 0) + 1);
  const ranked = [...speakers.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const main = group.reduce((best, m) => (m.text.length > best.text.length ? m : best), group[0] as Mention);
  const variants = new Map<string, CitationOut[]>();
  for (const m of group) {
    if (normalize(m.text) === normalize(main.text)) continue;
    variants.set(m.text, [...(variants.get(m.text) ?? []), m.citation]);
  }
  return {
    speaker: ranked[0]?.[0] ?? null,
    text: main.text,
    kind: main.kind,
    citations: group.filter((m) => normalize(m.text) === normalize(main.text)).map((m) => m.citation),
    variants: [...variants.entries()].map(([text, citations]) => ({ text, citations })),
    otherSpeakers: warnedSpeakers(ranked, agents),
  };
}

/**
 * The speakers to warn about beside the first: only named agents of the story (a phrase the parser took for a
 * speaker is noise), of the same type as the first agent (a spokesman's words are also his body's), and not the
 * first named another way.
 */
function warnedSpeakers(ranked: ReadonlyArray<[string, number]>, agents: ReadonlyMap<string, string>): string[] {
  const named = ranked.flatMap(([name]) => (agents.has(name) ? [name] : []));
  const first = named[0];
  if (first === undefined) return [];
  return named.slice(1).filter((name) => agents.get(name) === agents.get(first) && !sameSpeaker(name, first));
}

/** Maps a speaker name to the story entity it names (by canonical key of the name or an alias). */
function speakerResolver(entities: readonly StoryEntity[]): (name: string) => string {
  const byKey = new Map<string, string>();
  for (const e of entities) for (const n of [e.name, ...e.aliases]) if (!byKey.has(canonicalKey(n))) byKey.set(canonicalKey(n), e.name);
  return (name) => byKey.get(canonicalKey(name)) ?? name;
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
