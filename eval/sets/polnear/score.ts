import type { QuoteMention } from '../../../src/model/annotations.js';
import { overlap, type Span } from '../../../src/model/span.js';
import type { GoldAttribution } from './brat.js';

/**
 * Scoring rules for attribution contents, written down so the numbers can be read:
 * - Units are content fragments: a gold attribution split around its cue ("“A,” he said. “B.”") gives one gold
 *   item per fragment, as a system naturally finds one quote per quoted stretch. Fragments with only spaces between
 *   them are one unit (the annotation tool cut them at sentence ends; until session 12 they were scored apart).
 * - A unit "holds a direct quote" when its text, with one character either side, contains a double quote mark
 *   (" “ ” « », or '' as archive copy writes it). The same rule is applied to gold and to system units.
 * - Overlap match: shared characters ≥ 50% of the longer of the two spans. Exact match: equal after trimming
 *   spaces, quote marks, end punctuation and a leading "that"/"que" (the corpus includes marks and "that",
 *   the system does not). Matching is one-to-one, greedy by overlap.
 * - A system direct quote inside a reported content with the same cue (a partial quote in a paraphrase) is one
 *   unit with it, as the corpus gives each token to one attribution.
 * - Speaker right, on matched units: the gold content has a source and the system's speakerSpan overlaps it, or
 *   the system's canonical speaker shares a name word (3+ letters, capitalised) with the gold source text (the
 *   same person named elsewhere, e.g. gold "he", system "Mateo Vidal" via "Vidal said" earlier in the quote); or
 *   gold has no source and the system gives none.
 * - Speaker P and R name the speaker, not only point at its words: P = matched units whose system speaker is given
 *   (not null) and right by the rule above, over every system unit that gives a speaker (matched or not: a speaker
 *   given to words no one is reported saying is a wrong speaker); R = the same right speakers over the gold units that
 *   have a source.
 */

/** A unit to match: its span, whether it holds a direct quote, and for scoring speakers its sources. */
export interface Unit extends Span {
  direct: boolean;
  source: Span[];
  speaker: string | null;
  speakerSpan?: Span;
}

const QUOTE_MARK = /["“”«»]/;
/** Two straight apostrophes: a double quote mark in archive copy (the NYT texts of the corpus write quotes so). */
const APOSTROPHE_PAIR = "''";

function holdsQuote(text: string, span: Span): boolean {
  return (
    QUOTE_MARK.test(text.slice(Math.max(0, span.start - 1), span.end + 1)) || text.slice(Math.max(0, span.start - 2), span.end + 2).includes(APOSTROPHE_PAIR)
  );
}

/**
 * Fragments of one content with only spaces between them are one stretch: the annotation tool cuts a span at each
 * sentence end, so a quote of five sentences arrives as five fragments though the annotator marked it whole.
 */
function joinedFragments(text: string, fragments: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const f of [...fragments].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && f.start >= last.end && text.slice(last.end, f.start).trim() === '') last.end = f.end;
    else out.push({ start: f.start, end: f.end });
  }
  return out;
}

/** Gold units: one per content fragment (fragments with only spaces between them joined). */
export function goldUnits(text: string, attributions: readonly GoldAttribution[]): Unit[] {
  return attributions.flatMap((a) => joinedFragments(text, a.content).map((c) => ({ ...c, direct: holdsQuote(text, c), source: a.source, speaker: null })));
}

/** System units: mentions with partial quotes folded into the paraphrase that holds them. */
export function systemUnits(text: string, mentions: readonly QuoteMention[]): Unit[] {
  const reported = mentions.filter((m) => m.kind === 'reported');
  return mentions
    .filter((m) => m.kind === 'reported' || !reported.some((r) => r.cue && m.cue && r.cue.start === m.cue.start && r.start <= m.start && m.end <= r.end))
    .map((m) => ({
      start: m.start,
      end: m.end,
      direct: m.kind === 'direct' || holdsQuote(text, m),
      source: [],
      speaker: m.speaker,
      ...(m.speakerSpan ? { speakerSpan: m.speakerSpan } : {}),
    }));
}

const TRIM_EDGE = /^[\s"“”«»‘’'.,;:]+|[\s"“”«»‘’'.,;:]+$/g;

function normalized(text: string, span: Span): string {
  return text
    .slice(span.start, span.end)
    .replace(TRIM_EDGE, '')
    .replace(/^(that|que)\s+/i, '');
}

/** Counts for one kind of match over one scope. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  /** Matched units whose speaker is right (overlap matching only). */
  speakerRight: number;
  /** Matched units that give a speaker (not null) and the right one. */
  speakerNamedRight: number;
  /** System units that give a speaker (not null). */
  speakerGiven: number;
  /** Gold units that have a source. */
  goldSourced: number;
}

/** A matched pair: indexes into the gold and system unit lists. */
export interface Pair {
  g: number;
  s: number;
}

/** One-to-one pairs of gold and system units, greedy by overlap; `exact` compares normalized text at the same place. */
export function pairUp(text: string, gold: readonly Unit[], system: readonly Unit[], exact: boolean): Pair[] {
  const candidates: Array<Pair & { score: number }> = [];
  gold.forEach((g, gi) => {
    system.forEach((s, si) => {
      const shared = overlap(g, s);
      if (shared === 0) return;
      const score = shared / Math.max(g.end - g.start, s.end - s.start);
      const ok = exact ? normalized(text, g) === normalized(text, s) : score >= 0.5;
      if (ok) candidates.push({ g: gi, s: si, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score);
  const usedG = new Set<number>();
  const usedS = new Set<number>();
  const pairs: Pair[] = [];
  for (const p of candidates) {
    if (usedG.has(p.g) || usedS.has(p.s)) continue;
    usedG.add(p.g);
    usedS.add(p.s);
    pairs.push({ g: p.g, s: p.s });
  }
  return pairs;
}

/** Counts of one-to-one matching of system to gold units. */
export function match(text: string, gold: readonly Unit[], system: readonly Unit[], exact: boolean): Counts {
  const pairs = pairUp(text, gold, system, exact);
  let speakerRight = 0;
  let speakerNamedRight = 0;
  for (const p of pairs) {
    const [g, s] = [gold[p.g] as Unit, system[p.s] as Unit];
    if (!speakerIsRight(text, g, s)) continue;
    speakerRight++;
    if (s.speaker !== null && g.source.length > 0) speakerNamedRight++;
  }
  return {
    tp: pairs.length,
    fp: system.length - pairs.length,
    fn: gold.length - pairs.length,
    speakerRight,
    speakerNamedRight,
    speakerGiven: system.filter((u) => u.speaker !== null).length,
    goldSourced: gold.filter((u) => u.source.length > 0).length,
  };
}

function nameWords(text: string): Set<string> {
  return new Set((text.match(/\p{Lu}[\p{L}'’-]{2,}/gu) ?? []).map((w) => w.toLowerCase()));
}

/** The speaker rule from the header comment. */
export function speakerIsRight(text: string, gold: Unit, system: Unit): boolean {
  if (gold.source.length === 0) return !system.speakerSpan && system.speaker === null;
  const span = system.speakerSpan;
  if (span && gold.source.some((s) => overlap(s, span) > 0)) return true;
  if (!system.speaker) return false;
  const goldWords = new Set(gold.source.flatMap((s) => [...nameWords(text.slice(s.start, s.end))]));
  return [...nameWords(system.speaker)].some((w) => goldWords.has(w));
}

/** Adds counts together. */
export function add(a: Counts, b: Counts): Counts {
  return {
    tp: a.tp + b.tp,
    fp: a.fp + b.fp,
    fn: a.fn + b.fn,
    speakerRight: a.speakerRight + b.speakerRight,
    speakerNamedRight: a.speakerNamedRight + b.speakerNamedRight,
    speakerGiven: a.speakerGiven + b.speakerGiven,
    goldSourced: a.goldSourced + b.goldSourced,
  };
}

/** Empty counts. */
export const NONE: Counts = { tp: 0, fp: 0, fn: 0, speakerRight: 0, speakerNamedRight: 0, speakerGiven: 0, goldSourced: 0 };
