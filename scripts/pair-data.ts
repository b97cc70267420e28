// What the pair-model scripts share: the annotated ECB+ sub-topics (cached outside the repository so a retrain skips
// annotation), a stable key for a claim pair (so hand labels stay attached to the two claims they judged), and the
// sub-topic's guarded pairs keyed that way.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadSubtopics, type Subtopic, subtopicUnits } from '../eval/sets/claims-ecbplus.js';
import { readMentions } from '../eval/sets/claims-ecbplus-gold.js';
import type { EcbDocument } from '../eval/sets/ecbplus-corpus.js';
import { type GuardedPair, guardedPairs } from '../src/compare/align.js';
import type { FactUnit } from '../src/compare/units.js';
import type { Span } from '../src/model/span.js';

export const ROOT = join(import.meta.dirname, '..');

/** The annotated sub-topics, read from `cache` when it exists (and written there when it does not). */
export function cachedSubtopics(cache: string | undefined): Subtopic[] {
  if (cache && existsSync(cache))
    return (JSON.parse(readFileSync(cache, 'utf8')) as Subtopic[]).map((s) => ({
      ...s,
      sentences: s.sentences.map((x) => ({ ...x, chains: new Set(x.chains as unknown as string[]) })),
    }));
  const subs = loadSubtopics(join(ROOT, '..', 'shared', 'data', 'ecbplus'), false);
  if (cache)
    writeFileSync(
      cache,
      JSON.stringify(subs, (_k, v) => (v instanceof Set ? [...v] : v)),
    );
  return subs;
}

/** The value of `--name VALUE` on the command line. */
export function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

/** A claim as a label names it: its document and offsets (never its words: ECB+ text stays out of the repository). */
function claimId(sub: Subtopic, u: FactUnit): string {
  const doc = sub.docs.find((d) => d.article.id === u.articleId)?.name ?? u.articleId;
  return `${doc}:${u.start}-${u.end}`;
}

/** Order-free key of a claim pair: the hash of its two claim ids. */
export function pairKey(sub: Subtopic, a: FactUnit, b: FactUnit): string {
  const ids = [claimId(sub, a), claimId(sub, b)].sort();
  return createHash('sha256').update(ids.join('|')).digest('hex').slice(0, 16);
}

/** The sub-topic's claims (opinion left out, as buildFacts does) and their guarded pairs with keys. */
export function keyedPairs(sub: Subtopic): { units: FactUnit[]; pairs: Array<GuardedPair & { key: string }> } {
  const units = subtopicUnits(sub).filter((u) => !u.opinion);
  return { units, pairs: guardedPairs(units).map((p) => ({ ...p, key: pairKey(sub, units[p.i] as FactUnit, units[p.j] as FactUnit) })) };
}

/** A pair judged by reading: the same claim (both tell the same fact about the same happening) or not. */
export interface PairLabel {
  key: string;
  subtopic: string;
  same: boolean;
  reason: string;
}

export function readLabels(file: string): PairLabel[] {
  return readJsonLines<PairLabel>(file);
}

/** One JSON value per non-empty line; none when the file does not exist. */
export function readJsonLines<T>(file: string): T[] {
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as T);
}

/** An ECB+ event mention located in its document's text, with its cross-document chains (training labels only). */
export interface MentionSpan extends Span {
  chains: readonly string[];
}

const ECBPLUS = join(ROOT, '..', 'shared', 'data', 'ecbplus');

/**
 * The event mentions of one ECB+ document as offsets into its article text, for labelling claim pairs by the chains
 * of the mentions inside each claim (not of its whole sentence). Line k of the text is the k-th sentence kept (as
 * goldSentences reads it); a mention's tokens are found in order along their line, and a token the detokenized line
 * does not hold verbatim (a quote mark turned curly) is skipped.
 */
export function mentionSpans(doc: EcbDocument): MentionSpan[] {
  const xml = gunzipSync(readFileSync(join(ECBPLUS, 'xml', String(doc.topic), `${doc.name}.gz`))).toString('utf8');
  const { order, words, mentions } = readMentions(xml);
  if (doc.article.url) order.shift();
  const lines = doc.article.text.split('\n');
  // Each line's tokens located: [start, end) in the article text, or null when not found verbatim.
  const located = new Map<number, Array<Span | null>>();
  let offset = 0;
  lines.forEach((line, k) => {
    const sentence = order[k];
    if (sentence !== undefined) {
      let cursor = 0;
      located.set(
        sentence,
        (words.get(sentence) ?? []).map((w) => {
          const word = w.replace(/&(?:amp|lt|gt|quot|apos);/gu, (e) => XML_ENTITY[e] ?? e);
          const at = line.indexOf(word, cursor);
          if (at < 0) return null;
          cursor = at + word.length;
          return { start: offset + at, end: offset + cursor };
        }),
      );
    }
    offset += line.length + 1;
  });
  const out: MentionSpan[] = [];
  for (const m of mentions) {
    const spans = m.tokens.map((t) => located.get(m.sentence)?.[t]).filter((s): s is Span => s !== null && s !== undefined);
    const first = spans[0];
    const last = spans[spans.length - 1];
    if (first && last) out.push({ start: first.start, end: last.end, chains: m.chains });
  }
  return out;
}

const XML_ENTITY: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
