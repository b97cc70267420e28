import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cleanDocument } from '../../src/clean/index.js';
import { buildDossier } from '../../src/compare/dossier.js';
import { makeDocument } from '../../src/ingest/records.js';
import type { Article } from '../../src/model/article.js';
import type { Story } from '../../src/model/story.js';
import { defaultStages } from '../../src/pipeline/registry.js';
import { createPipeline } from '../../src/pipeline/runner.js';
import { type EvalResult, type Evaluator, PROJECT_ROOT, type Row } from '../harness.js';
import { loadEcbPlus } from './ecbplus-corpus.js';

/**
 * Quote merging on real multi-outlet stories (eval/quote-pairs/README.md): each ECB+ sub-topic, and the shared seed
 * articles, becomes one story; its dossier's quotes say which quote mentions are one statement (a quote with its
 * variants). Hand-labelled pairs of mentions score it: precision and recall over the labelled pairs, the joined pairs
 * nobody labelled, and the "same words given to different speakers" warnings, right when a labelled pair under it
 * is one statement the outlets really give to two speakers. The rules were tuned on the even topics; odd topics are
 * held out. Beside it, joining the same words only (a reprint), the floor any grouping must beat.
 */

const GOLD = join(PROJECT_ROOT, 'eval', 'quote-pairs', 'gold.tsv');
const QUICK_TOPICS = 10;

interface Label {
  same: boolean;
  /** The texts give the words to two different speakers (a right warning when they are one statement). */
  differ: boolean;
}

interface Mention {
  text: string;
  speaker: string | null;
}

interface Half {
  /** Pairs of mention keys joined into one quote. */
  joined: Set<string>;
  /** Joined by the same words only (the baseline). */
  sameWords: Set<string>;
  /** Each warning's mention keys. */
  warnings: string[][];
  mentions: Map<string, Mention>;
}

function readGold(): Map<string, Label> {
  const gold = new Map<string, Label>();
  for (const line of readFileSync(GOLD, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [a, b, same, speakers] = line.split('\t');
    gold.set(pairKey(a as string, b as string), { same: same === '1', differ: speakers === 'differ' });
  }
  return gold;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a} | ${b}` : `${b} | ${a}`;
}

/** `name@start-end`: a mention by its document's file name and character span. */
function mentionKey(name: string, start: number, end: number): string {
  return `${name}@${start}-${end}`;
}

function words(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** One story's quotes into `half`: the pairs each quote joins, its warning, every mention with its words. */
function addStory(half: Half, articles: readonly Article[], names: readonly string[]): void {
  const nameOf = new Map(articles.map((a, i) => [a.id, names[i] as string]));
  for (const a of articles) {
    for (const q of a.layers.quotes ?? []) half.mentions.set(mentionKey(nameOf.get(a.id) as string, q.start, q.end), { text: q.text, speaker: q.speaker });
  }
  const story: Story = {
    id: names[0] as string,
    title: names[0] as string,
    articleIds: articles.map((a) => a.id),
    sources: articles.map((a, i) => ({ name: names[i] as string, articleIds: [a.id] })),
    events: [],
  };
  for (const q of buildDossier(story, articles).quotes) {
    const keys = [...q.citations, ...(q.variants ?? []).flatMap((v) => v.citations)].map((c) => mentionKey(nameOf.get(c.articleId) as string, c.start, c.end));
    for (const [i, a] of keys.entries()) for (const b of keys.slice(i + 1)) half.joined.add(pairKey(a, b));
    if (q.otherSpeakers?.length) half.warnings.push(keys);
  }
  const byWords = new Map<string, string[]>();
  for (const a of articles) {
    for (const q of a.layers.quotes ?? []) {
      const key = `${q.kind}:${words(q.text)}`;
      byWords.set(key, [...(byWords.get(key) ?? []), mentionKey(nameOf.get(a.id) as string, q.start, q.end)]);
    }
  }
  for (const keys of byWords.values()) for (const [i, a] of keys.entries()) for (const b of keys.slice(i + 1)) half.sameWords.add(pairKey(a, b));
}

function rows(half: Half, gold: ReadonlyMap<string, Label>): Row[] {
  const labelled = [...gold].filter(([k]) => k.split(' | ').every((m) => half.mentions.has(m)));
  const same = labelled.filter(([, l]) => l.same).length;
  const score = (system: string, joined: ReadonlySet<string>, warnings: readonly string[][]): Row => {
    const hits = labelled.filter(([k]) => joined.has(k));
    const right = hits.filter(([, l]) => l.same).length;
    let warnRight = 0;
    let warnWrong = 0;
    for (const keys of warnings) {
      // The labelled pairs under the warning whose mentions name two speakers; none labelled leaves it unjudged.
      const speaker = (k: string) => half.mentions.get(k)?.speaker ?? null;
      const cross = keys
        .flatMap((a, i) => keys.slice(i + 1).map((b) => (speaker(a) && speaker(b) && speaker(a) !== speaker(b) ? gold.get(pairKey(a, b)) : undefined)))
        .filter((l): l is Label => l !== undefined);
      if (cross.some((l) => l.same && l.differ)) warnRight++;
      else if (cross.length > 0) warnWrong++;
    }
    return {
      system,
      'labelled pairs': labelled.length,
      joined: hits.length,
      P: hits.length === 0 ? 0 : right / hits.length,
      R: same === 0 ? 0 : right / same,
      'joined, unlabelled': [...joined].filter((k) => !gold.has(k)).length,
      warnings: warnings.length,
      'warnings right': warnRight,
      'warnings wrong': warnWrong,
    };
  };
  return [score('triangulate', half.joined, half.warnings), score('same words only', half.sameWords, [])];
}

function emptyHalf(): Half {
  return { joined: new Set(), sameWords: new Set(), warnings: [], mentions: new Map() };
}

export const quotePairsEvaluator: Evaluator = {
  id: 'quote-pairs',
  dataset: 'ecbplus',
  async run(path, { quick }): Promise<EvalResult> {
    const gold = readGold();
    const pipeline = createPipeline(defaultStages());
    const halves = { even: emptyHalf(), odd: emptyHalf(), seeds: emptyHalf() };
    const docs = loadEcbPlus(path, quick ? QUICK_TOPICS : Number.POSITIVE_INFINITY);
    for (const subtopic of new Set(docs.map((d) => d.subtopic))) {
      const own = docs.filter((d) => d.subtopic === subtopic);
      const half = (own[0]?.topic ?? 0) % 2 === 0 ? halves.even : halves.odd;
      addStory(
        half,
        own.map((d) => pipeline.run(d.article)),
        own.map((d) => d.name),
      );
    }
    // The shared seed articles (one story) sit beside the data root, pasted pages as a user would ingest them.
    const seeds = join(dirname(path), '..', 'seeds');
    if (existsSync(seeds)) {
      const names = readdirSync(seeds)
        .filter((n) => n.endsWith('.txt'))
        .sort();
      const articles = names.map((n) => pipeline.run(cleanDocument(makeDocument({ kind: 'text', path: n }, 'text', readFileSync(join(seeds, n), 'utf8')))));
      addStory(halves.seeds, articles, names);
    }
    const label = { even: 'dev (even topics)', odd: 'held-out (odd topics)', seeds: 'seed articles' } as const;
    return {
      title: 'Quote merging on ECB+ sub-topics and the seed story (hand-labelled mention pairs)',
      note:
        `${gold.size} labelled pairs (eval/quote-pairs/gold.tsv): a sample of the pairs the previous grouping joined, every pair the ` +
        'new one joins that it did not, and the pairs under warnings. P and R over labelled pairs; rules tuned on even topics' +
        (quick ? `; quick: first ${QUICK_TOPICS} topics only` : ''),
      columns: ['half', 'labelled pairs', 'joined', 'P', 'R', 'joined, unlabelled', 'warnings', 'warnings right', 'warnings wrong'],
      rows: (['even', 'odd', 'seeds'] as const).flatMap((h) => rows(halves[h], gold).map((r) => ({ ...r, half: label[h] }))),
      targets: ['held-out: estimated P of joined pairs >= 0.90 (README, strata weighted); a warning only over words the outlets really give to two speakers'],
    };
  },
};
