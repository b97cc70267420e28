import { de, en, es, fr, it, nl, pt } from 'chrono-node';
import * as stopword from 'stopword';
import { leadTense } from '../annotate/times/tense.js';
import type { Article } from '../model/article.js';
import { NOT_NAMES, NUMERIC_DATE, STOPWORD_LISTS } from './vocabulary.js';

/**
 * What the story linker compares: anchors read from an article. Names, numbers and dates are language-independent
 * (a Spanish article about "Mateo Vidal" and "2 de septiembre de 2025" shares them with an English one); terms are
 * not, and weigh less. The annotation layers are used when present (entities, times, quantities); otherwise cheap
 * fallbacks read the text, so linking works on articles no annotator has seen. Plain data: JSON round-trips.
 */
export interface Anchors {
  /** Which reading of the article this is: entries of another version are read again (see `ANCHORS_VERSION`). */
  version: number;
  /**
   * Participant name tokens (lower-case, no diacritics) with counts: people, organisations and other names, not
   * the byline. "Mateo Vidal" gives `mateo` and `vidal`. Without an entities layer, every capitalised name.
   */
  names: Record<string, number>;
  /**
   * Place and group name tokens ("Puerto Almendral", "Chilean"), from the entities layer only: many unrelated
   * stories share a place, so they say less about which story an article tells than people and organisations.
   */
  places: Record<string, number>;
  /** Content words cut to a fixed prefix (a language-free stand-in for stemming), with counts. */
  terms: Record<string, number>;
  /** Numbers of two digits or more as bare digits, so "1,500" and "1.500" agree across languages. */
  numbers: string[];
  /** Absolute dates the text mentions: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  dates: string[];
  /**
   * The article's own date: its publication date, else a full date in its opening lines (a dateline), else the day
   * its own text mentions most (`XXXX-MM-DD` when no year is written). Null when it names no day: a month named in
   * an undated text ("his tour in February") is as often background as the article's own time, so it dates nothing
   * (the seeds' undated announcement was dated by a recalled February). An embedded post's date dates nothing: a
   * post quoted from months earlier once dated a whole event.
   */
  when: string | null;
  /** Names and terms of the headline and opening lines, which say what happened; the body adds background. */
  lead: { names: Record<string, number>; terms: Record<string, number> };
  /**
   * Whether the lead tells its happening as still to come (`plan`: "will travel", "plans to visit") or as taking or
   * having taken place (`report`: "arrived", "met", "is flying on Tuesday"); null when its first sentence has no tense
   * cue. An announced visit and the visit are phases of one story; this tells their articles apart when dates cannot.
   */
  phase: 'plan' | 'report' | null;
}

/**
 * Bumped whenever `articleAnchors` reads articles differently, so saved linker entries of an older reading are
 * filed again from their articles instead of being compared with new ones (see `Linker.restore`).
 */
export const ANCHORS_VERSION = 5;
/** Text beyond this is not read: the opening of an article names its story, and hostile input stays cheap. */
const MAX_CHARS = 20_000;
/** Prefix length standing in for a stemmer ("arrested", "arrests" → "arrest"); 6 kept ECB+ sub-topics apart best. */
const TERM_PREFIX = 6;
/** A full date this close to the start is a dateline ("Posted June 13, 2013"), the article's own date. */
const DATELINE_CHARS = 400;
/** The lead: headline and first sentence or two, where news writing puts who did what. */
const LEAD_CHARS = 300;
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{Nd}'’-]{0,48}|\p{Nd}[\p{Nd}.,]{0,24}/gu;
const SENTENCE_BREAK = /[.!?\n“"(:|]/;
const YEAR = /^(?:19|20)\d\d$/;
const ISO_DATE = /^(?:\d{4}|XXXX)(?:-\d\d(?:-\d\d)?)?$/;

/** Reads the anchors of one article (layers when present, fallbacks otherwise). */
export function articleAnchors(article: Article): Anchors {
  const body = article.title && !article.text.startsWith(article.title) ? `${article.title}\n${article.text}` : article.text;
  const text = body.slice(0, MAX_CHARS);
  const stop = stopwordsFor(article.language);
  const read = readWords(text, stop);
  const lead = readWords(text.slice(0, LEAD_CHARS), stop);
  const { names, places } = article.layers.entities ? entityNames(article) : { names: read.names, places: {} };
  const numbers = article.layers.quantities ? article.layers.quantities.map((q) => digits(String(q.value))).filter((n) => n.length >= 2) : read.numbers;
  const mentioned = article.layers.times ? timeValues(article) : textDates(text, article.language);
  const dates = unique([...mentioned.map((d) => d.value), ...read.years]);
  const dateline = mentioned.find((d) => d.at < DATELINE_CHARS && /^\d{4}-\d\d-\d\d$/.test(d.value))?.value ?? null;
  const when = article.published.date ?? dateline ?? mostMentionedDay(mentioned);
  return {
    version: ANCHORS_VERSION,
    names,
    places,
    terms: read.terms,
    numbers: unique(numbers),
    dates,
    when,
    lead: { names: lead.names, terms: lead.terms },
    phase: phaseOf(article),
  };
}

/** The phase the lead tells (see `Anchors.phase`): the tense of the first sentence after the headline. */
function phaseOf(article: Article): Anchors['phase'] {
  let text = article.text.trimStart();
  if (article.title && text.startsWith(article.title)) text = text.slice(article.title.length).trimStart();
  const tense = leadTense(text.slice(0, LEAD_CHARS));
  return tense === null ? null : tense > 0 ? 'plan' : 'report';
}

/**
 * The day a text mentions most: news tells what happened on its own day more often than any background date.
 * Ties go to the latest, a day with a written year over the same day without one.
 */
function mostMentionedDay(mentioned: readonly DateAt[]): string | null {
  const counts = new Map<string, { n: number; value: string }>();
  for (const { value } of mentioned) {
    if (!/^(?:\d{4}|XXXX)-\d\d-\d\d$/.test(value)) continue;
    const day = value.slice(5);
    const seen = counts.get(day);
    const withYear = seen && !seen.value.startsWith('X') ? seen.value : value;
    counts.set(day, { n: (seen?.n ?? 0) + 1, value: withYear });
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n || b.value.slice(5).localeCompare(a.value.slice(5)))[0];
  return best?.value ?? null;
}

function readWords(text: string, stop: ReadonlySet<string>) {
  const lowerSeen = new Set<string>();
  for (const m of text.matchAll(WORD)) if (/^\p{Ll}/u.test(m[0])) lowerSeen.add(fold(m[0]));
  const firstLineEnd = text.indexOf('\n');
  // Without a prototype: "constructor" or "__proto__" in the text is a word to count, not a member to read.
  const names: Record<string, number> = Object.create(null);
  const terms: Record<string, number> = Object.create(null);
  const numbers: string[] = [];
  const years: string[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/(?:['’]s|['’.,-]+)$/u, '');
    const at = m.index;
    const initial = at === 0 || SENTENCE_BREAK.test(text.slice(prevEnd, at)) || at < firstLineEnd;
    prevEnd = at + m[0].length;
    if (/^\p{Nd}/u.test(raw)) {
      if (YEAR.test(raw)) years.push(raw);
      else numbers.push(digits(raw));
      continue;
    }
    const key = fold(raw);
    // "I've", "don't": a function word with a clitic is still a function word.
    if (key.length < 2 || stop.has(key) || stop.has(key.split(/['’]/)[0] ?? key)) continue;
    // A capitalised word opening a sentence or a title-case headline is a name only if the text never writes it
    // in lower case ("Police said" vs "the police").
    if (/^\p{Lu}/u.test(raw) && !NOT_NAMES.has(key) && !(initial && lowerSeen.has(key))) names[key] = (names[key] ?? 0) + 1;
    else if (key.length >= 4 && !NOT_NAMES.has(key)) {
      const term = key.slice(0, TERM_PREFIX);
      terms[term] = (terms[term] ?? 0) + 1;
    }
  }
  return { names, terms, numbers: numbers.filter((n) => n.length >= 2 && n.length <= 12), years };
}

/**
 * Name tokens of the entities layer, split into participants and places. A byline names the reporter, not a
 * participant: an outlet's reporter turns up in all its stories. A token that any mention in the article types as a
 * place or group counts as a place ("Almendral" in "Puerto Almendral" and in "Terminal Almendral", which the typer
 * may read as a person): a wrongly strong place would join stories that share only a town.
 */
function entityNames(article: Article): { names: Record<string, number>; places: Record<string, number> } {
  const bylines = (article.layers.blocks ?? []).filter((b) => b.kind === 'byline');
  const counts = new Map<string, number>();
  const placeLike = new Set<string>();
  for (const mention of article.layers.entities ?? []) {
    if (bylines.some((b) => mention.start >= b.start && mention.start < b.end)) continue;
    for (const token of fold(mention.canonical).split(/[^\p{L}\p{Nd}]+/u)) {
      if (token.length < 2 || NOT_NAMES.has(token)) continue;
      counts.set(token, (counts.get(token) ?? 0) + 1);
      if (mention.type === 'place' || mention.type === 'group') placeLike.add(token);
    }
  }
  const names: Record<string, number> = Object.create(null);
  const places: Record<string, number> = Object.create(null);
  for (const [token, n] of counts) (placeLike.has(token) ? places : names)[token] = n;
  return { names, places };
}

interface DateAt {
  value: string;
  at: number;
  text: string;
}

/**
 * Dates of the times layer. A date written "12/03/2026" was read in one convention and may be the other; without a
 * publication date it is also the likely reference of the relative days ("on Tuesday") resolved against the text,
 * so neither is trusted to date the article: an article dated nine months off would be cut from its event.
 */
function timeValues(article: Article): DateAt[] {
  const dates = (article.layers.times ?? []).filter((t) => t.type === 'date' && !t.inEmbed && ISO_DATE.test(t.value));
  const doubtful = !article.published.date && dates.some((t) => swappable(t.text));
  return dates
    .filter((t) => !doubtful || (!swappable(t.text) && !(t.relative && t.anchor === 'text')))
    .map((t) => ({ value: t.value, at: t.start, text: t.text }));
}

/** Whether a numeric date reads as a valid, different day with day and month swapped. */
function swappable(text: string): boolean {
  const m = NUMERIC_DATE.exec(text.trim());
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a !== b && a >= 1 && b >= 1 && a <= 12 && b <= 12;
}

/** Absolute dates only (strict parsing): "Tuesday" without a reference date says nothing about the story. */
function textDates(text: string, language: string): DateAt[] {
  const parser = CHRONO_BY_LANGUAGE[language] ?? en;
  const out: DateAt[] = [];
  for (const r of parser.strict.parse(text)) {
    // A date is written with a number ("Dec. 14"); chrono also fills month and day for "a day after".
    if (!r.start.isCertain('month') || !/\d/.test(r.text) || swappable(r.text)) continue;
    // chrono marks relative phrases ("an hour after") as certain of today's year: a year must be written. Without
    // one, a day of a month ("Dec. 14") is kept with an unknown year, TIMEX3-style: it still tells events apart.
    const year = r.start.isCertain('year') && /\d{4}/.test(r.text) ? String(r.start.get('year')) : 'XXXX';
    const month = `${year}-${String(r.start.get('month')).padStart(2, '0')}`;
    if (r.start.isCertain('day')) out.push({ value: `${month}-${String(r.start.get('day')).padStart(2, '0')}`, at: r.index, text: r.text });
    else if (year !== 'XXXX') out.push({ value: month, at: r.index, text: r.text });
  }
  return out;
}

/** chrono-node's locale parsers for the languages it ships (English for any other). */
const CHRONO_BY_LANGUAGE: Readonly<Record<string, Pick<typeof en, 'strict'>>> = { en, es, fr, de, pt, nl, it };

const stopCache = new Map<string, ReadonlySet<string>>();

/** English function words always (English names and quotes turn up everywhere), plus the article's language. */
export function stopwordsFor(language: string): ReadonlySet<string> {
  const hit = stopCache.get(language);
  if (hit) return hit;
  const lists = stopword as unknown as Record<string, readonly string[]>;
  const own = STOPWORD_LISTS[language];
  const words = new Set([...(lists.eng ?? []), ...(own ? (lists[own] ?? []) : [])].map(fold));
  stopCache.set(language, words);
  return words;
}

/** Lower case without diacritics: "México" and "Mexico" are one anchor. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function digits(value: string): string {
  return value.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
