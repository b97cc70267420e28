import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { Anchors } from './anchors.js';
import { daySpanOf } from './time.js';
import { DocFrequency, EVENT_WEIGHTING, rawVector, similarPairs, weigh } from './vectors.js';

/** How events are cut out of one story. */
export interface EventOptions {
  /**
   * Louvain resolution inside a story: below 1 favours fewer, larger events. Tuned on ECB+ when stories were
   * coarser (2-fold over odd/even topics): the even topics chose 0.3, the odd ones 0.6. Not re-tuned since stories
   * became one happening each (the ECB+ table reports events vs sub-topics at 0.3).
   */
  resolution: number;
  /**
   * Articles whose own dates lie further apart than this are never one event, however alike (an announcement in
   * May and the visit in September). ECB+ sub-topics hold follow-ups weeks later: on all 43 topics (story threshold
   * 0.08, resolution 0.6) a 45-day gap cost 0.013 sub-topic F1 against no gap, 90 days nothing (0.932 both).
   */
  maxSpanDays: number;
}

/** The package is CommonJS with an ESM-style `export default` in its types: at run time the import is the function. */
const louvain = louvainModule as unknown as (typeof louvainModule)['default'];

export const EVENT_DEFAULTS: EventOptions = { resolution: 0.3, maxSpanDays: 90 };

/** What the event stage needs of an article: its anchors, and ids only for a stable order. */
export interface EventMember {
  id: string;
  anchors: Anchors;
}

/**
 * Splits one story's articles into events: community detection (Louvain modularity, graphology) on the graph of
 * article similarities, weighted by IDF *inside the story*, so that what every article of the story shares
 * ("rehab", "earthquake") fades and what tells the events apart (who, which numbers, which dates) stands out.
 * Modularity adapts to each story's density, where one global threshold does not. Returns groups of indices
 * into `members`, each sorted, groups ordered by their first index. Deterministic: fixed node order and RNG.
 */
export function splitEvents(members: readonly EventMember[], options: EventOptions = EVENT_DEFAULTS): number[][] {
  if (members.length < 2) return members.map((_, i) => [i]);
  const df = new DocFrequency();
  const raws = members.map((m) => rawVector(m.anchors, EVENT_WEIGHTING, df.terms));
  for (const raw of raws) df.add(raw);
  const edges = similarPairs(raws.map((raw) => weigh(raw, df))).filter((e) => {
    const a = (members[e.a] as EventMember).anchors;
    const b = (members[e.b] as EventMember).anchors;
    return !tooFarApart(a.when, b.when, options.maxSpanDays) && !otherPhase(a, b);
  });
  const graph = new UndirectedGraph();
  members.forEach((_, i) => {
    graph.addNode(String(i));
  });
  for (const e of edges) if (e.sim > 0) graph.addEdge(String(e.a), String(e.b), { weight: e.sim });
  const community = graph.size > 0 ? louvain(graph, { resolution: options.resolution, rng: fixedRandom, getEdgeWeight: 'weight' }) : {};
  const groups = new Map<string, number[]>();
  members.forEach((_, i) => {
    const key = String(community[String(i)] ?? `alone-${i}`);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const split = [...groups.values()].flatMap((group) => splitBySpan(group, members, edges, options.maxSpanDays));
  return split.map((g) => g.sort((a, b) => a - b)).sort((a, b) => (a[0] as number) - (b[0] as number));
}

/**
 * Modularity can still join dated articles months apart through undated ones that resemble both (a February
 * hearing and a September visit bridged by an undated preview). Such a community is cut where its dates leave a
 * gap over `maxDays`; each undated member then joins the part it is most similar to on average.
 */
function splitBySpan(
  group: number[],
  members: readonly EventMember[],
  edges: ReadonlyArray<{ a: number; b: number; sim: number }>,
  maxDays: number,
): number[][] {
  const dated = group
    .filter((i) => dayOf((members[i] as EventMember).anchors.when) !== null)
    .sort((x, y) => (dayOf((members[x] as EventMember).anchors.when) as number) - (dayOf((members[y] as EventMember).anchors.when) as number));
  const parts: number[][] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const i of dated) {
    const day = dayOf((members[i] as EventMember).anchors.when) as number;
    if (parts.length === 0 || day - last > maxDays) parts.push([]);
    (parts[parts.length - 1] as number[]).push(i);
    last = day;
  }
  if (parts.length < 2) return [group];
  const sim = (i: number, j: number): number => edges.find((e) => (e.a === i && e.b === j) || (e.a === j && e.b === i))?.sim ?? 0;
  for (const i of group) {
    if (dated.includes(i)) continue;
    const means = parts.map((p) => p.reduce((n, j) => n + sim(i, j), 0) / p.length);
    (parts[means.indexOf(Math.max(...means))] as number[]).push(i);
  }
  return parts;
}

/**
 * Whether two articles tell different phases of their story that their dates cannot tell apart: one announces the
 * happening as to come ("will travel in the coming weeks"), the other reports it taking place ("arrived on
 * Tuesday"), and at least one lacks a dated year. When both are dated, dates decide (an announcement written in the
 * future tense, "will build a plant, the company said on Tuesday", is one event with the reports of it that day).
 */
function otherPhase(a: Anchors, b: Anchors): boolean {
  if (a.phase === null || b.phase === null || a.phase === b.phase) return false;
  return dayOf(a.when) === null || dayOf(b.when) === null;
}

/** Precision of an event date as `eventDate` gives it. */
export function precisionOfDate(date: string): 'day' | 'month' | 'year' {
  return date.length >= 10 ? 'day' : date.length >= 7 ? 'month' : 'year';
}

/** First day of an own date with a year, else null. */
function dayOf(when: string | null): number | null {
  return daySpanOf(when)?.[0] ?? null;
}

/** Louvain shuffles nodes with its RNG; a constant one keeps the result a function of the input. */
function fixedRandom(): number {
  return 0.5;
}

const DAY_MS = 86_400_000;

/** Whether two own dates lie too far apart; a day without a year (`XXXX-09-02`) is read in the other's year. */
function tooFarApart(a: string | null, b: string | null, maxDays: number): boolean {
  if (!a || !b) return false;
  const yearA = a.startsWith('X') ? (b.startsWith('X') ? '2000' : b.slice(0, 4)) : a.slice(0, 4);
  const yearB = b.startsWith('X') ? yearA : b.slice(0, 4);
  const x = Date.parse(`${yearA}${a.slice(4)}`);
  const y = Date.parse(`${yearB}${b.slice(4)}`);
  return Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) / DAY_MS > maxDays;
}

/**
 * An event's date: the most common own date of its articles (ties → earliest), as precise as they agree on:
 * the day when most share it, else the month, else the year. Null when no article is dated.
 */
export function eventDate(whens: ReadonlyArray<string | null>): string | null {
  // A day without a year cannot date an event on a timeline.
  const dated = whens.filter((w): w is string => w !== null && !w.startsWith('X'));
  if (dated.length === 0) return null;
  for (const length of [10, 7, 4]) {
    const counts = new Map<string, number>();
    for (const d of dated) if (d.length >= length) counts.set(d.slice(0, length), (counts.get(d.slice(0, length)) ?? 0) + 1);
    const best = [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
    if (best && best[1] * 2 > dated.length) return best[0];
  }
  return [...dated].sort()[0]?.slice(0, 4) ?? null;
}
