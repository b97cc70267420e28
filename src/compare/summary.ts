import { type Article, layer } from '../model/article.js';
import type { CitationOut, StoryOut } from '../model/contract.js';
import type { Story } from '../model/story.js';
import type { Fact } from './facts.js';
import { contentTerms, type FactUnit } from './units.js';

type Summary = StoryOut['summary'];

/** Fewest and most sentences in a summary (fewer only when the story has fewer whole sentences to cite). */
const MIN_SUMMARY = 4;
const MAX_SUMMARY = 7;
/** Most lead sentences taken from the most recent articles (the arc's end). */
const LATEST_LEADS = 2;
/** Most conflicts stated in a summary: the rest are in the Conflicts section. */
const MAX_CONFLICTS = 2;
/** Word-set overlap above which a candidate repeats a sentence already chosen. */
const NEAR_REPEAT = 0.5;
/** Fewest words in a summary sentence: shorter ones are labels or fragments. */
const MIN_WORDS = 8;
/**
 * Weights of a candidate's score. An independent source counts most; a sentence from the first paragraphs of its
 * article (where news writing puts who, what, when and where) and one from the story's central happening come next;
 * `headline` scales the mean share of each headline's words the sentence repeats (headlines name the happening).
 * Set by reading the summaries of the seeds and of ECB+ sub-topics (odd topics) as a journalist, not fitted.
 */
const WEIGHT = { source: 2, lead: 1.5, central: 1.5, dated: 0.5, future: -1, headline: 4 } as const;
/**
 * A sentence that needs the one before it: it opens with a pronoun or a connective, or sets a connective off in
 * commas after its subject. Closed grammatical classes, English and Spanish.
 */
const DEPENDENT =
  /^(?:(?:he|she|it|they|this|that|these|those|his|her|its|their|él|ella|ellos|ellas|esto|este|esta|ese|esa)\b|(?:instead|however|meanwhile|also|still|yet|but|and|so|then|moreover|besides|sin embargo|además|mientras tanto|también|pero|y)\b)|^[^,]{1,60}, (?:meanwhile|however|though|too|also|in turn|sin embargo|por su parte),/iu;

/** Cue kinds that make a sentence speculation or judgement rather than a statement of what happened. */
const NOT_NEUTRAL: ReadonlySet<string> = new Set(['hedge', 'opinion', 'loaded', 'promotional', 'first-person', 'imperative']);
/** Paragraph sentences counted as the lead of an article (a lead bonus is given per article leading with it). */
const LEAD_SENTENCES = 3;

/** A summary candidate: a fact with a whole sentence to show and what the ranking needs to know about it. */
interface Candidate {
  fact: Fact;
  text: string;
  citations: CitationOut[];
  /** Position among its article's body sentences (0 = the lead), the best over its citations. */
  rank: number;
  /** Calendar date its sentences give, else its earliest article's publication date ('' when neither). */
  date: string;
  inCentral: boolean;
  /** Its own sentences give a calendar date (not only the article's publication date). */
  dated: boolean;
  /** Canonical names its sentences mention. */
  names: Set<string>;
  /** Tells a plan or an expectation ("will travel", "is expected to"). */
  future: boolean;
  score: number;
}

/**
 * A summary a reader can trust in a minute: the story's central happening first (the best-sourced lead sentence of
 * its biggest event), then its conflicts, then the best-corroborated developments in time order. Only whole
 * sentences (never from mid-quote, never a bullet or dateline prefix), no hedged or opinion lines, no near-repeats,
 * no plan that the central happening overtook. Every sentence is a fact's own words with its citations and the
 * number of independent sources behind it; nothing is paraphrased.
 */
export function summarize(story: Story, articles: ReadonlyMap<string, Article>, facts: readonly Fact[], units: readonly FactUnit[]): Summary {
  const central = centralEvent(story);
  const headlines = story.articleIds.flatMap((id) => {
    const title = articles.get(id)?.title;
    const terms = title ? contentTerms(title.match(/[\p{L}\p{N}]+/gu) ?? []) : new Set<string>();
    return terms.size > 0 ? [terms] : [];
  });
  const dateOf = articleDates(story, articles);
  const places = unitPlaces(units);
  const candidates = facts.flatMap((fact) => candidate(fact, articles, places, central, headlines, dateOf) ?? []);
  const chosen: Candidate[] = [];
  const repeats = (c: Candidate): boolean => {
    const words = wordSet(c.text);
    return chosen.includes(c) || chosen.some((o) => overlap(wordSet(o.text), words) > NEAR_REPEAT || sameHappening(o, c));
  };
  const take = (c: Candidate): boolean => {
    if (repeats(c)) return false;
    chosen.push(c);
    return true;
  };
  const lead = [...candidates].filter((c) => !c.future && (c.inCentral || central === null)).sort(byScore)[0] ?? [...candidates].sort(byScore)[0];
  if (lead) take(lead);
  // The arc's end: the latest happening a sentence dates itself, when it is later than the lead.
  const latest = candidates
    .filter((c) => lead?.dated && c.dated && c.inCentral && !c.future && c.date > lead.date)
    .sort((a, b) => b.date.localeCompare(a.date) || byScore(a, b))[0];
  const arcEnd: Candidate[] = [];
  if (latest && take(latest)) arcEnd.push(latest);
  // The story's latest word: what the most recent articles lead with (how things stand now).
  let leads = 0;
  // Only a story the linker saw develop over several events has a latest word apart from its central happening.
  for (const c of central === null ? [] : latestLeads(dateOf, candidates)) {
    if (leads < LATEST_LEADS && take(c)) {
      arcEnd.push(c);
      leads++;
    }
  }
  // The main conflicts, both sides together: they say nearly the same words by nature, so they are not repeats of
  // each other, only of what was already chosen.
  const byFact = new Map(candidates.map((c) => [c.fact, c]));
  const conflictSides: Candidate[] = [];
  for (const [i, f] of facts.entries()) {
    for (const j of f.conflictsWith) {
      const a = byFact.get(f);
      const b = byFact.get(facts[j] as Fact);
      if (j < i || !a || !b || conflictSides.length >= 2 * MAX_CONFLICTS) continue;
      // A side already chosen (the lead may be one) stays where it is; the other joins it.
      const fresh = [a, b].filter((c) => !chosen.includes(c));
      if (fresh.some(repeats)) continue;
      chosen.push(...fresh);
      conflictSides.push(...fresh);
    }
  }
  const ranked = [...candidates].sort(byScore);
  for (const c of ranked) if (chosen.length < MAX_SUMMARY && c.fact.independentSources >= 2) take(c);
  // A single-source line only fills a summary up to MIN_SUMMARY: beyond it only corroborated facts are worth it.
  for (const c of ranked) if (chosen.length < MIN_SUMMARY) take(c);
  // The central happening first, then its conflicts, the arc's end last, and between them the rest in time order.
  const [first, ...rest] = chosen;
  const middle = rest.filter((c) => !arcEnd.includes(c) && !conflictSides.includes(c)).sort((a, b) => a.date.localeCompare(b.date) || a.rank - b.rank);
  const ordered = first ? [first, ...conflictSides.filter((c) => c !== first), ...middle, ...arcEnd.filter((c) => c !== first)] : [];
  return ordered.map((c) => ({ text: c.text, citations: c.citations, independentSources: c.fact.independentSources, sources: c.fact.sources ?? [] }));
}

/**
 * Two sentences that tell one happening in other words: dated to the same day by their own words, naming two or more
 * of the same people or places, and sharing a content word ("arrived … for talks" and "is flying … for talks").
 */
function sameHappening(a: Candidate, b: Candidate): boolean {
  if (!a.dated || !b.dated || a.date.length < 10 || a.date !== b.date) return false;
  let shared = 0;
  for (const n of a.names) if (b.names.has(n)) shared++;
  return shared >= 2 && overlap(wordSet(a.text), wordSet(b.text)) > 0;
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.rank - b.rank || a.date.localeCompare(b.date);
}

/** The event most independent sources cover (ties: the later), or null when the story has one event or none. */
function centralEvent(story: Story): Set<string> | null {
  if (story.events.length < 2) return null;
  const sourceOf = new Map<string, string>();
  for (const s of story.sources) for (const id of s.articleIds) sourceOf.set(id, s.name);
  const weight = (e: Story['events'][number]): number => new Set(e.articleIds.map((id) => sourceOf.get(id) ?? id)).size;
  const best = [...story.events].sort((a, b) => weight(b) - weight(a) || (b.date ?? '').localeCompare(a.date ?? ''))[0];
  return best ? new Set(best.articleIds) : null;
}

/** A fact as a summary candidate, or null when it has no whole, unhedged sentence or is a plan overtaken by events. */
function candidate(
  fact: Fact,
  articles: ReadonlyMap<string, Article>,
  places: UnitPlaces,
  central: Set<string> | null,
  headlines: ReadonlyArray<Set<string>>,
  dateOf: ReadonlyMap<string, string>,
): Candidate | null {
  if (fact.hedged) return null;
  let shown: { text: string; citation: CitationOut } | null = null;
  let original: CitationOut | undefined;
  for (const c of fact.citations) {
    const article = articles.get(c.articleId);
    // A fact may be one clause of a sentence: the summary shows (and cites) the whole sentence it stands in.
    const sentence = article ? sentenceAround(article, c) : null;
    shown = article && sentence ? wholeSentence(article.text, sentence) : null;
    original = c;
    if (shown) break;
  }
  if (!shown) return null;
  const picked = shown.citation;
  const inCentral = central === null || fact.citations.some((c) => central.has(c.articleId));
  const cuesIn = (c: CitationOut): string[] =>
    layer(articles.get(c.articleId) as Article, 'cues')
      .filter((q) => q.start >= c.start && q.end <= c.end)
      .map((q) => q.kind);
  // The words shown must state, not speculate or judge: a hedge, an opinion or a framing cue leaves the fact out.
  if (cuesIn(picked).some((k) => NOT_NEUTRAL.has(k))) return null;
  // A summary line stands alone: one that leans on the sentence before it ("He …", "Instead, …") is left out.
  if (DEPENDENT.test(shown.text)) return null;
  const future = fact.citations.some((c) => cuesIn(c).includes('future'));
  // An announcement the central happening overtook ("will travel … in the coming weeks") is history, not news.
  if (future && central !== null && !inCentral) return null;
  const ranks = fact.citations.map((c) => bodyRank(articles.get(c.articleId), c.start));
  const rank = Math.min(...ranks);
  // How many articles lead with it: what several outlets put first is what the story is about.
  const leads = new Set(fact.citations.filter((_, i) => (ranks[i] as number) < LEAD_SENTENCES).map((c) => c.articleId)).size;
  const own = citedUnits(fact, places);
  const date = factDate(fact, dateOf, own);
  const dated = own.some((u) => u.dates.length > 0);
  const names = new Set(own.flatMap((u) => [...u.entities]));
  const score =
    WEIGHT.source * fact.independentSources +
    WEIGHT.lead * leads +
    (inCentral ? WEIGHT.central : 0) +
    (dated ? WEIGHT.dated : 0) +
    (future ? WEIGHT.future : 0) +
    WEIGHT.headline * headlineShare(shown.text, headlines);
  const citations = [picked, ...fact.citations.filter((c) => c !== original)];
  return { fact, text: shown.text, citations, rank, date, inCentral, dated, names, future, score };
}

/** A list marker, or a dateline ("LIMA —", "MEXICO CITY (AP) —", "GYŐR, Hungary —"), before a sentence: not part of it. */
const PREFIX = /^(?:[-–—•*]\s+|\p{Lu}[\p{Lu}\s.,'()]{1,40}(?:,\s\p{Lu}[\p{L}.]{1,30})?\s[—–]\s)/u;

/**
 * The cited words as a whole sentence, with a list marker or dateline before it moved out of the citation; null
 * when they do not read as one (start in lower case or inside a quote, unpaired quote marks, no final stop).
 */
export function wholeSentence(text: string, c: CitationOut): { text: string; citation: CitationOut } | null {
  let start = c.start;
  const prefix = PREFIX.exec(text.slice(start, Math.min(c.end, start + 60)));
  if (prefix) start += prefix[0].length;
  const shown = text.slice(start, c.end).trim();
  if (!/^[\p{Lu}\p{N}“"‘«]/u.test(shown) || !/[.!?]["”’»]?$/u.test(shown) || /(?:\.\.|…)["”’»]?$/u.test(shown)) return null;
  if ((shown.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_WORDS) return null;
  // Quote marks must pair: an odd straight quote or an unmatched curly one means the words start or end inside a
  // quote. Single marks are left alone: ’ is also the apostrophe.
  const count = (re: RegExp): number => (shown.match(re) ?? []).length;
  if (count(/"/g) % 2 !== 0 || count(/“/g) !== count(/”/g) || count(/«/g) !== count(/»/g)) return null;
  const offset = text.indexOf(shown, start);
  return { text: shown, citation: { articleId: c.articleId, start: offset, end: offset + shown.length } };
}

/** Mean share of each headline's content words that the sentence repeats (0 when no article has a headline). */
function headlineShare(text: string, headlines: ReadonlyArray<Set<string>>): number {
  if (headlines.length === 0) return 0;
  const terms = contentTerms(text.match(/[\p{L}\p{N}]+/gu) ?? []);
  let sum = 0;
  for (const h of headlines) {
    let shared = 0;
    for (const t of h) if (terms.has(t)) shared++;
    sum += shared / h.size;
  }
  return sum / headlines.length;
}

/** The sentence of the article that holds a citation, as a citation. */
function sentenceAround(article: Article, c: CitationOut): CitationOut | null {
  const s = layer(article, 'sentences').find((x) => x.start <= c.start && c.end <= x.end);
  return s ? { articleId: c.articleId, start: s.start, end: s.end } : null;
}

/** Each article's date: its publication date, else its event's date when the linker dated the event. */
function articleDates(story: Story, articles: ReadonlyMap<string, Article>): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of story.events) for (const id of e.articleIds) if (e.date) out.set(id, e.date);
  for (const id of story.articleIds) {
    const published = articles.get(id)?.published.date;
    if (published) out.set(id, published);
  }
  return out;
}

/** Candidates in the lead of the most recent articles, lead first (none when all articles share one date). */
function latestLeads(dateOf: ReadonlyMap<string, string>, candidates: readonly Candidate[]): Candidate[] {
  const dates = [...new Set([...dateOf.values()].map((d) => d.slice(0, 10)))].sort();
  if (dates.length < 2) return [];
  const newest = dates[dates.length - 1] as string;
  const ids = new Set([...dateOf.entries()].filter(([, d]) => d.startsWith(newest)).map(([id]) => id));
  return candidates
    .filter((c) => !c.future && c.rank < LEAD_SENTENCES && c.citations.some((x) => ids.has(x.articleId)))
    .sort((a, b) => a.rank - b.rank || b.date.localeCompare(a.date) || byScore(a, b));
}

/** How many body (paragraph) sentences of the article come before the offset. */
function bodyRank(article: Article | undefined, at: number): number {
  if (!article) return Number.MAX_SAFE_INTEGER;
  const blocks = layer(article, 'blocks');
  let rank = 0;
  for (const s of layer(article, 'sentences')) {
    if (s.end > at) break;
    const kind = s.blockIndex === undefined ? 'paragraph' : blocks[s.blockIndex]?.kind;
    if (kind === 'paragraph' || kind === 'list-item') rank++;
  }
  return rank;
}

/** The date a fact's own sentences give most often, else the earliest date among its articles. */
function factDate(fact: Fact, dateOf: ReadonlyMap<string, string>, own: readonly FactUnit[]): string {
  const counts = new Map<string, number>();
  for (const u of own) for (const d of u.dates) counts.set(d, (counts.get(d) ?? 0) + 1);
  const said = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0]?.[0];
  if (said) return said;
  const published = fact.citations.map((c) => dateOf.get(c.articleId) ?? '').filter((d) => d !== '');
  return published.sort()[0] ?? '';
}

/** The story's units by article and start offset (each list in unit order): where a citation finds its claims. */
type UnitPlaces = ReadonlyMap<string, ReadonlyMap<number, ReadonlyArray<{ index: number; unit: FactUnit }>>>;

function unitPlaces(units: readonly FactUnit[]): UnitPlaces {
  const places = new Map<string, Map<number, Array<{ index: number; unit: FactUnit }>>>();
  units.forEach((unit, index) => {
    let starts = places.get(unit.articleId);
    if (!starts) places.set(unit.articleId, (starts = new Map()));
    const list = starts.get(unit.start);
    if (list) list.push({ index, unit });
    else starts.set(unit.start, [{ index, unit }]);
  });
  return places;
}

/**
 * The units a fact cites (same article, same start), in unit order: looked up by place, not by walking every unit
 * of the story for every fact (quadratic in a story of hundreds of articles).
 */
function citedUnits(fact: Fact, places: UnitPlaces): FactUnit[] {
  const found = new Map<number, FactUnit>();
  for (const c of fact.citations) for (const { index, unit } of places.get(c.articleId)?.get(c.start) ?? []) found.set(index, unit);
  return [...found.entries()].sort((x, y) => x[0] - y[0]).map(([, unit]) => unit);
}

/**
 * The words that say what a sentence tells: lower-case words of four letters or more. Names are left out, since two
 * sentences about the same people are repeats only when they say the same thing about them.
 */
function wordSet(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}])\p{Ll}{4,}/gu) ?? []);
}

function overlap(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter === 0 ? 0 : inter / Math.min(a.size, b.size);
}
