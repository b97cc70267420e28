import type { Span } from '../../model/span.js';
import { isIntentVerb, isReportOnlyVerb } from './cue-words.js';
import { type Draft, type Frame, insideQuoted, makeDraft, rangeSpan, type SourceParts, sourceParts } from './frame.js';
import { type CueMatch, cueAt, isSourcePronoun, MAX_ADJUNCT_TOKENS, skipToContent, sourceAfter, sourceBefore, type TokRange } from './phrases.js';
import { hasVerb, isQuoteMark, type Tok, tokenAt } from './tokens.js';
import {
  BRIDGE_VERBS,
  CLAUSE_ONLY_VERBS,
  CLAUSE_OPENERS,
  LISTENER_VERBS,
  NON_PERSON_WORDS,
  NOT_NAME_STARTS,
  QUOTE_ONLY_VERBS,
  STANCE_VERBS,
} from './vocabulary.js';

/**
 * Reported speech: a speech verb or "according to" outside quotes, with its source and the clause it reports —
 * to the right ("Vidal said that …", "según X, …") or to the left ("…, officials said", "…, according to X").
 */

/** A reported content shorter than this many tokens is an object, not a claim ("said yes", "told him"). */
export const MIN_CONTENT_TOKENS = 3;

const SENTENCE_END = /^[.!?]$/;

function contentSpan(tokens: readonly Tok[], first: number, last: number): Span | null {
  let a = first;
  let z = last;
  while (a <= z && /^(that|que|,|:)$/.test((tokens[a] as Tok).lower)) a++;
  while (z >= a && (SENTENCE_END.test((tokens[z] as Tok).text) || (tokens[z] as Tok).text === ',')) z--;
  if (z - a + 1 < MIN_CONTENT_TOKENS) return null;
  return { start: (tokens[a] as Tok).start, end: (tokens[z] as Tok).end };
}

/** Start of the clause a left-hand content may use: the sentence start, past "But"/"And" and any quote before it. */
function clauseStart(tokens: readonly Tok[], floor: number, before: number): number {
  let a = floor;
  while (a < before && CLAUSE_OPENERS.has((tokens[a] as Tok).lower)) a++;
  if ((tokens[a] as Tok | undefined)?.text === ',') a++;
  return a;
}

interface Parts {
  source: TokRange | null;
  content: Span | null;
  venue: TokRange | null;
  /** The source of an earlier attribution in the sentence, taken over ("…, Vidal said, adding that …"). */
  inherited?: SourceParts;
}

function sourceFirstCue(tokens: readonly Tok[], cue: CueMatch, floor: number, last: number): Parts {
  const source = sourceAfter(tokens, cue.last + 1, last + 1);
  if (!source) return { source: null, content: null, venue: null };
  const start = clauseStart(tokens, floor, cue.first);
  // "According to X, …" opens the clause; "…, according to X" closes it.
  const content = start >= cue.first ? contentSpan(tokens, source.last + 1, last) : contentSpan(tokens, start, cue.first - 1);
  return { source, content, venue: null };
}

function verbCue(tokens: readonly Tok[], cue: CueMatch, floor: number, last: number, quoted: Frame['quoted'], earlier: SourceParts | null): Parts {
  const before = sourceBefore(tokens, cue.first, floor);
  const listener = LISTENER_VERBS.has(cue.lemma);
  if (before) {
    const preceding = tokens[before.first - 1];
    const after = skipToContent(tokens, cue, last + 1, listener);
    const rest = last - after.at + 1;
    // "…, officials said (Tuesday)." — the content is the clause before the comma; so too when what follows the
    // attribution is an adjunct of it ("…, Vidal said, since most voters agree", "…, Vidal said, adding that …",
    // "…, the agency said in a June report, and …").
    if (preceding?.text === ',' && (rest <= 1 || adjunctAfter(tokens, after.at) || adjunctAfter(tokens, asideEnd(tokens, cue.last, last)))) {
      return { source: before, content: contentSpan(tokens, clauseStart(tokens, floor, before.first), before.first - 2), venue: after.venue };
    }
    return { source: before, content: contentSpan(tokens, after.at, contentLast(tokens, after.at, last, quoted)), venue: after.venue };
  }
  const participle = isParticiple(tokens[cue.first] as Tok);
  // Inversion: "…, said the minister." (a participle after a comma is an aside, not an inversion).
  if (tokens[cue.first - 1]?.text === ',' && !participle) {
    const source = sourceAfter(tokens, cue.last + 1, last + 1);
    if (source) return { source, content: contentSpan(tokens, clauseStart(tokens, floor, cue.first), cue.first - 2), venue: null };
  }
  // "Vidal defended the plan, saying it would pay for itself": the participle's speaker is the clause's subject.
  // The speaker of an attribution earlier in the sentence comes first ("“…,” Vidal said, adding …"). So too for a
  // second verb of the same subject ("Vidal supported the bill and said it would pass").
  if ((tokens[cue.first - 1]?.text === ',' && participle) || (tokens[cue.first - 1]?.lower === 'and' && !participle)) {
    const after = skipToContent(tokens, cue, last + 1, LISTENER_VERBS.has(cue.lemma));
    const content = contentSpan(tokens, after.at, contentLast(tokens, after.at, last, quoted));
    if (earlier) return { source: null, inherited: earlier, content, venue: after.venue };
    const source = clauseSubject(tokens, floor, cue.first - 1, quoted);
    if (source) return { source, content, venue: after.venue };
  }
  return { source: null, content: null, venue: null };
}

/**
 * The source of the last attribution whose cue lies in [from, before), or null. `sorted` holds drafts with a cue and
 * a source in cue order: a binary search, so an article of many cues stays linear-logarithmic.
 */
function earlierSource(sorted: readonly Draft[], from: number, before: number): SourceParts | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (((sorted[mid] as Draft).cue as Span).start < before) lo = mid + 1;
    else hi = mid;
  }
  const best = sorted[lo - 1];
  return best && (best.cue as Span).start >= from ? { source: best.source, sourceHead: best.sourceHead } : null;
}

/** Inserts a draft with a cue and a source into a list kept in cue order (drafts mostly arrive in that order). */
function insertByCue(sorted: Draft[], draft: Draft): void {
  if (!draft.cue || draft.source.length === 0) return;
  let i = sorted.length;
  while (i > 0 && ((sorted[i - 1] as Draft).cue as Span).start > draft.cue.start) i--;
  sorted.splice(i, 0, draft);
}

/** The content is a clause: it follows "that" or holds a verb ("adding that costs rose", not "adding a layer"). */
function reportsClause(tokens: readonly Tok[], content: Span): boolean {
  const first = tokenAt(tokens, content.start);
  return tokens[first - 1]?.lower === 'that' || hasVerb(tokens, first, tokenAt(tokens, content.end));
}

/** Forms of "be" before a participle make it passive ("is expected to win" reports no one's intention). */
const BE_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s', "'re", '’re']);

/**
 * An intention verb reports a plan only with its infinitive right after it, in the active voice: "she plans to
 * run" (content "to run"), not "the planned wall", "is expected to win" or "wants a recount".
 */
function reportsIntent(tokens: readonly Tok[], cue: CueMatch, content: Span): boolean {
  const to = tokens[cue.last + 1];
  if (to?.lower !== 'to' || to.start !== content.start) return false;
  let k = cue.first - 1;
  while (k >= 0 && (tokens[k] as Tok).pos === 'ADV') k--;
  return !BE_FORMS.has(tokens[k]?.lower ?? '');
}

/** Words opening a relative clause before its subject ("the plant that the firm announced"). */
const RELATIVE_WORDS: ReadonlySet<string> = new Set(['that', 'which', 'whom']);

/** The span cut before its first comma (the whole span when it has none). */
function untilComma(tokens: readonly Tok[], span: Span): Span {
  for (let k = tokenAt(tokens, span.start); k < tokens.length && (tokens[k] as Tok).start < span.end; k++) {
    if ((tokens[k] as Tok).text === ',' && k > 0) return { start: span.start, end: (tokens[k - 1] as Tok).end };
  }
  return span;
}

function startsWithVerb(tokens: readonly Tok[], content: Span): boolean {
  const pos = (tokens[tokenAt(tokens, content.start)] as Tok).pos;
  return pos === 'AUX' || pos === 'VERB';
}

/** What follows an attribution's comma at `at` depends on the attribution: a subordinate clause or a participle cue. */
function adjunctAfter(tokens: readonly Tok[], at: number): boolean {
  const tok = tokens[at];
  if (!tok || tokens[at - 1]?.text !== ',') return false;
  return tok.pos === 'SCONJ' || tok.pos === 'ADP' || tok.pos === 'CCONJ' || (isParticiple(tok) && cueAt(tokens, at) !== null);
}

/**
 * The token after the comma closing a verbless stretch that follows a cue ("said in a June report, and …"), or -1:
 * the attribution's own adjunct, after which the writer goes on.
 */
function asideEnd(tokens: readonly Tok[], cueLast: number, last: number): number {
  for (let k = cueLast + 1; k < last && k - cueLast <= MAX_ADJUNCT_TOKENS; k++) {
    const tok = tokens[k] as Tok;
    if (tok.text === ',') return k + 1;
    if (tok.pos === 'VERB' || tok.pos === 'AUX' || isQuoteMark(tok) || tok.lower === 'that') return -1;
  }
  return -1;
}

function isParticiple(tok: Tok): boolean {
  return tok.lower.endsWith('ing');
}

/**
 * The subject of the main clause before token `end`: the noun phrase before its first verb, when no subordinating
 * word comes first ("When Vidal spoke, Ruiz left, saying …" has Vidal in a subordinate clause, so no subject).
 */
function clauseSubject(tokens: readonly Tok[], floor: number, end: number, quoted: Frame['quoted']): TokRange | null {
  for (let k = clauseStart(tokens, floor, end); k < end; k++) {
    const tok = tokens[k] as Tok;
    // Verbs inside quoted words belong to the quote, not to the sentence that reports it.
    if (isQuoteMark(tok) || insideQuoted(quoted, tok.start)) continue;
    if (tok.pos === 'SCONJ' || tok.lower === 'when' || tok.lower === 'while') return null;
    if (tok.pos !== 'VERB' && tok.pos !== 'AUX') continue;
    const subject = sourceBefore(tokens, k, floor);
    return subject && ((tokens[subject.head ?? subject.last] as Tok).cap || isSourcePronoun(tokens[subject.last] as Tok)) ? subject : null;
  }
  return null;
}

/** Words after a comma that open the writer's own clause (a relative, a contrast), not more of what was said. */
const AFTERTHOUGHT_OPENERS: ReadonlySet<string> = new Set(['which', 'who', 'whose', 'but', 'yet', 'though', 'although', 'whereas', 'while']);

/** Tokens after ", and" searched for a verb: "…, and the union also stepped in" is a new clause, "…, and C" a list. */
const AND_CLAUSE_WINDOW = 5;

/**
 * Where the writer takes over after a comma: a relative or contrast ("…, which …", "…, but …"), a new clause after
 * "and"/"so", a participle adjunct ("…, forcing them to …"), or another attribution ("…, adding that …", "…, he
 * noted", "…, a spokesman said").
 */
function writerResumes(tokens: readonly Tok[], comma: number, ceil: number): boolean {
  const next = tokens[comma + 1];
  if (!next) return false;
  if (AFTERTHOUGHT_OPENERS.has(next.lower) || (next.pos === 'VERB' && isParticiple(next))) return true;
  if ((next.lower === 'and' || next.lower === 'so') && hasVerb(tokens, comma + 2, Math.min(ceil, comma + 2 + AND_CLAUSE_WINDOW))) return true;
  const source = sourceAfter(tokens, comma + 1, ceil);
  return source !== null && cueAt(tokens, source.last + 1) !== null;
}

/**
 * Last token of a reported content starting at `from`: the sentence end, a semicolon, the comma where the writer
 * takes over once a clause has been reported ("said the plan failed, adding that …" reports two things, each with
 * its own cue; "said the plan failed, which surprised no one" reports one), or the "and" before a cue. Punctuation
 * inside quoted words belongs to the quote.
 */
function contentLast(tokens: readonly Tok[], from: number, last: number, quoted: Frame['quoted']): number {
  let clause = false;
  for (let k = from; k < last; k++) {
    const tok = tokens[k] as Tok;
    if (tok.pos === 'VERB' || tok.pos === 'AUX') clause = true;
    // "said the plan failed and said …": a second verb of the same subject reports a second thing.
    else if (tok.lower === 'and' && k > from && !isParticiple(tokens[k + 1] as Tok) && cueAt(tokens, k + 1)) return k - 1;
    else if ((tok.text === ';' || (tok.text === ',' && clause && writerResumes(tokens, k, last + 1))) && !insideQuoted(quoted, tok.start)) return k - 1;
  }
  return last;
}

/** Longest speaker label before a colon that opens a block ("Brandt: …", "PENCE: …"). */
export const MAX_LABEL_TOKENS = 3;

/**
 * A block opening with a name and a colon ("- Brandt: the deal will be a memorandum", "PENCE: Well, …"): the
 * rest of the block is that person's words or their gist.
 */
function labelled(frame: Frame, b: number): Draft | null {
  const tokens = frame.tokens[b] ?? [];
  let first = 0;
  while (first < tokens.length && /^[-–—•*]$/.test((tokens[first] as Tok).text)) first++;
  const colon = tokens.findIndex((t, k) => k >= first && k <= first + MAX_LABEL_TOKENS && t.text === ':');
  if (colon <= first || tokens.length - colon - 1 < MIN_CONTENT_TOKENS || insideQuoted(frame.quoted, (tokens[colon] as Tok).start)) return null;
  const label = tokens.slice(first, colon);
  if (!label.every((t) => t.cap && !NOT_NAME_STARTS.has(t.lower) && !NON_PERSON_WORDS.has(t.lower) && /^\p{L}/u.test(t.text))) return null;
  const content = contentSpan(tokens, colon + 1, tokens.length - 1);
  if (!content) return null;
  return makeDraft(content, 'reported', rangeSpan(tokens, { first: colon, last: colon }), { source: label, sourceHead: undefined }, null);
}

/** Drafts for reported speech in every block, skipping cues and contents already covered by direct quotes. */
export function reportedSpeech(frame: Frame, taken: readonly Draft[]): Draft[] {
  const usedCues = new Set(taken.flatMap((d) => (d.cue ? [d.cue.start] : [])));
  const out: Draft[] = [];
  const plans = new Set<Draft>();
  const sourced: Draft[] = [];
  for (const d of taken) insertByCue(sourced, d);
  frame.tokens.forEach((tokens, b) => {
    const sentences = frame.sentences[b];
    if (!sentences) return;
    const label = labelled(frame, b);
    if (label && !taken.some((d) => d.content.start < label.content.end && label.content.start < d.content.end)) out.push(label);
    for (let k = 0; k < tokens.length; k++) {
      // The cue first: almost no token is one, and the other two tests are lookups.
      const cue = cueAt(tokens, k);
      if (!cue || (QUOTE_ONLY_VERBS.has(cue.lemma) && !STANCE_VERBS.has(cue.lemma))) continue;
      // A plan needs its infinitive (checked in full below): most "expected", "support" are no cue.
      if (isIntentVerb(cue.lemma) && tokens[cue.last + 1]?.lower !== 'to') continue;
      const tok = tokens[k] as Tok;
      if (usedCues.has(tok.start) || insideQuoted(frame.quoted, tok.start)) continue;
      const floor = sentences.first[k] ?? 0;
      const last = sentences.last[k] ?? tokens.length - 1;
      const parts = cue.sourceFirst
        ? sourceFirstCue(tokens, cue, floor, last)
        : verbCue(tokens, cue, floor, last, frame.quoted, earlierSource(sourced, (tokens[floor] as Tok).start, tok.start));
      const who = parts.inherited ?? (parts.source ? sourceParts(tokens, parts.source) : null);
      if (!who || !parts.content) continue;
      const right = parts.content.start > tok.start;
      const relative = right && parts.source !== null && RELATIVE_WORDS.has(tokens[parts.source.first - 1]?.lower ?? '');
      // "The plant, which the firm says will employ 900, needs a road": what was said ends with the relative clause.
      const content = relative ? untilComma(tokens, parts.content) : parts.content;
      if (right && CLAUSE_ONLY_VERBS.has(cue.lemma) && !reportsClause(tokens, content)) continue;
      if (isIntentVerb(cue.lemma) && !reportsIntent(tokens, cue, content)) continue;
      if (
        STANCE_VERBS.has(cue.lemma) &&
        (!right || !parts.source || !((tokens[parts.source.head ?? parts.source.last] as Tok).cap || isSourcePronoun(tokens[parts.source.last] as Tok)))
      )
        continue;
      // "The plant that the firm announced on Tuesday will create …": the cue sits in a relative clause (its object
      // is the plant), and the words after it, opening with a verb, are the main clause, not what was announced.
      // A verb that takes a clause is the exception: "the plant, which the company says will employ 1,200" reports
      // what the company says of the plant.
      if (relative && !BRIDGE_VERBS.has(cue.lemma) && startsWithVerb(tokens, content)) continue;
      if (taken.some((d) => d.content.start < content.end && content.start < d.content.end)) continue;
      const draft = makeDraft(content, 'reported', rangeSpan(tokens, cue), who, parts.venue ? rangeSpan(tokens, parts.venue) : null);
      out.push(draft);
      if (isReportOnlyVerb(cue.lemma)) plans.add(draft);
      insertByCue(sourced, draft);
      k = cue.last;
    }
  });
  return withoutNestedPlans(out, taken, plans);
}

/**
 * "The two sides said they expected to sign a deal": a plan or stance inside what another attribution reports is
 * part of those words, not a second attribution of them.
 */
function withoutNestedPlans(drafts: Draft[], taken: readonly Draft[], plans: ReadonlySet<Draft>): Draft[] {
  if (plans.size === 0) return drafts;
  const nested = (d: Draft): boolean => {
    const cue = d.cue;
    if (!cue || !plans.has(d)) return false;
    const inside = (o: Draft): boolean => o !== d && o.content.start <= cue.start && cue.end <= o.content.end;
    return drafts.some(inside) || taken.some(inside);
  };
  return drafts.filter((d) => !nested(d));
}
