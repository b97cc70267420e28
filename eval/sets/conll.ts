import { join } from 'node:path';
import nlp from 'compromise';
import { entities } from '../../src/annotate/entities/index.js';
import type { GoldSentence } from '../../src/annotate/entities/tagger/train.js';
import type { EntityMention, EntityType } from '../../src/model/annotations.js';
import { runStage } from '../../src/pipeline/runner.js';
import { articleFrom } from '../../test/entities/article.js';
import { type EvalResult, type Evaluator, prf, type Row } from '../harness.js';
import { readConllDocuments } from './conll-data.js';

/**
 * Named entities on CoNLL newswire: CoNLL++ test (English: CoNLL-2003 with the corrected test set) and CoNLL-2002
 * testb (Spanish). Entity-level (exact span + type) micro P/R/F1, the conlleval definition, for the shipped stage
 * (tagger trained on the train files + rules), the stage with its rules alone, and compromise (English). Type
 * mapping: person → PER, org → ORG, place → LOC, group and misc → MISC. Title and pronoun mentions are not names and
 * are not scored. Training used the train files; tuning the dev files (conllpp_dev.txt, esp.testa); the test files
 * only score.
 */

export type Label = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** How our types meet CoNLL's four labels. */
export const CONLL_LABEL: Record<EntityType, Label> = { person: 'PER', org: 'ORG', place: 'LOC', group: 'MISC', misc: 'MISC' };

/** Documents scored with `--quick`. */
const QUICK_DOCUMENTS = 40;

/** A gold or predicted entity: sentence, token range, label. */
export interface Chunk {
  sentence: number;
  first: number;
  last: number;
  label: Label;
}

/** Gold chunks of one sentence. */
function goldChunks(s: GoldSentence, sentence: number): Chunk[] {
  return s.names.map((n) => ({ sentence, first: n.first, last: n.last, label: n.type }));
}

/** One document as article text: a sentence per paragraph, tokens joined by spaces, with each token's offset. */
export function layout(doc: ReadonlyArray<{ words: readonly string[] }>): { paragraphs: string[]; offsets: Array<Array<[number, number]>> } {
  const paragraphs: string[] = [];
  const offsets: Array<Array<[number, number]>> = [];
  let base = 0;
  for (const s of doc) {
    const spans: Array<[number, number]> = [];
    let at = 0;
    for (const t of s.words) {
      spans.push([base + at, base + at + t.length]);
      at += t.length + 1;
    }
    const text = s.words.join(' ');
    paragraphs.push(text);
    offsets.push(spans);
    base += text.length + 2;
  }
  return { paragraphs, offsets };
}

/** Maps character spans to token chunks; a span not on token edges becomes a chunk that matches nothing. */
export function toChunks(spans: ReadonlyArray<{ start: number; end: number; label: Label }>, offsets: Array<Array<[number, number]>>): Chunk[] {
  const out: Chunk[] = [];
  for (const span of spans) {
    offsets.forEach((sentence, si) => {
      const first = sentence.findIndex(([s]) => s === span.start);
      const last = sentence.findIndex(([, e]) => e === span.end);
      if (first >= 0 && last >= first) out.push({ sentence: si, first, last: last + 1, label: span.label });
      else if (first >= 0) out.push({ sentence: si, first: -1, last: -1, label: span.label });
    });
  }
  return out;
}

/** Running conlleval counts, overall, per label and ignoring labels. */
export class Score {
  readonly tp = new Map<string, number>();
  readonly fp = new Map<string, number>();
  readonly fn = new Map<string, number>();

  add(gold: readonly Chunk[], predicted: readonly Chunk[], docId: number): void {
    const key = (c: Chunk, typed: boolean): string => `${docId}:${c.sentence}:${c.first}:${c.last}${typed ? `:${c.label}` : ''}`;
    for (const typed of [true, false]) {
      const goldSet = new Set(gold.map((c) => key(c, typed)));
      const predSet = new Set(predicted.map((c) => key(c, typed)));
      for (const c of predicted) this.bump(goldSet.has(key(c, typed)) ? this.tp : this.fp, c.label, typed);
      for (const c of gold) if (!predSet.has(key(c, typed))) this.bump(this.fn, c.label, typed);
    }
  }

  private bump(map: Map<string, number>, label: string, typed: boolean): void {
    const names = typed ? ['all', label] : ['span'];
    for (const n of names) map.set(n, (map.get(n) ?? 0) + 1);
  }

  f1(name: string): { p: number; r: number; f1: number } {
    return prf(this.tp.get(name) ?? 0, this.fp.get(name) ?? 0, this.fn.get(name) ?? 0);
  }
}

/** compromise's people, places and organisations (its grouped views, not single tagged words) with offsets. */
function compromiseSpans(text: string): Array<{ start: number; end: number; label: Label }> {
  const doc = nlp(text);
  const views: Array<[{ json(options: object): unknown }, Label]> = [
    [doc.people(), 'PER'],
    [doc.places(), 'LOC'],
    [doc.organizations(), 'ORG'],
  ];
  const out: Array<{ start: number; end: number; label: Label }> = [];
  for (const [view, label] of views) {
    for (const m of view.json({ offset: true }) as Array<{ offset: { start: number; length: number } }>) {
      let start = m.offset.start;
      let end = start + m.offset.length;
      while (end > start && TRIM_END.test(text[end - 1] ?? '')) end--;
      while (start < end && TRIM_START.test(text[start] ?? '')) start++;
      out.push({ start, end, label });
    }
  }
  return out;
}

/** Punctuation compromise keeps at the edges of a match but CoNLL tokens leave out. */
const TRIM_END = /[\s.,;:'"!?)]/;
const TRIM_START = /[\s"'(]/;

/**
 * CPU seconds of this process: throughput per core, which wall time on a shared, loaded machine overstates by the
 * time other processes hold the cores.
 */
export function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export function rows(name: string, s: Score, seconds: number, bytes: number): Row {
  const all = s.f1('all');
  return {
    system: name,
    P: all.p,
    R: all.r,
    F1: all.f1,
    PER: s.f1('PER').f1,
    ORG: s.f1('ORG').f1,
    LOC: s.f1('LOC').f1,
    MISC: s.f1('MISC').f1,
    'span F1': s.f1('span').f1,
    'MB/s': bytes / 1e6 / seconds,
  };
}

/** Scores one CoNLL file with the stage (tagger on or off) and, for English, compromise. */
export function scoreConll(
  path: string,
  options: { quick: boolean; compromise: boolean; tagger: boolean; language: 'en' | 'es'; system: string },
): { ours: Row; compromise: Row | null; documents: number } {
  const docs = readConllDocuments(path).slice(0, options.quick ? QUICK_DOCUMENTS : undefined);
  const stage = entities({ tagger: options.tagger });
  const ours = new Score();
  const theirs = new Score();
  let ourSeconds = 0;
  let theirSeconds = 0;
  let bytes = 0;
  docs.forEach((doc, d) => {
    const { paragraphs, offsets } = layout(doc);
    const gold = doc.flatMap((s, i) => goldChunks(s, i));
    const article = articleFrom(paragraphs, options.language);
    bytes += Buffer.byteLength(article.text);
    let t = cpuSeconds();
    const mentions: EntityMention[] = runStage(stage, article).layers.entities ?? [];
    ourSeconds += cpuSeconds() - t;
    const named = mentions.filter((m) => m.via !== 'pronoun' && m.via !== 'title').map((m) => ({ ...m, label: CONLL_LABEL[m.type] }));
    ours.add(gold, toChunks(named, offsets), d);
    if (!options.compromise) return;
    t = cpuSeconds();
    const spans = compromiseSpans(article.text);
    theirSeconds += cpuSeconds() - t;
    theirs.add(gold, toChunks(spans, offsets), d);
  });
  return {
    ours: rows(options.system, ours, ourSeconds, bytes),
    compromise: options.compromise ? rows('compromise 14 people/places/organizations', theirs, theirSeconds, bytes) : null,
    documents: docs.length,
  };
}

const SHIPPED = 'triangulate entities: tagger trained on the train file + rules (shipped)';
const RULES = 'triangulate entities: rules + open gazetteers alone (before this tagger)';

export const conll: Evaluator = {
  id: 'conll',
  dataset: 'conll2003pp',
  async run(path, options): Promise<EvalResult> {
    const file = join(path, 'conllpp_test.txt');
    const test = scoreConll(file, { quick: options.quick, compromise: true, tagger: true, language: 'en', system: SHIPPED });
    const rules = scoreConll(file, { quick: options.quick, compromise: false, tagger: false, language: 'en', system: RULES });
    return {
      title: 'Named entities: CoNLL++ test, English (conlleval, exact span + type)',
      note:
        `conllpp_test.txt, ${test.documents} documents${options.quick ? ' (--quick subset)' : ''}; tagger trained on conllpp_train (npm run train), ` +
        'tuned on conllpp_dev. Mapping person→PER, org→ORG, place→LOC, group|misc→MISC; title and pronoun mentions not scored. ' +
        '"span F1" ignores the type. MB/s: CPU time of the entities stage alone (after sentences) or of compromise.',
      columns: ['P', 'R', 'F1', 'PER', 'ORG', 'LOC', 'MISC', 'span F1', 'MB/s'],
      rows: [test.ours, rules.ours, ...(test.compromise ? [test.compromise] : [])],
      targets: ['typed F1 ≥ 0.88 (issue 15)'],
    };
  },
};

export const conll2002: Evaluator = {
  id: 'conll2002',
  dataset: 'conll2002-es',
  async run(path, options): Promise<EvalResult> {
    const file = join(path, 'esp.testb.gz');
    const test = scoreConll(file, { quick: options.quick, compromise: false, tagger: true, language: 'es', system: SHIPPED });
    const rules = scoreConll(file, { quick: options.quick, compromise: false, tagger: false, language: 'es', system: RULES });
    return {
      title: 'Named entities: CoNLL-2002 testb, Spanish (conlleval, exact span + type)',
      note:
        `esp.testb, ${test.documents} news items (split at the "( EFE )" dateline)${options.quick ? ' (--quick subset)' : ''}; ` +
        'tagger trained on esp.train, tuned on esp.testa. Same mapping as CoNLL++; compromise has no Spanish model.',
      columns: ['P', 'R', 'F1', 'PER', 'ORG', 'LOC', 'MISC', 'span F1', 'MB/s'],
      rows: [test.ours, rules.ours],
      targets: ['typed F1 ≥ 0.80 (issue 15)'],
    };
  },
};
