import type { Token } from '../annotate/nlp.js';
import type { Span } from '../model/span.js';

/** Sentences (and claims) shorter than this (in words) are headlines, labels or fragments, not checkable facts. */
export const MIN_FACT_WORDS = 6;

/**
 * Where one sentence joins two claims by its punctuation and joining words: "; ", a spaced dash, ", and/but/while/
 * whereas/though/y/pero/mientras", ", who/which" opening an appositive clause, "while"/"even though"/"even as"
 * inside a sentence. The joining words belong to neither claim.
 */
const CLAUSE_JOIN =
  /;\s|\s[\u2014\u2013-]\s|,\s(?:and|but|while|whereas|although|though|even though|even as|who|which|y|pero|mientras|aunque|quien|que)\s|\s(?:while|whereas|even though|even as|mientras que)\s/giu;

/** A sentence opened by a subordinate clause ("While X, Y", "… said that although X, Y"): it ends at its comma. */
const LEADING_SUBORDINATE = /(?:^|\bthat\s)(?:while|although|though|whereas|mientras)\s/giu;

/** "and"/"but" with no comma: a second claim only when a verb follows ("deployed troops and extradited 55"). */
const BARE_COORDINATION = /\s(?:and|but)\s/giu;

/** Auxiliaries that may stand between "and" and the verb of a coordinated clause ("and has threatened"). */
const AUXILIARY = /^(?:has|have|had|was|were|is|are|will|would)\s+/iu;

/**
 * ", praising …", ", coming as …", ", rejecting …": a participle after a comma opens a clause of its own. Words
 * that open a list or a source instead ("including", "according") keep the list or attribution with its claim, and
 * "meaning …" restates the claim before it.
 */
const PARTICIPLE = /,\s(?!(?:including|according|regarding|concerning|following|excluding|meaning)\b)(\p{L}+ing)\s/giu;

/**
 * ", a gang accused of moving narcotics …": a noun-phrase appositive with a verb of its own describes the name before
 * it; as part of the main claim its verb would take the main claim's doer ("Trump … moving narcotics").
 */
const APPOSITIVE = /,\s(?:a|an)\s/giu;

/** Most words of a list item: a comma this close before ", and" makes the "and" close a list. */
const LIST_ITEM_WORDS = 3;

/** A bullet or list marker opening a list item: part of the layout, not of the claim. */
const BULLET = /^\s{0,8}(?:[-*\u2022\u2023\u25AA\u2013\u2014]|\d{1,3}[.)])\s+/u;

/**
 * A claim that reads on its own: it starts like a sentence. A clause split off after its subject ("has ordered
 * military action …", "addressing arms trafficking …") starts lower-case and leaves unsaid who or what it is about.
 */
export function readsAlone(claim: string): boolean {
  return /^[\p{Lu}\p{N}"“‘'¿¡]/u.test(claim);
}

/** A place where a sentence may split: [start, end) is dropped (joining words), the second claim starts at end. */
interface Join {
  start: number;
  end: number;
  /** ", and" after a short item may close a list rather than join claims. */
  maybeList: boolean;
}

/**
 * Claim spans of a sentence (offsets into it), trimmed and without a bullet marker; the whole sentence when it does
 * not split. Splits at clause level — coordination, "while"/"though" clauses, participle clauses, appositives — only
 * when both sides keep at least MIN_FACT_WORDS words, so a list ("Mexico, Canada and Ecuador") stays one claim with
 * a list argument; never inside a quote (`guarded` spans, the sentence's quotes, and unbalanced quote marks).
 * `verbsAt` holds the offsets of the sentence's verbs (part-of-speech tags, when the language has them): without
 * them only punctuation-led joins are read.
 */
export function splitClauses(sentence: string, guarded: readonly Span[] = [], verbsAt: ReadonlySet<number> = new Set()): Span[] {
  const spans: Span[] = [];
  let from = BULLET.exec(sentence)?.[0].length ?? 0;
  const quoted = quoteMask(sentence);
  for (const join of joins(sentence, from, verbsAt, quoted)) {
    if (join.start < from || guarded.some((g) => g.start < join.end && join.start < g.end) || quoted[join.start] === 1) continue;
    if (join.maybeList && wordCount(sentence.slice(sentence.lastIndexOf(',', join.start - 1) + 1, join.start)) <= LIST_ITEM_WORDS) continue;
    const before = wordCount(sentence.slice(from, join.start));
    const after = wordCount(sentence.slice(join.end));
    if (before < MIN_FACT_WORDS || after < MIN_FACT_WORDS) continue;
    spans.push(trimmed(sentence, { start: from, end: join.start }));
    from = join.end;
  }
  spans.push(trimmed(sentence, { start: from, end: sentence.length }));
  return spans;
}

/** A claim span of a sentence, and whether it is a side claim: one a main claim of the sentence already tells. */
export interface ClaimSpan extends Span {
  /**
   * A side claim ("Varga, on her second trip to Brisca" out of "Varga, on her second trip to Brisca, signed …"): it
   * may support a fact told by another outlet, but it is not what its sentence tells, so a fact takes its text from
   * a main claim.
   */
  side: boolean;
  /**
   * The whole claim beside its main part when it carries a companion phrase ("… will travel to Brisca alongside
   * three aides"): the detail is this outlet's alone, so this claim is never aligned (its main part is) and stands
   * as a single-source fact.
   */
  detail: boolean;
  /** Side phrases inside a main claim (offsets into the sentence): its frame leaves them out (they ride along). */
  asides: Span[];
}

/**
 * Words of a subject before its aside ("Varga", "This visit", "The mayor's tour"): a longer opening is no subject
 * but a clause or a list. Asides of MIN_ASIDE_WORDS to MAX_ASIDE_WORDS words: "meanwhile", "in turn" tell nothing of
 * their own; a longer stretch between commas is a list or a second clause.
 */
const MAX_SUBJECT_WORDS = 5;
const MIN_ASIDE_WORDS = 3;
const MAX_ASIDE_WORDS = 20;

/** Asides that attribute or connect rather than tell ("according to officials", "for example"). */
const NOT_ASIDE = /^(?:according|however|meanwhile|therefore|instead|though|too|also)\b/iu;

/**
 * "alongside three aides", "along with", "together with", "accompanied by", "joined by": a companion phrase one
 * outlet adds to a claim others tell without it. The claim up to it is the main claim; with it, a side claim.
 */
const COMPANION = /^(?:alongside|along with|together with|accompanied by|joined by)$/u;

/**
 * Claims of a sentence: main claims (`splitClauses`), and side claims beside them. A subject followed by an aside
 * between commas and the main verb ("Varga, on her second trip to Brisca since taking office, signed …", "This
 * visit, Varga's first to the town, comes …", "Varga, who is on her second trip, said …") gives the side claim
 * "subject, aside": a claim of its own that other outlets may tell as a main clause ("Varga is making her second
 * trip to Brisca"); the main claim's frame then leaves the aside out. A companion phrase ("alongside three aides")
 * cuts the main claim before it, the whole being a detail claim (a detail one outlet adds is not corroborated by
 * outlets telling the claim without it). `tokens` are the sentence's tagged tokens (none: only punctuation is read).
 */
export function claimSpans(sentence: string, guarded: readonly Span[] = [], tokens: readonly Token[] = []): ClaimSpan[] {
  const verbsAt = new Set(tokens.filter((t) => t.pos === 'VERB').map((t) => t.start));
  const quoted = quoteMask(sentence);
  const free = (at: number): boolean => quoted[at] !== 1 && !guarded.some((g) => g.start <= at && at < g.end);
  const out: ClaimSpan[] = [];
  for (const span of splitClauses(sentence, guarded, verbsAt)) {
    const inside = tokens.filter((t) => t.start >= span.start && t.end <= span.end);
    let main: Span = span;
    const sides: ClaimSpan[] = [];
    const companion = companionAt(inside, free);
    if (companion !== null && wordCount(sentence.slice(span.start, companion)) >= MIN_FACT_WORDS) {
      main = trimmed(sentence, { start: span.start, end: companion });
      sides.push({ ...span, side: false, detail: true, asides: [] });
    }
    const aside = readsAlone(sentence.slice(main.start, main.end))
      ? subjectAside(
          inside.filter((t) => t.end <= main.end),
          free,
        )
      : null;
    if (aside && wordCount(sentence.slice(main.start, aside.end)) >= MIN_FACT_WORDS)
      sides.push({ start: main.start, end: aside.end, side: true, detail: false, asides: [] });
    out.push({ ...main, side: false, detail: false, asides: aside ? [aside] : [] }, ...sides);
  }
  return out;
}

/** Where a companion phrase opens in a claim's tokens, outside quotes; null when it has none. */
function companionAt(tokens: readonly Token[], free: (at: number) => boolean): number | null {
  for (const [i, t] of tokens.entries()) {
    if (i === 0 || !free(t.start)) continue;
    const next = tokens[i + 1]?.lower ?? '';
    if (COMPANION.test(t.lower) || COMPANION.test(`${t.lower} ${next}`)) return t.start;
  }
  return null;
}

/**
 * The aside between a short subject and its verb ("Varga, on her second trip …, signed"), as a span of the
 * sentence; null when the claim does not open that way. The aside holds no finite verb of its own (a participle
 * "since taking office" may stand in it) unless it is a relative clause ("who is on her second trip"); the word
 * after it is the main verb (the tagger may read "underscores" as a plural noun: a lower-case "-s"/"-ed" word
 * before a determiner or pronoun is read as the verb it must be there).
 */
function subjectAside(tokens: readonly Token[], free: (at: number) => boolean): Span | null {
  const first = tokens.findIndex((t) => t.text === ',');
  if (first < 1 || first > MAX_SUBJECT_WORDS || !free((tokens[first] as Token).start)) return null;
  if (tokens.slice(0, first).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null;
  const second = tokens.findIndex((t, i) => i > first && t.text === ',');
  if (second < 0 || !free((tokens[second] as Token).start)) return null;
  const aside = tokens.slice(first + 1, second);
  if (aside.length < MIN_ASIDE_WORDS || aside.length > MAX_ASIDE_WORDS) return null;
  const opener = aside[0] as Token;
  if (NOT_ASIDE.test(opener.lower)) return null;
  const relative = opener.lower === 'who' || opener.lower === 'which';
  if (!relative && aside.some((t) => t.pos === 'AUX' || (t.pos === 'VERB' && !t.lower.endsWith('ing')) || /^[;:"“”(]$/u.test(t.text))) return null;
  if (!verbFollows(tokens, second + 1)) return null;
  return { start: opener.start, end: (aside[aside.length - 1] as Token).end };
}

/** Tags a mis-tagged verb never gets: function words and punctuation. */
const NO_VERB_TAGS: ReadonlySet<string> = new Set(['ADP', 'CCONJ', 'SCONJ', 'DET', 'PRON', 'PUNCT', 'PART']);

function verbFollows(tokens: readonly Token[], k: number): boolean {
  const at = tokens[k]?.pos === 'ADV' ? k + 1 : k;
  const t = tokens[at];
  if (!t) return false;
  if (t.pos === 'VERB' || t.pos === 'AUX') return true;
  return !t.upper && /(?:s|ed)$/u.test(t.lower) && !NO_VERB_TAGS.has(t.pos);
}

/** Every candidate join of a sentence, in order. */
function joins(sentence: string, from: number, verbsAt: ReadonlySet<number>, quoted: Uint8Array): Join[] {
  const out: Join[] = [];
  for (const m of sentence.matchAll(CLAUSE_JOIN)) out.push({ start: m.index, end: m.index + m[0].length, maybeList: /^,\s/u.test(m[0]) });
  for (const m of sentence.matchAll(LEADING_SUBORDINATE)) {
    const opens = m.index + (m[0].toLowerCase().startsWith('that') ? 5 : 0);
    if (opens !== from && !m[0].toLowerCase().startsWith('that')) continue;
    const comma = nextCommaOutsideQuotes(sentence, opens, quoted);
    if (comma >= 0) out.push({ start: comma, end: comma + 1, maybeList: false });
  }
  if (verbsAt.size > 0) {
    for (const m of sentence.matchAll(BARE_COORDINATION)) {
      const next = m.index + m[0].length;
      const aux = AUXILIARY.exec(sentence.slice(next));
      if (verbsAt.has(next) || (aux && verbsAt.has(next + aux[0].length))) out.push({ start: m.index, end: next, maybeList: false });
    }
    for (const m of sentence.matchAll(PARTICIPLE)) {
      const verb = m.index + 2;
      if (verbsAt.has(verb)) out.push({ start: m.index, end: verb, maybeList: false });
    }
    for (const m of sentence.matchAll(APPOSITIVE)) {
      const opens = m.index + 2;
      const ends = nextCommaOutsideQuotes(sentence, opens, quoted);
      const close = ends < 0 ? sentence.length : ends;
      if ([...verbsAt].some((v) => v > opens && v < close)) out.push({ start: m.index, end: opens, maybeList: true });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

function nextCommaOutsideQuotes(sentence: string, from: number, quoted: Uint8Array): number {
  for (let i = sentence.indexOf(',', from); i >= 0; i = sentence.indexOf(',', i + 1)) if (quoted[i] !== 1) return i;
  return -1;
}

/** 1 where a position is inside double quote marks (an odd number of marks before it): a quotation the layer may have missed. */
function quoteMask(sentence: string): Uint8Array {
  const mask = new Uint8Array(sentence.length);
  let open = false;
  for (let i = 0; i < sentence.length; i++) {
    mask[i] = open ? 1 : 0;
    const c = sentence[i];
    if (c === '"') open = !open;
    else if (c === '\u201C') open = true;
    else if (c === '\u201D') open = false;
  }
  return mask;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;\u2014\u2013]/u.test(text[start] as string)) start++;
  while (end > start && /[\s,]/u.test(text[end - 1] as string)) end--;
  return { start, end };
}
