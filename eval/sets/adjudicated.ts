import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDossier } from '../../src/compare/dossier.js';
import { ingest } from '../../src/engine/ingest.js';
import type { Article } from '../../src/model/article.js';
import type { StoryOut } from '../../src/model/contract.js';
import { openStore } from '../../src/store/index.js';
import { dataRoot, type EvalResult, type Evaluator, PROJECT_ROOT } from '../harness.js';
import { BASELINE_COSINE, cosinePairs } from './adjudicated-baseline.js';
import { loadSubtopics, subtopicFacts } from './claims-ecbplus.js';
import { datedAsPasted } from './ecbplus-dates.js';

/**
 * Adjudicated precision on real coverage: the facts the engine reports on the unperturbed ECB+ sub-topics and on the
 * seeds, a fixed sample of corroborated facts (held-out odd topics and seeds) and every conflicting one (every topic,
 * each scored by the pair model trained on the other fold, so no sub-topic is read by a model that saw it; the seeds
 * by the shipped model), each judged by a person reading its cited spans. Conflicts are rare on real coverage: one
 * fold alone gave too few to measure their precision, and the conflict rules were tuned on neither fold's facts. Verdicts live in eval/adjudicated/verdicts.jsonl, keyed by a hash of the fact's
 * cited spans, so a verdict stays attached to exactly what was judged; a fact the engine now reports differently
 * is counted as not judged (and listed with TRIANGULATE_ADJUDICATE=<file> for judging). Beside it, the baseline: TF-IDF
 * cosine pairing of sentences (adjudicated-baseline.ts) on the same held-out sub-topics, its pairs sampled and judged
 * the same way (verdicts with `system: "tfidf-cosine"`).
 */

const VERDICTS = join(PROJECT_ROOT, 'eval', 'adjudicated', 'verdicts.jsonl');
/**
 * Facts judged per status: a fixed sample by span hash. The issue asks for every conflicting fact: the bound only
 * keeps one judging sitting readable if the engine ever reports many more (the note prints the total).
 */
const CORROBORATED_SAMPLE = 50;
const CONFLICTING_SAMPLE = 100;

export interface Verdict {
  key: string;
  set: string;
  status: StoryOut['facts'][number]['status'];
  /** right: every cited span tells the fact; partly: some do; wrong: they tell different things. */
  verdict: 'right' | 'partly' | 'wrong';
  reason: string;
  slots?: string[];
  /** Which judging pass wrote it (a later pass appends; a verdict stays attached to the exact spans it judged). */
  batch?: string;
  /** The system whose output was judged: the engine (absent) or the TF-IDF baseline ('tfidf-cosine'). */
  system?: string;
}

interface Judged {
  key: string;
  /** Absent for the engine's facts; 'tfidf-cosine' for the baseline's sentence pairs. */
  system?: string;
  set: string;
  status: StoryOut['facts'][number]['status'];
  spans: string[];
  /** For a conflicting fact: the slot that disagrees and the other side's spans. */
  slots?: string[];
  against?: string[];
}

type OutFact = StoryOut['facts'][number] & { conflictSlots?: string[] };

/** A reported fact as it is judged: its spans, and for a conflict the slot and the other side. */
function judged(f: OutFact, all: readonly OutFact[], byId: ReadonlyMap<string, Article>, set: string): Judged {
  const spans = spansOf(f, byId);
  if (f.status !== 'conflicting') return { key: keyOf(spans), set, status: f.status, spans };
  const other = all[f.conflictsWith[0] ?? -1];
  const against = other ? spansOf(other, byId) : [];
  return { key: keyOf([...spans, '⟷', ...against]), set, status: f.status, spans, slots: f.conflictSlots ?? [], against };
}

/** The cited spans of a fact, as read for judging (source: text), one per citation. */
function spansOf(f: StoryOut['facts'][number], byId: ReadonlyMap<string, Article>): string[] {
  return f.citations.map((c) => {
    const a = byId.get(c.articleId);
    return `${a ? labelOf(a) : c.articleId}: ${a?.text.slice(c.start, c.end) ?? ''}`;
  });
}

/** How a judge sees an article's source: its outlet, else its file name. */
function labelOf(a: Article): string {
  return a.outlet ?? a.source.path.split('/').pop() ?? a.id;
}

const BASELINE = 'tfidf-cosine';

/** The ECB+ topic of a set label ("ecbplus 35_ecb" → 35). */
function topicOf(set: string): number {
  return Number(/(\d+)_/u.exec(set)?.[1] ?? 0);
}

function keyOf(spans: readonly string[]): string {
  return createHash('sha256').update(spans.join('\n')).digest('hex').slice(0, 16);
}

/**
 * The reported facts with their cited spans: conflicting ones of every ECB+ sub-topic (subtopicFacts scores each with
 * the other fold's pair model) and of the seeds; corroborated ones and the baseline's pairs of the held-out (odd)
 * sub-topics and the seeds, the sample the existing verdicts were judged on.
 */
export async function reported(ecbplus: string): Promise<Judged[]> {
  const out: Judged[] = [];
  for (const sub of loadSubtopics(ecbplus, false, datedAsPasted)) {
    const byId = new Map(sub.docs.map((d) => [d.article.id, d.article]));
    const facts = subtopicFacts(sub);
    const heldOut = (sub.docs[0]?.topic ?? 0) % 2 === 1;
    for (const f of facts)
      if (f.status === 'conflicting' || (heldOut && f.status === 'corroborated')) out.push(judged(f, facts, byId, `ecbplus ${sub.docs[0]?.subtopic}`));
    if (!heldOut) continue;
    // The baseline's pairs are keyed apart from the engine's facts: the same two spans are judged once per system.
    for (const spans of cosinePairs(sub, labelOf))
      out.push({ key: keyOf([BASELINE, ...spans]), system: BASELINE, set: `ecbplus ${sub.docs[0]?.subtopic}`, status: 'corroborated', spans });
  }
  const seeds = resolve(dataRoot(), '..', 'seeds');
  if (!existsSync(seeds)) return out;
  const dir = mkdtempSync(join(tmpdir(), 'tri-adjudicated-'));
  const store = await openStore(dir);
  try {
    await ingest(store, [seeds]);
    for (const id of await store.storyIds()) {
      const story = await store.getStory(id);
      if (!story) continue;
      const articles = await store.getArticles(story.articleIds);
      const byId = new Map(articles.map((a) => [a.id, a]));
      const facts = buildDossier(story, articles).facts;
      for (const f of facts) if (f.status !== 'single-source') out.push(judged(f, facts, byId, 'seeds'));
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** A fixed pseudo-random sample per status (the smallest span hashes, so reruns agree); the seeds' facts first. */
function sample(facts: readonly Judged[]): Judged[] {
  const pick = (status: Judged['status'], n: number, system?: string) =>
    facts
      .filter((f) => f.status === status && f.system === system)
      .sort((a, b) => Number(b.set === 'seeds') - Number(a.set === 'seeds') || (a.key < b.key ? -1 : 1))
      .slice(0, n);
  return [...pick('conflicting', CONFLICTING_SAMPLE), ...pick('corroborated', CORROBORATED_SAMPLE), ...pick('corroborated', CORROBORATED_SAMPLE, BASELINE)];
}

/** "9/1/0": the engine's judged corroborated facts of one set, as right/partly/wrong. */
function tally(picked: readonly Judged[], verdicts: ReadonlyMap<string, Verdict>, set: string): string {
  const judged = picked.filter((p) => p.system === undefined && p.status === 'corroborated' && p.set.startsWith(set)).flatMap((p) => verdicts.get(p.key) ?? []);
  const n = (v: Verdict['verdict']) => judged.filter((x) => x.verdict === v).length;
  return `${n('right')}/${n('partly')}/${n('wrong')}`;
}

/**
 * One disagreement of one story, however many facts show it: a figure told by three outlets against another told by
 * three is up to six conflicting facts (each side's claims that were not aligned with each other), but one
 * discrepancy for a reader. Keyed by the set, the slot kind and the two values (a value with a figure by its first
 * figure: "4.6-magnitude" is 4.6), without the "unsure" note.
 */
function discrepancyKey(p: Judged): string {
  const values = (p.slots ?? []).map((slot) => {
    const [kind, rest = ''] = slot.replace(/ \(unsure:[^)]*\)$/, '').split(': ', 2);
    const sides = rest.split(' ≠ ').map((v) => v.match(/\d+(?:[.,]\d+)*/)?.[0] ?? v.trim().toLowerCase());
    return `${kind}:${sides.sort().join('|')}`;
  });
  return `${p.set}#${values.sort().join(';')}`;
}

/** The conflicting facts grouped by discrepancy, each judged by its worst verdict (any wrong fact makes it wrong). */
function discrepancyRow(picked: readonly Judged[], verdicts: ReadonlyMap<string, Verdict>) {
  const groups = new Map<string, Judged[]>();
  for (const p of picked) {
    if (p.status !== 'conflicting' || p.system !== undefined) continue;
    const key = discrepancyKey(p);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const judged = [...groups.values()].filter((g) => g.every((p) => verdicts.has(p.key))).map((g) => g.map((p) => (verdicts.get(p.key) as Verdict).verdict));
  const right = judged.filter((g) => g.every((v) => v === 'right')).length;
  const wrong = judged.filter((g) => g.includes('wrong')).length;
  const partly = judged.length - right - wrong;
  return {
    system: 'triangulate, conflicting discrepancies (the facts showing one disagreement of a story counted once)',
    sampled: groups.size,
    judged: judged.length,
    right,
    partly,
    wrong,
    precision: judged.length ? right / judged.length : null,
    'precision (partly = right)': judged.length ? (right + partly) / judged.length : null,
  };
}

function readVerdicts(): Map<string, Verdict> {
  if (!existsSync(VERDICTS)) return new Map();
  const lines = readFileSync(VERDICTS, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0);
  return new Map(lines.map((l) => JSON.parse(l) as Verdict).map((v) => [v.key, v]));
}

export const adjudicatedEvaluator: Evaluator = {
  id: 'adjudicated',
  dataset: 'ecbplus',
  async run(path): Promise<EvalResult> {
    const all = await reported(path);
    const picked = sample(all);
    const verdicts = readVerdicts();
    const pending = picked.filter((p) => !verdicts.has(p.key));
    const conflicting = all.filter((f) => f.status === 'conflicting').length;
    const conflictsIn = (odd: boolean | null) =>
      all.filter((f) => f.status === 'conflicting' && (odd === null ? f.set === 'seeds' : f.set !== 'seeds' && topicOf(f.set) % 2 === Number(odd))).length;
    const corroborated = all.filter((f) => f.status === 'corroborated' && f.system === undefined).length;
    const baselinePairs = all.filter((f) => f.system === BASELINE).length;
    const target = process.env.TRIANGULATE_ADJUDICATE;
    if (target) writeFileSync(target, pending.map((p) => JSON.stringify(p)).join('\n'));
    const rows: Array<ReturnType<typeof discrepancyRow>> = (
      [
        ['triangulate, corroborated', 'corroborated', undefined],
        ['triangulate, conflicting', 'conflicting', undefined],
        [`TF-IDF cosine ≥ ${BASELINE_COSINE} sentence pairs (baseline, ECB+ only), corroborated`, 'corroborated', BASELINE],
      ] as const
    ).map(([system, status, which]) => {
      const mine = picked.filter((p) => p.status === status && p.system === which);
      const judged = mine.filter((p) => verdicts.has(p.key)).map((p) => verdicts.get(p.key) as Verdict);
      const right = judged.filter((v) => v.verdict === 'right').length;
      const partly = judged.filter((v) => v.verdict === 'partly').length;
      return {
        system,
        sampled: mine.length,
        judged: judged.length,
        right,
        partly,
        wrong: judged.length - right - partly,
        precision: judged.length ? right / judged.length : null,
        'precision (partly = right)': judged.length ? (right + partly) / judged.length : null,
      };
    });
    rows.splice(2, 0, discrepancyRow(picked, verdicts));
    return {
      title: "Adjudicated precision on real coverage (ECB+ topics, each by the other fold's pair model, and the seeds)",
      note:
        `${Math.min(CONFLICTING_SAMPLE, conflicting)} of ${conflicting} conflicting facts (odd ECB+ topics ${conflictsIn(true)}, even ` +
        `${conflictsIn(false)}, seeds ${conflictsIn(null)}) and ${CORROBORATED_SAMPLE} of ` +
        `${corroborated} corroborated facts of the held-out odd topics and the seeds (seeds first, then a fixed sample by span hash), and ${CORROBORATED_SAMPLE} of the ${baselinePairs} sentence pairs of the ` +
        `TF-IDF baseline on the same held-out sub-topics (its P ≥ 0.90 threshold tuned on the even topics by claims-ecbplus), judged by reading the cited spans; ` +
        `verdicts with one-line reasons in eval/adjudicated/verdicts.jsonl. Facts whose spans changed since judging count as not judged ` +
        `(${pending.length} now; TRIANGULATE_ADJUDICATE=<file> writes them out for judging). Engine corroborated by set (right/partly/wrong): ` +
        `seeds ${tally(picked, verdicts, 'seeds')}; held-out ECB+ ${tally(picked, verdicts, 'ecbplus')}.`,
      columns: ['sampled', 'judged', 'right', 'partly', 'wrong', 'precision', 'precision (partly = right)'],
      rows,
      targets: ['corroborated ≥ 0.90, conflicting ≥ 0.80 (issue 13)'],
    };
  },
};
