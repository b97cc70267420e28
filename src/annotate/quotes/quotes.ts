import type { Block, QuoteMention } from '../../model/annotations.js';
import { type Article, layer } from '../../model/article.js';
import { compareSpans, type Span } from '../../model/span.js';
import { type ArticleStage, type StageContext, withLayers } from '../../pipeline/stage.js';
import { speechVerb } from './cue-words.js';
import { directQuotes } from './direct.js';
import { blockOf, buildFrame, type Draft, type Frame, insideQuoted } from './frame.js';
import { findQuotedSpans } from './marks.js';
import { mentionsFromEntities, mentionsFromNames } from './mentions.js';
import { reportedSpeech } from './reported.js';
import { SpeakerResolver } from './speakers.js';
import { blockTokens, type Tok, tokenAt } from './tokens.js';
import { INFERENCE_VERBS } from './vocabulary.js';

/** Options of the quotes stage. */
export interface QuotesOptions {
  /** Also extract reported speech ("said that …", "according to …"); default true. */
  reported?: boolean;
}

/**
 * Direct quotes and reported speech with their speakers. Uses the `entities` layer for speaker names when an
 * earlier stage made it (a mention's `canonical`), else capitalised names found here, so it runs with or without
 * entity recognition.
 */
export function quotes(options: QuotesOptions = {}): ArticleStage {
  const withReported = options.reported ?? true;
  return {
    name: 'quotes',
    requires: ['sentences'],
    produces: ['quotes'],
    run(article: Article, ctx: StageContext) {
      return withLayers(article, { quotes: findQuotes(article, withReported, ctx) });
    },
  };
}

function blocksOf(article: Article): Block[] {
  const blocks = layer(article, 'blocks');
  return blocks.length > 0 ? blocks : [{ start: 0, end: article.text.length, kind: 'paragraph' }];
}

/** Every quote and reported statement of one article, in text order. */
export function findQuotes(article: Article, withReported: boolean, ctx?: StageContext): QuoteMention[] {
  const { text } = article;
  const blocks = blocksOf(article);
  const tokens = blocks.map((b) => blockTokens(text, b));
  markTimes(tokens, layer(article, 'times'));
  const quoted = findQuotedSpans(text, blocks);
  const frame = buildFrame(text, blocks, layer(article, 'sentences'), tokens, quoted);
  const direct = directQuotes(frame);
  const drafts = withReported ? [...direct, ...reportedSpeech(frame, direct)] : direct;
  carryOver(frame, drafts);
  const entities = article.layers.entities;
  const mentions = entities ? mentionsFromEntities(entities) : mentionsFromNames(text, tokens);
  const resolver = new SpeakerResolver(
    text,
    mentions,
    (at) => insideQuoted(quoted, at),
    (at) => isSubject(frame, at),
  );
  const out = resolveAll(text, drafts, resolver);
  for (const q of quoted)
    if (q.close === null)
      ctx?.message('quote mark never closed; the quote ends with its paragraph', { rule: 'unclosed', place: { start: q.open, end: q.end } });
  return out.sort(compareSpans);
}

/** Flags the tokens inside time expressions, so a time phrase is never taken for a speaker. */
function markTimes(blocks: readonly Tok[][], times: readonly Span[]): void {
  if (times.length === 0) return;
  const sorted = [...times].sort(compareSpans);
  let t = 0;
  for (const tokens of blocks) {
    for (const tok of tokens) {
      while (t < sorted.length && (sorted[t] as Span).end <= tok.start) t++;
      const time = sorted[t];
      if (time && time.start <= tok.start && tok.end <= time.end) tok.time = true;
    }
  }
}

/**
 * A quote-only paragraph with no attribution of its own continues the speaker of the paragraph before, when that
 * paragraph attributes something (a paraphrase, a quote) to someone: the news convention for a speech quoted on.
 */
function carryOver(frame: Frame, drafts: Draft[]): void {
  const byStart = [...drafts].sort((a, b) => a.content.start - b.content.start);
  for (const draft of byStart) {
    if (draft.kind !== 'direct' || draft.source.length > 0 || draft.continues || draft.cue) continue;
    const b = blockOf(frame.blocks, draft.content.start);
    const block = frame.blocks[b];
    const before = frame.blocks[b - 1];
    if (!block || !before || draft.content.start - block.start > 2) continue;
    const previous = byStart.filter((d) => d.content.start >= before.start && d.content.start < before.end && (d.source.length > 0 || d.continues)).pop();
    if (previous) draft.continues = previous.continues ?? previous;
  }
}

/** No verb before the offset in its sentence: the mention is (part of) the subject. */
function isSubject(frame: Frame, at: number): boolean {
  const b = blockOf(frame.blocks, at);
  const tokens = frame.tokens[b] ?? [];
  const i = tokenAt(tokens, at);
  const first = frame.sentences[b]?.first[Math.min(i, tokens.length - 1)] ?? 0;
  for (let k = first; k < i; k++) {
    const pos = (tokens[k] as Tok).pos;
    if (pos === 'VERB' || pos === 'AUX') return false;
  }
  return true;
}

function resolveAll(text: string, drafts: readonly Draft[], resolver: SpeakerResolver): QuoteMention[] {
  const order = [...drafts].sort((a, b) => (a.source[0]?.start ?? a.content.start) - (b.source[0]?.start ?? b.content.start));
  const resolved = new Map<Draft, QuoteMention>();
  for (const draft of order) {
    const parent = draft.continues ? resolved.get(draft.continues) : undefined;
    const first = draft.source[0];
    // "The timing of the visit suggests efforts to …": a verb that also means "indicates", with a subject that
    // cannot speak, reports no one. Other speech verbs keep their words, unattributed (a misread source).
    if (first && draft.kind === 'reported' && inferenceCue(text, draft) && !resolver.canSpeak(draft.source.slice(0, draft.sourceHead ?? draft.source.length)))
      continue;
    const last = draft.source[draft.source.length - 1];
    const speakerSpan = first && last ? { start: first.start, end: last.end } : parent?.speakerSpan;
    const found = first ? resolver.resolve(draft.source.slice(0, draft.sourceHead ?? draft.source.length)) : null;
    const speaker = first ? (found?.name ?? null) : (parent?.speaker ?? null);
    const speakerKind = first ? found?.kind : parent?.speakerKind;
    const { start, end } = draft.content;
    const mention: QuoteMention = { start, end, text: text.slice(start, end), kind: draft.kind, speaker };
    if (speakerSpan) mention.speakerSpan = speakerSpan;
    if (speaker !== null && speakerKind) mention.speakerKind = speakerKind;
    if (draft.cue) mention.cue = { start: draft.cue.start, end: draft.cue.end, text: text.slice(draft.cue.start, draft.cue.end) };
    if (draft.venue) mention.venue = text.slice(draft.venue.start, draft.venue.end);
    resolved.set(draft, mention);
  }
  return drafts.flatMap((d) => resolved.get(d) ?? []);
}

/** The draft's cue is a verb that also means "indicates" ("suggests", "shows"): speech only when an agent is its subject. */
function inferenceCue(text: string, draft: Draft): boolean {
  if (!draft.cue) return false;
  const word = /^\p{L}+/u.exec(text.slice(draft.cue.start, draft.cue.end))?.[0]?.toLowerCase() ?? '';
  const verb = speechVerb(word);
  return verb !== undefined && INFERENCE_VERBS.has(verb.lemma);
}
