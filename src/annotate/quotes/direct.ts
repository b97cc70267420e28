import type { Span } from '../../model/span.js';
import { blockOf, type Draft, type Frame, makeDraft, rangeSpan, sourceParts } from './frame.js';
import { markWidth, type QuotedSpan } from './marks.js';
import { type CueMatch, isSourcePronoun, MAX_APPOSITIVE_TOKENS, skipToContent, sourceAfter, sourceBefore, speechCueAt, type TokRange } from './phrases.js';
import { hasVerb, isQuoteMark, type Tok, tokenAt } from './tokens.js';
import { LISTENER_VERBS } from './vocabulary.js';

/**
 * Direct quotes: for each quoted stretch, the cue and source around it — after it ("“…,” Vidal said"), before it
 * ("He said: “…”"), a speaker label ("PENCE: …"), a colon at the end of the previous paragraph, or the speaker of
 * the quote before it in the same or the previous paragraph. Unattributed short quotes (titles, scare quotes) are
 * dropped; unattributed whole-sentence quotes are kept without a speaker.
 */

/** How many tokens before an opening mark the cue may sit ("Vidal wrote on social media that “…”"). */
export const HEAD_WINDOW = 14;
/** An unattributed quote needs this many words to be kept as a quote (shorter ones are titles or scare quotes). */
export const MIN_UNATTRIBUTED_WORDS = 6;

/** What a direct quote found around itself. */
interface Found {
  cue: CueMatch | null;
  source: TokRange | null;
  venue: TokRange | null;
  tokens: readonly Tok[];
  /** For a quote inside a paraphrase ("said the ministry will use “every tool” against smugglers"): the paraphrase. */
  paraphrase?: Span;
}

function draftOf(found: Found, content: Span, kind: Draft['kind'], continues: Draft | undefined = undefined): Draft {
  const { tokens, cue, source, venue } = found;
  return makeDraft(content, kind, cue ? rangeSpan(tokens, cue) : null, sourceParts(tokens, source), venue ? rangeSpan(tokens, venue) : null, continues);
}

/** The attribution after a closing mark: "“…,” Vidal said", "“…,” said Caddell", "“…” he asks", "“…” ― Ana Ruiz". */
function tail(tokens: readonly Tok[], from: number, ceil: number, closedSentence: boolean): Found | null {
  let i = from;
  while (i < ceil && (tokens[i] as Tok).text === ',') i++;
  const dash = tokens[i];
  if (dash && /^[―—–]$/.test(dash.text)) {
    const source = sourceAfter(tokens, i + 1, ceil);
    if (source && (tokens[source.first] as Tok).cap) return { cue: { first: i, last: i, lemma: dash.text, sourceFirst: false }, source, venue: null, tokens };
  }
  const cue = speechCueAt(tokens, i);
  if (cue && !cue.sourceFirst) {
    const source = sourceAfter(tokens, cue.last + 1, ceil);
    if (!source) return null;
    const venue = skipToContent(tokens, { ...cue, last: source.last }, ceil, LISTENER_VERBS.has(cue.lemma)).venue;
    return { cue, source, venue, tokens };
  }
  const name = sourceAfter(tokens, i, ceil);
  if (!name) return null;
  let k = name.last + 1;
  let source: TokRange = name;
  // "“…,” Scott Pruitt, the attorney general of Oklahoma, said."
  if ((tokens[k] as Tok | undefined)?.text === ',' && (tokens[name.last] as Tok).cap) {
    for (let j = k + 1; j < ceil && j - k <= MAX_APPOSITIVE_TOKENS; j++) {
      if ((tokens[j] as Tok).text !== ',') continue;
      if (speechCueAt(tokens, j + 1)) {
        source = { first: name.first, last: j - 1, head: name.last };
        k = j + 1;
      }
      break;
    }
  }
  while (k < ceil && /^(also|then|later|again|has|had|once)$/.test((tokens[k] as Tok).lower)) k++;
  const after = speechCueAt(tokens, k);
  if (!after || after.sourceFirst) return null;
  const skipped = skipToContent(tokens, after, ceil, LISTENER_VERBS.has(after.lemma));
  // “We won.” Vidal said he expects more: after a quote that ends its sentence, a cue followed by a clause of its
  // own opens a new attribution (reported speech), not this quote's tail.
  if (closedSentence && hasVerb(tokens, skipped.at, ceil)) return null;
  return { cue: after, source, venue: skipped.venue, tokens };
}

/** The attribution before an opening mark: "He said: “…”", "Vidal wrote on social media that “…”". */
function head(tokens: readonly Tok[], open: number, floor: number, sentenceEnd: number): Found | null {
  const colon = (tokens[open - 1] as Tok | undefined)?.text === ':';
  for (let k = open - 1; k >= floor && open - k <= HEAD_WINDOW; k--) {
    if (isQuoteMark(tokens[k] as Tok) || /^[.!?]$/.test((tokens[k] as Tok).text)) break;
    const cue = speechCueAt(tokens, k, colon);
    if (!cue || cue.last >= open) continue;
    // "X rejected Trump's claim …: “…”": someone's claim before a colon is what the quote answers, not who
    // speaks; the clause's subject (below) does.
    if (colon && (tokens[cue.first] as Tok).pos === 'NOUN' && /^['’]s$/.test((tokens[cue.first - 1] as Tok | undefined)?.text ?? '')) continue;
    const source = cue.sourceFirst ? sourceAfter(tokens, cue.last + 1, open) : sourceBefore(tokens, cue.first, floor);
    const skipped = skipToContent(tokens, cue.sourceFirst && source ? { ...cue, last: source.last } : cue, open, LISTENER_VERBS.has(cue.lemma));
    let at = skipped.at;
    while (at < open && /^(that|que|of|about|:|,)$/.test((tokens[at] as Tok).lower)) at++;
    const found: Found = { cue, source, venue: skipped.venue, tokens };
    // "says of Clinton, “…”", "saying during the debate, “…”": a verbless aside before a comma keeps the quote whole.
    const between = tokens.slice(at, open);
    const aside = /^[,:]$/.test((tokens[open - 1] as Tok).text) && between.every((t) => t.pos !== 'VERB' && t.pos !== 'AUX');
    if (at >= open || aside) return found;
    const last = /^[.!?]$/.test((tokens[sentenceEnd] as Tok).text) && sentenceEnd > open ? sentenceEnd - 1 : sentenceEnd;
    return { ...found, paraphrase: { start: (tokens[at] as Tok).start, end: (tokens[last] as Tok).end } };
  }
  // Colon form without a speech verb: "Brandt: “…”", "- X rejected the claim: “…”" — the clause's subject.
  if (open - 1 > floor && (tokens[open - 1] as Tok).text === ':') {
    let first = floor;
    while (first < open && /^[-–—•*]$/.test((tokens[first] as Tok).text)) first++;
    const source = sourceAfter(tokens, first, open - 1);
    if (source && ((tokens[source.last] as Tok).cap || isSourcePronoun(tokens[source.last] as Tok))) {
      return { cue: { first: open - 1, last: open - 1, lemma: ':', sourceFirst: false }, source, venue: null, tokens };
    }
  }
  return null;
}

/** A speaker label opening the quoted words: "PENCE: Well, look …" (transcripts). */
function label(tokens: readonly Tok[], after: number, ceil: number): Found | null {
  for (let k = after; k < ceil && k - after <= 3; k++) {
    const tok = tokens[k] as Tok;
    if (tok.text === ':' && k > after) {
      const words = tokens.slice(after, k);
      if (words.every((t) => t.cap && t.text === t.text.toUpperCase() && /\p{L}/u.test(t.text))) {
        return { cue: { first: k, last: k, lemma: ':', sourceFirst: false }, source: { first: after, last: k - 1 }, venue: null, tokens };
      }
      return null;
    }
  }
  return null;
}

/** The cue ending the previous block with a colon ("Caddell continued:"), introducing this block's quote. */
function colonBefore(frame: Frame, block: number): Found | null {
  const tokens = frame.tokens[block - 1];
  if (!tokens || tokens.length < 2 || (tokens[tokens.length - 1] as Tok).text !== ':') return null;
  const end = tokens.length - 1;
  return head(tokens, end + 1, frame.sentences[block - 1]?.first[end] ?? 0, end) ?? null;
}

/**
 * Whether [start, end) of the text holds at least `min` words with a letter. Stops at the `min`-th word: an unclosed
 * quote can run to the end of a long paragraph, and splitting all of it for every quote was quadratic.
 */
function hasWords(text: string, start: number, end: number, min: number): boolean {
  let count = 0;
  let i = start;
  while (i < end && count < min) {
    while (i < end && /\s/.test(text[i] as string)) i++;
    let letter = false;
    while (i < end && !/\s/.test(text[i] as string)) {
      if (!letter && /\p{L}/u.test(text[i] as string)) letter = true;
      i++;
    }
    if (letter) count++;
  }
  return count >= min;
}

/** Per token list, the index of its first token that is not a bullet mark (a block opens with bullets only). */
const firstNonBullet = new WeakMap<readonly Tok[], number>();

function startsBlock(tokens: readonly Tok[], index: number): boolean {
  let first = firstNonBullet.get(tokens);
  if (first === undefined) {
    first = tokens.findIndex((t) => !/^[-–—•*]$/.test(t.text));
    if (first < 0) first = tokens.length;
    firstNonBullet.set(tokens, first);
  }
  return index <= first;
}

/** Drafts for every direct quote, in text order. */
export function directQuotes(frame: Frame): Draft[] {
  const out: Draft[] = [];
  let previous: Draft | null = null;
  let previousBlock = -1;
  let previousClose = -1;
  for (const q of frame.quoted) {
    const b = blockOf(frame.blocks, q.open);
    const tokens = frame.tokens[b] ?? [];
    const open = tokenAt(tokens, q.open);
    const closeAt = q.close ?? q.end;
    const b2 = blockOf(frame.blocks, closeAt);
    const closeTokens = frame.tokens[b2] ?? [];
    // The last token of the closing mark ('' is two tokens), so the attribution after it starts at close + 1.
    const close = q.close === null ? tokenAt(closeTokens, closeAt) : tokenAt(closeTokens, closeAt + markWidth(frame.text, closeAt)) - 1;
    const sentence = frame.sentences[b];
    const floor = Math.max(sentence?.first[Math.min(open, tokens.length - 1)] ?? 0, b === previousBlock ? previousClose + 1 : 0);
    // The tagger may end a sentence at "?”" even when "he asks" follows in lower case: the tail goes on.
    const afterClose = closeTokens[close + 1];
    const tailAnchor = afterClose && !afterClose.cap ? close + 1 : close;
    const closeSentenceEnd = frame.sentences[b2]?.last[Math.min(tailAnchor, closeTokens.length - 1)] ?? closeTokens.length - 1;
    let content: Span = { start: q.start, end: q.end };
    const after =
      labelled(tokens, open, q, (c) => (content = c)) ??
      (q.close !== null ? tail(closeTokens, close + 1, closeSentenceEnd + 1, frame.text.charAt(q.end - 1) === '.') : null);
    const sentenceEnd = frame.sentences[b]?.last[Math.min(open, tokens.length - 1)] ?? tokens.length - 1;
    const before = after ? null : head(tokens, open, floor, sentenceEnd);
    const found =
      after ??
      (before && b === b2 && q.close !== null ? withRunOn(before, open, close, sentenceEnd, frame.text.charAt(q.end - 1)) : before) ??
      (startsBlock(tokens, open) ? colonBefore(frame, b) : null);
    let draft: Draft | null = null;
    const startsSentence = open === floor || startsBlock(tokens, open) || /^[.!?]$/.test(tokens[open - 1]?.text ?? '');
    const sameSpeaker = previous && (previousBlock === b || (previousBlock === b - 1 && startsBlock(tokens, open)));
    if (!found && isHeading(frame.text, tokens, open, close, b === b2)) {
      // A subheading in quote marks ("'All Bets Are Off.'" between two sections) quotes no one.
    } else if (found && !found.source && sameSpeaker && previous) {
      // "…,” he said, adding, “…”": the participle's subject is the previous quote's speaker.
      draft = draftOf(found, content, 'direct', previous.continues ?? previous);
      if (found.paraphrase) out.push(draftOf(found, found.paraphrase, 'reported', previous.continues ?? previous));
    } else if (found) {
      draft = draftOf(found, content, 'direct');
      const paraphrase =
        found.paraphrase ??
        (b === b2 && found.cue && found.cue.first > close ? leadIn(tokens, floor, open, q, closeAt + markWidth(frame.text, closeAt)) : null);
      if (paraphrase) out.push(draftOf(found, paraphrase, 'reported'));
    } else if (previous && sameSpeaker && startsSentence) {
      draft = makeDraft(content, 'direct', previous.cue, sourceParts([], null), null, previous.continues ?? previous);
    } else if (hasWords(frame.text, q.start, q.end, MIN_UNATTRIBUTED_WORDS) && (open === floor || startsBlock(tokens, open))) {
      draft = makeDraft(content, 'direct', null, sourceParts([], null), null);
    }
    if (draft) out.push(draft);
    if (draft && (draft.source.length > 0 || draft.continues)) previous = draft;
    previousBlock = b2;
    previousClose = close;
  }
  return out;
}

/** Most words of a quoted subheading. */
export const MAX_HEADING_WORDS = 8;

/**
 * A quote that is its whole block and written in title case (every word of four letters or more capitalised):
 * a section heading set in quote marks, not someone's words.
 */
function isHeading(text: string, tokens: readonly Tok[], open: number, close: number, oneBlock: boolean): boolean {
  if (!oneBlock || !startsBlock(tokens, open) || tokens.slice(close + 1).some((t) => t.pos !== 'PUNCT')) return false;
  const words = tokens.slice(open + 1, close).filter((t) => /\p{L}/u.test(t.text));
  if (words.length < 2 || words.length > MAX_HEADING_WORDS) return false;
  return words.every((t) => t.cap || t.text.length < 4) && /\p{Lu}/u.test(text.charAt((tokens[open + 1] as Tok).start));
}

/**
 * A partial quote (ending in a word) right after its cue with the sentence going on past the closing mark ("the department reported
 * “2,521 shooting incidents” in the city since January"): what was reported is the quote with the words after it.
 */
function withRunOn(found: Found, open: number, close: number, sentenceEnd: number, lastInside: string): Found {
  // A quote ending in its own punctuation ("“the plan is dead,” and left") is whole; a fragment ends in a word.
  if (found.paraphrase || !/[\p{L}\p{N}]/u.test(lastInside)) return found;
  const tokens = found.tokens;
  let last = sentenceEnd;
  while (last > close && (tokens[last] as Tok).pos === 'PUNCT') last--;
  if (last <= close || !tokens.slice(close + 1, last + 1).some((t) => /\p{L}/u.test(t.text))) return found;
  return { ...found, paraphrase: { start: (tokens[open] as Tok).start, end: (tokens[last] as Tok).end } };
}

/** Fewest words before a quote, in its sentence, that make it part of a longer statement. */
export const MIN_LEAD_IN_WORDS = 2;

/**
 * The whole statement when a quote attributed after it ("…,” Vidal said) starts inside its sentence: "Not paying
 * taxes “makes me smart,” Vidal said" reports the lead-in words too. Null when the quote opens the sentence or
 * the words before it hold another quote.
 */
function leadIn(tokens: readonly Tok[], floor: number, open: number, q: QuotedSpan, closeEnd: number): Span | null {
  let first = floor;
  while (first < open && (tokens[first] as Tok).pos === 'PUNCT') first++;
  let words = 0;
  for (let k = first; k < open; k++) {
    const tok = tokens[k] as Tok;
    if (isQuoteMark(tok)) return null;
    if (tok.pos !== 'PUNCT') words++;
  }
  // The statement ends with the closing mark, so its quote marks stay paired.
  return words >= MIN_LEAD_IN_WORDS && q.close !== null ? { start: (tokens[first] as Tok).start, end: closeEnd } : null;
}

function labelled(tokens: readonly Tok[], open: number, q: QuotedSpan, setContent: (span: Span) => void): Found | null {
  const found = label(tokens, open + 1, Math.min(tokens.length, open + 6));
  if (!found?.cue) return null;
  const colon = tokens[found.cue.last] as Tok;
  setContent({ start: colon.end + 1, end: q.end });
  return found;
}
