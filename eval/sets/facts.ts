import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { canonicalKey } from '../../src/annotate/entities/index.js';
import { buildDossier } from '../../src/compare/dossier.js';
import { ingest } from '../../src/engine/ingest.js';
import type { Article } from '../../src/model/article.js';
import type { Dossier } from '../../src/model/story.js';
import { openStore } from '../../src/store/index.js';
import { type EvalResult, type Evaluator, PROJECT_ROOT, prf } from '../harness.js';
import { type Gold, type GoldFact, type GoldMention, readGold } from './facts/gold.js';

type Status = GoldFact['status'] | 'missed';
const STATUSES: GoldFact['status'][] = ['corroborated', 'conflicting', 'single-source'];

/** The gold name of an article: its file name, `#n` for the n-th record of a JSONL file. */
function goldName(a: Article): string {
  return `${basename(a.source.path)}${a.source.line ? `#${a.source.line}` : ''}`;
}

interface Located {
  articleId: string;
  start: number;
  end: number;
}

/** Finds a gold sentence in the article's clean text (exact, then with quotes and spaces normalised). */
function locate(m: GoldMention, byName: ReadonlyMap<string, Article>): Located | null {
  const a = byName.get(m.article);
  if (!a) return null;
  let at = a.text.indexOf(m.sentence);
  if (at < 0) at = fold(a.text).indexOf(fold(m.sentence));
  return at < 0 ? null : { articleId: a.id, start: at, end: at + m.sentence.length };
}

function fold(text: string): string {
  return text
    .replace(/[“”«»"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/\s/g, ' ');
}

/** The story fact citing the most of these mentions (ties: more sources), with its index. */
function bestFact(d: Dossier, spans: readonly Located[]): number {
  let best = -1;
  let bestHits = 0;
  d.facts.forEach((f, i) => {
    const hits = spans.filter((s) => f.citations.some((c) => c.articleId === s.articleId && c.start < s.end && s.start < c.end)).length;
    if (hits > bestHits || (hits === bestHits && hits > 0 && f.independentSources > (d.facts[best]?.independentSources ?? 0))) {
      best = i;
      bestHits = hits;
    }
  });
  return best;
}

/** Status the engine gives a gold fact: a conflict counts only when the two sides conflict with each other. */
function predicted(g: GoldFact, dossiers: readonly Dossier[], byName: ReadonlyMap<string, Article>): { status: Status; sourcesRight: boolean } {
  const sides = g.values.map((v) => v.mentions.map((m) => locate(m, byName)).filter((x): x is Located => x !== null));
  for (const d of dossiers) {
    const facts = sides.map((spans) => bestFact(d, spans));
    if (facts.every((f) => f < 0)) continue;
    if (g.values.length > 1) {
      const [a, b] = facts;
      const fa = a === undefined ? undefined : d.facts[a];
      const conflict = fa !== undefined && b !== undefined && b >= 0 && fa.conflictsWith.includes(b);
      const sourcesRight = facts.every((f, k) => d.facts[f]?.independentSources === g.values[k]?.independentSources);
      return { status: conflict ? 'conflicting' : (fa?.status ?? 'missed'), sourcesRight };
    }
    const f = d.facts[facts[0] ?? -1];
    return { status: f?.status ?? 'missed', sourcesRight: f?.independentSources === g.independentSources };
  }
  return { status: 'missed', sourcesRight: false };
}

function scoreFacts(gold: readonly GoldFact[], dossiers: readonly Dossier[], byName: ReadonlyMap<string, Article>): Record<string, number | string> {
  const out: Record<string, number | string> = { facts: gold.length };
  const preds = gold.map((g) => ({ g, ...predicted(g, dossiers, byName) }));
  if (process.env.TRIANGULATE_EVAL_VERBOSE) {
    for (const p of preds)
      if (p.status !== p.g.status || !p.sourcesRight)
        console.error(`facts: ${p.g.id}: gold ${p.g.status}, engine ${p.status}, sources ${p.sourcesRight ? 'right' : 'wrong'}`);
  }
  for (const s of STATUSES) {
    const tp = preds.filter((p) => p.g.status === s && p.status === s).length;
    const fp = preds.filter((p) => p.g.status !== s && p.status === s).length;
    const fn = preds.filter((p) => p.g.status === s && p.status !== s).length;
    const { p, r } = prf(tp, fp, fn);
    out[`${s} P`] = p;
    out[`${s} R`] = r;
  }
  out['sources exact'] = preds.filter((p) => p.sourcesRight).length / Math.max(1, preds.length);
  out.missed = preds.filter((p) => p.status === 'missed').length;
  return out;
}

/** Share of gold direct quotes whose speaker the dossier names (same canonical key as the gold speaker). */
function quoteSpeakers(gold: Gold, byName: ReadonlyMap<string, Article>): number {
  let right = 0;
  for (const q of gold.quotes) {
    const a = byName.get(q.article);
    const text = q.text ?? q.parts?.[0] ?? '';
    const at = a ? fold(a.text).indexOf(fold(text)) : -1;
    const mention = a?.layers.quotes?.find((m) => at >= 0 && m.start < at + text.length && at < m.end);
    if (mention?.speaker && canonicalKey(mention.speaker).endsWith(canonicalKey(q.speaker).split(' ').pop() ?? '')) right++;
    else if (process.env.TRIANGULATE_EVAL_VERBOSE)
      console.error(`quotes: ${q.article}: “${text.slice(0, 50)}” gold ${q.speaker}, engine ${mention ? (mention.speaker ?? 'none') : 'no quote found'}`);
  }
  return right / Math.max(1, gold.quotes.length);
}

/**
 * Fact status on the project's own gold (samples/gold/facts.json): the engine ingests samples/corpus as a user
 * would, and each gold fact is matched to the story fact citing its sentences. Precision and recall per status;
 * "sources exact" is the share of facts with the right number of independent sources. Thresholds in
 * src/compare/align.ts were tuned looking at the even-indexed gold facts only; the odd half is reported apart.
 */
export const factsEval: Evaluator = {
  id: 'facts',
  dataset: join(PROJECT_ROOT, 'samples'),
  async run(samples): Promise<EvalResult> {
    const gold = readGold(samples);
    const dir = mkdtempSync(join(tmpdir(), 'tri-facts-'));
    const store = await openStore(dir);
    try {
      await ingest(store, [join(samples, 'corpus')]);
      const articles = await store.getArticles(await store.articleIds());
      const byName = new Map(articles.map((a) => [goldName(a), a]));
      const dossiers: Dossier[] = [];
      for (const id of await store.storyIds()) {
        const story = await store.getStory(id);
        if (story) dossiers.push(buildDossier(story, await store.getArticles(story.articleIds)));
      }
      const half = (parity: number) => gold.facts.filter((_, i) => i % 2 === parity);
      const speakers = quoteSpeakers(gold, byName);
      const columns = ['facts', ...STATUSES.flatMap((s) => [`${s} P`, `${s} R`]), 'sources exact', 'missed'];
      return {
        title: 'Fact status on the sample corpus (samples/gold/facts.json)',
        note: `each gold fact matched to the story fact citing its sentences; tuned on the even half; direct-quote speaker accuracy on all ${gold.quotes.length} gold quotes: ${speakers.toFixed(3)}`,
        columns,
        rows: [
          { system: 'triangulate, tuning half (even)', ...scoreFacts(half(0), dossiers, byName) },
          { system: 'triangulate, held-out half (odd)', ...scoreFacts(half(1), dossiers, byName) },
          { system: 'triangulate, all', ...scoreFacts(gold.facts, dossiers, byName) },
        ],
        targets: ['status P/R reported with the misses explained (issue 6); every direct quote with the right speaker'],
      };
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
