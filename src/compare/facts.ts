import type { CitationOut, StoryOut } from '../model/contract.js';
import { alignUnits, type PairEvidence, SAME_FACT } from './align.js';
import { readsAlone } from './clauses.js';
import { developmentLinks } from './developments.js';
import type { PairModel } from './pair-model/model.js';
import type { FactUnit } from './units.js';

/** A fact as the dossier reports it: the contract's fields plus the explanation of how it was aligned. */
export type Fact = StoryOut['facts'][number] & {
  /** The frame slots the aligned claims share ("predicate: arrest", "actor: police"): why they were aligned. */
  matched: string[];
  /** For a conflicting fact: which slot disagrees and how ("number: about 300 ≠ more than 450"). */
  conflictSlots: string[];
  /** Facts it develops from (an earlier value replaced by a later one: dated, not a conflict). */
  developsFrom: number[];
};

/**
 * Aligns fact units across the articles of a story and gives each resulting fact its status: corroborated by two
 * or more independent sources, single-source, or conflicting (the same slot with different values, each side with
 * its own sources). Different values in different events, later one later, are a development, not a conflict.
 * Opinion sentences are not facts; quote-only sentences are reported under quotes, and here only when two outlets
 * give the same words to different speakers.
 */
export function buildFacts(allUnits: readonly FactUnit[], sameFact = SAME_FACT, model?: PairModel): Fact[] {
  const { units, copies } = collapseCopies(allUnits.filter((u) => !u.opinion));
  const aligned = alignUnits(units, sameFact, model);
  const { conflicts } = aligned;
  // A claim's ordinal is what it tells ("his third trip"): claims stating other ordinals, or none, stay apart.
  // A claim with a detail its outlet alone adds ("alongside three aides") is told by its main part.
  const pairs = aligned.pairs.filter(
    (p) => sameOrdinals(units[p.a] as FactUnit, units[p.b] as FactUnit) && !(units[p.a] as FactUnit).detail && !(units[p.b] as FactUnit).detail,
  );
  const kept = new Set(pairs);
  const apart = [...aligned.apart, ...aligned.pairs.filter((p) => !kept.has(p)).map((p) => [p.a, p.b] as [number, number])];
  // Quotes are reported under quotes; a quote stays here only when outlets give its words to different speakers.
  const disputed = new Set(conflicts.flatMap((c) => [c.a, c.b]));
  const toldByMain = mainTold(units);
  const clusters = cluster(units.length, pairs, [...conflicts.map((c) => [c.a, c.b] as [number, number]), ...apart], sameFact).filter(
    (m) => m.some((i) => !(units[i] as FactUnit).quoteOnly || disputed.has(i)) && !(sourcesOf(units, m).size < 2 && m.every((i) => toldByMain.has(i))),
  );
  const facts: Fact[] = [];
  const factOf = new Map<number, number>();
  const degree = degrees(pairs);
  const order = [...clusters].sort((x, y) => sourcesOf(units, y).size - sourcesOf(units, x).size || firstOffset(units, x) - firstOffset(units, y));
  const inside = pairsInside(order, pairs);
  for (const [k, members] of order.entries()) {
    const index = facts.length;
    for (const m of members) factOf.set(m, index);
    const sources = sourcesOf(units, members);
    const rep = representative(units, members, degree);
    facts.push({
      text: rep.text,
      status: sources.size >= 2 ? 'corroborated' : 'single-source',
      independentSources: sources.size,
      sources: [...sources].sort(),
      citations: citationsOf(units, members, rep, copies),
      conflictsWith: [],
      hedged: members.every((m) => (units[m] as FactUnit).hedged),
      matched: matchedOf(inside[k] as PairEvidence[]),
      conflictSlots: [],
      developsFrom: [],
    });
  }
  for (const d of developmentLinks(units, factOf)) {
    const later = facts[d.to] as Fact;
    addOnce(later.developsFrom, d.from);
    // The later fact is told by the claim that tells the update ("now says …"), cited first.
    const update = units[d.update] as FactUnit;
    later.text = update.text;
    const first = later.citations.findIndex((c) => c.articleId === update.articleId && c.start === update.start);
    if (first > 0) later.citations.unshift(...later.citations.splice(first, 1));
  }
  for (const c of conflicts) {
    const fa = factOf.get(c.a);
    const fb = factOf.get(c.b);
    if (fa === undefined || fb === undefined || fa === fb) continue;
    const a = units[c.a] as FactUnit;
    const b = units[c.b] as FactUnit;
    // The side that tells the change ("rose to 450") or the later-dated state is the later value; otherwise a later
    // article in a later event.
    const later = c.update ? (c.later ?? (b.tellsChange ? c.b : c.a)) : isDevelopment(a, b) ? c.b : isDevelopment(b, a) ? c.a : null;
    const [early, late] = later === null ? [-1, -1] : later === c.b ? [fa, fb] : [fb, fa];
    if (early >= 0) {
      addOnce((facts[late] as Fact).developsFrom, early);
      continue;
    }
    for (const [x, y] of [
      [fa, fb],
      [fb, fa],
    ] as const) {
      const fact = facts[x] as Fact;
      fact.status = 'conflicting';
      addOnce(fact.conflictsWith, y);
    }
    const slot = `${c.slot}: ${c.values[0]} ≠ ${c.values[1]}${c.unsure ? ' (unsure: the dates do not show the same time; may be a later update)' : ''}`;
    for (const f of [fa, fb]) if (!(facts[f] as Fact).conflictSlots.includes(slot)) (facts[f] as Fact).conflictSlots.push(slot);
  }
  return facts;
}

/**
 * Complete-link agglomeration over the scored pairs: two groups merge only when every claim of one aligns with every
 * claim of the other, so a fact never holds two claims the pair model kept apart (average link let a background
 * sentence in through its links to two members: 9 of the 50 facts judged in eval/adjudicated were "partly" that way).
 * Never merges across a conflict or two claims told apart.
 */
function cluster(n: number, pairs: readonly PairEvidence[], separate: ReadonlyArray<[number, number]>, sameFact: number): number[][] {
  const sim = new Map<number, number>();
  for (const p of pairs) sim.set(p.a * n + p.b, p.score).set(p.b * n + p.a, p.score);
  const against = new Set<number>();
  for (const [a, b] of separate) against.add(a * n + b).add(b * n + a);
  const members = Array.from({ length: n }, (_, i) => [i]);
  const owner = Array.from({ length: n }, (_, i) => i);
  for (const p of [...pairs].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)) {
    const ca = owner[p.a] as number;
    const cb = owner[p.b] as number;
    if (ca === cb) continue;
    const A = members[ca] as number[];
    const B = members[cb] as number[];
    let weakest = Number.POSITIVE_INFINITY;
    let blocked = false;
    for (const x of A) {
      for (const y of B) {
        if (against.has(x * n + y)) blocked = true;
        weakest = Math.min(weakest, sim.get(x * n + y) ?? 0);
      }
    }
    if (blocked || weakest < sameFact) continue;
    for (const y of B) owner[y] = ca;
    A.push(...B);
    members[cb] = [];
  }
  return members.filter((m) => m.length > 0);
}

/** A later article in a later event giving a different value: the story moved on. */
function isDevelopment(earlier: FactUnit, later: FactUnit): boolean {
  return (
    earlier.eventId !== null &&
    later.eventId !== null &&
    earlier.eventId !== later.eventId &&
    earlier.published !== null &&
    later.published !== null &&
    earlier.published < later.published
  );
}

function sameOrdinals(a: FactUnit, b: FactUnit): boolean {
  const x = a.frame.ordinals;
  const y = b.frame.ordinals;
  return x.size === y.size && [...x].every((n) => y.has(n));
}

function sourcesOf(units: readonly FactUnit[], members: readonly number[]): Set<string> {
  return new Set(members.map((m) => (units[m] as FactUnit).source));
}

function firstOffset(units: readonly FactUnit[], members: readonly number[]): number {
  return Math.min(...members.map((m) => (units[m] as FactUnit).start));
}

/** Summed similarity of each unit to those it aligned with. */
function degrees(pairs: readonly PairEvidence[]): Map<number, number> {
  const degree = new Map<number, number>();
  for (const p of pairs) {
    degree.set(p.a, (degree.get(p.a) ?? 0) + p.score);
    degree.set(p.b, (degree.get(p.b) ?? 0) + p.score);
  }
  return degree;
}

/**
 * The member most similar to the others (ties: earliest unit), preferring a claim that reads on its own: a clause
 * split off after its subject ("has ordered military action …", "maintaining Mexico's stance …") starts lower-case.
 */
function representative(units: readonly FactUnit[], members: readonly number[], degree: ReadonlyMap<number, number>): FactUnit {
  // A main claim tells the fact; a side claim ("Varga, on her second trip") only supports it.
  const whole = (i: number): number => Number(readsAlone((units[i] as FactUnit).text)) + 2 * Number(!(units[i] as FactUnit).side);
  const best = [...members].sort((x, y) => whole(y) - whole(x) || (degree.get(y) ?? 0) - (degree.get(x) ?? 0) || x - y)[0] as number;
  return units[best] as FactUnit;
}

/**
 * Side claims inside a main claim of their own article ("Varga, on her second trip" in "Varga, on her second trip
 * …, signed …"): alone they would repeat their sentence as a second single-source fact.
 */
function mainTold(units: readonly FactUnit[]): Set<number> {
  const mains = new Map<string, FactUnit[]>();
  for (const u of units) {
    if (u.side) continue;
    const list = mains.get(u.articleId);
    if (list) list.push(u);
    else mains.set(u.articleId, [u]);
  }
  const told = new Set<number>();
  for (const [i, u] of units.entries()) {
    if (u.side && (mains.get(u.articleId) ?? []).some((m) => m.start <= u.start && u.end <= m.end)) told.add(i);
  }
  return told;
}

/** One citation per member and per copy of it, the representative first. */
function citationsOf(units: readonly FactUnit[], members: readonly number[], rep: FactUnit, copies: ReadonlyMap<FactUnit, FactUnit[]>): CitationOut[] {
  const list = members.map((m) => units[m] as FactUnit).sort((x, y) => (x === rep ? -1 : y === rep ? 1 : 0));
  return list.flatMap((u) => [u, ...(copies.get(u) ?? [])]).map((u) => ({ articleId: u.articleId, start: u.start, end: u.end }));
}

/**
 * The same sentence in several articles of one source (a wire story and its reprints) is one unit for alignment,
 * with the copies kept for citations: a story of 200 reprints then costs what one copy costs.
 */
function collapseCopies(units: readonly FactUnit[]): { units: FactUnit[]; copies: Map<FactUnit, FactUnit[]> } {
  const first = new Map<string, FactUnit>();
  const copies = new Map<FactUnit, FactUnit[]>();
  const kept: FactUnit[] = [];
  for (const u of units) {
    const key = `${u.source}\u0000${u.text.toLowerCase().replace(/\s+/g, ' ')}`;
    const original = first.get(key);
    if (original && original.articleId !== u.articleId) copies.set(original, [...(copies.get(original) ?? []), u]);
    else if (!original) {
      first.set(key, u);
      kept.push(u);
    } else kept.push(u);
  }
  return { units: kept, copies };
}

function matchedOf(inside: readonly PairEvidence[]): string[] {
  const out = new Set<string>();
  for (const p of inside) for (const x of p.slots) out.add(x);
  return [...out].slice(0, 20);
}

/** The aligned pairs with both claims in each cluster, in the pairs' order: one walk of the pairs for all clusters. */
function pairsInside(clusters: readonly (readonly number[])[], pairs: readonly PairEvidence[]): PairEvidence[][] {
  const clusterOf = new Map<number, number>();
  clusters.forEach((members, k) => {
    for (const m of members) clusterOf.set(m, k);
  });
  const inside = clusters.map((): PairEvidence[] => []);
  for (const p of pairs) {
    const k = clusterOf.get(p.a);
    if (k !== undefined && clusterOf.get(p.b) === k) (inside[k] as PairEvidence[]).push(p);
  }
  return inside;
}

function addOnce(list: number[], value: number): void {
  if (!list.includes(value)) list.push(value);
}
