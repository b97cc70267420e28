import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Span } from '../../src/model/span.js';
import type { EcbDocument } from './ecbplus-corpus.js';

/**
 * Gold for claim alignment on ECB+: the validated sentences (ECBplus_coreference_sentences.csv) with the
 * cross-document event chains their action mentions belong to. Two validated sentences of different documents of
 * one sub-topic that share a chain tell the same happening: a gold pair. Only this evaluator reads the markables;
 * the engine sees the detokenized text alone.
 */

/** One validated sentence: its span in the document's text and the cross-document event chains it mentions. */
export interface GoldSentence extends Span {
  doc: string;
  subtopic: string;
  topic: number;
  chains: Set<string>;
}

const TOKEN = /<token t_id="(\d{1,9})" sentence="(\d{1,6})" number="\d{1,9}">([^<]{0,500})<\/token>/g;
/** Event mentions: ACTION_* and NEG_* markables anchored on tokens. Machine-written XML, bounded repeats. */
const EVENT_MARKABLE = /<((?:ACTION|NEG)_[A-Z_]{1,40}) m_id="(\d{1,9})"\s*>([\s\S]{0,4000}?)<\/\1>/g;
const ANCHOR = /<token_anchor t_id="(\d{1,9})"\s*\/>/g;
const CROSS = /<CROSS_DOC_COREF r_id="\d{1,12}" note="((?:ACT|NEG)\w{1,40})"\s*>([\s\S]{0,4000}?)<\/CROSS_DOC_COREF>/g;
const SOURCE = /<source m_id="(\d{1,9})"\s*\/>/g;

/** The validated sentences of `docs`, located in each document's text (line k of the text = k-th sentence kept). */
export function goldSentences(root: string, docs: readonly EcbDocument[]): GoldSentence[] {
  const validated = new Set<string>();
  for (const line of readFileSync(join(root, 'ECBplus_coreference_sentences.csv'), 'utf8').split('\n').slice(1)) {
    const [topic, file, sentence] = line.trim().split(',');
    if (topic && file && sentence) validated.add(`${topic}/${file}/${sentence}`);
  }
  const out: GoldSentence[] = [];
  for (const d of docs) {
    const xml = gunzipSync(readFileSync(join(root, 'xml', String(d.topic), `${d.name}.gz`))).toString('utf8');
    const { order, mentions } = readMentions(xml);
    // The loader drops an ECB+ file's URL line (sentence 0): the remaining sentences are the text's lines in order.
    if (d.article.url) order.shift();
    const chains = new Map<number, Set<string>>();
    for (const m of mentions) for (const c of m.chains) chains.set(m.sentence, (chains.get(m.sentence) ?? new Set()).add(c));
    const lines = d.article.text.split('\n');
    let offset = 0;
    const file = d.name.replace(/\.xml$/, '').replace(/^\d+_/, '');
    lines.forEach((line, k) => {
      const sentence = order[k];
      if (sentence !== undefined && validated.has(`${d.topic}/${file}/${sentence}`))
        out.push({ doc: d.name, subtopic: d.subtopic, topic: d.topic, start: offset, end: offset + line.length, chains: chains.get(sentence) ?? new Set() });
      offset += line.length + 1;
    });
  }
  return out;
}

/** An event mention of one document: its sentence number, its words and the cross-document chains it belongs to. */
export interface EventMention {
  sentence: number;
  /** Positions of the mention's tokens among its sentence's tokens. */
  tokens: number[];
  chains: string[];
}

/** The sentence numbers of an ECB+ file (ascending), each sentence's tokens and its event mentions, read from the markables. */
export function readMentions(xml: string): { order: number[]; words: Map<number, string[]>; mentions: EventMention[] } {
  const sentenceOf = new Map<string, number>();
  const positionOf = new Map<string, number>();
  const words = new Map<number, string[]>();
  const order: number[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    const s = Number(m[2]);
    sentenceOf.set(m[1] as string, s);
    const list = words.get(s) ?? [];
    positionOf.set(m[1] as string, list.length);
    list.push(m[3] as string);
    words.set(s, list);
    if (order[order.length - 1] !== s && !order.includes(s)) order.push(s);
  }
  order.sort((a, b) => a - b);
  const byId = new Map<string, EventMention>();
  for (const m of xml.matchAll(EVENT_MARKABLE)) {
    const anchors = [...(m[3] as string).matchAll(ANCHOR)].map((a) => a[1] as string);
    const sentence = sentenceOf.get(anchors[0] ?? '') ?? -1;
    if (sentence >= 0) byId.set(m[2] as string, { sentence, tokens: anchors.map((a) => positionOf.get(a) ?? -1), chains: [] });
  }
  for (const m of xml.matchAll(CROSS)) for (const s of (m[2] as string).matchAll(SOURCE)) byId.get(s[1] as string)?.chains.push(m[1] as string);
  return { order, words, mentions: [...byId.values()] };
}

/** Gold pairs (indices into `sentences`): different documents, one sub-topic, a shared cross-document event chain. */
export function goldPairs(sentences: readonly GoldSentence[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i + 1; j < sentences.length; j++) {
      const a = sentences[i] as GoldSentence;
      const b = sentences[j] as GoldSentence;
      if (a.doc === b.doc || a.subtopic !== b.subtopic) continue;
      for (const c of a.chains)
        if (b.chains.has(c)) {
          out.add(`${i}:${j}`);
          break;
        }
    }
  }
  return out;
}
