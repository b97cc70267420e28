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
