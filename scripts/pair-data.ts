// What the pair-model scripts share: the annotated ECB+ sub-topics (cached outside the repository so a retrain skips
// annotation), a stable key for a claim pair (so hand labels stay attached to the two claims they judged), and the
// sub-topic's guarded pairs keyed that way.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSubtopics, type Subtopic, subtopicUnits } from '../eval/sets/claims-ecbplus.js';
import { type GuardedPair, guardedPairs } from '../src/compare/align.js';
import type { FactUnit } from '../src/compare/units.js';

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
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as PairLabel);
}
