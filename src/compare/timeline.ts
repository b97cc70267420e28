import type { DatePrecision } from '../model/annotations.js';
import type { StoryOut } from '../model/contract.js';
import type { Fact } from './facts.js';
import type { FactUnit } from './units.js';

type TimelineEntry = StoryOut['timeline'][number];

/** Most dated facts in a timeline; beyond it only corroborated facts are kept. */
const MAX_ENTRIES = 60;

/**
 * The story's timeline: each fact whose sentences carry a resolved calendar date (day, month or year; embeds and
 * captions excluded upstream, relative expressions resolved against their own article's date), at the date most of
 * its sentences give, with its precision. Only the citations whose own sentence resolves to that date are pooled
 * under it: "markets fell today" written in five articles five weeks apart is five days, not one, and a citation
 * whose sentence names no date does not vouch for one. Events are placed by the linker; facts are what the
 * dossier can cite.
 */
export function buildTimeline(facts: readonly Fact[], units: readonly FactUnit[]): TimelineEntry[] {
  const unitAt = new Map(units.map((u) => [`${u.articleId}:${u.start}`, u]));
  const datesOf = (c: Fact['citations'][number]) => unitAt.get(`${c.articleId}:${c.start}`)?.dates ?? [];
  const entries: Array<TimelineEntry & { weight: number }> = [];
  for (const fact of facts) {
    const counts = new Map<string, number>();
    for (const c of fact.citations) for (const d of datesOf(c)) counts.set(d, (counts.get(d) ?? 0) + 1);
    const date = placedDate(counts);
    if (!date) continue;
    const citations = fact.citations.filter((c) => datesOf(c).includes(date));
    // The fact's wording may come from a sentence left out above: the entry then reads as the first one kept.
    const text = citations.some((c) => unitAt.get(`${c.articleId}:${c.start}`)?.text === fact.text)
      ? fact.text
      : (unitAt.get(`${citations[0]?.articleId}:${citations[0]?.start}`)?.text ?? fact.text);
    const sources = new Set(citations.map((c) => c.articleId)).size;
    entries.push({ date, precision: precisionOf(date), text, citations, weight: Math.min(fact.independentSources, sources) });
  }
  const kept = entries.length <= MAX_ENTRIES ? entries : entries.filter((e) => e.weight >= 2).slice(0, MAX_ENTRIES);
  return kept.sort((a, b) => a.date.localeCompare(b.date) || b.weight - a.weight).map(({ weight: _w, ...e }) => e);
}

/**
 * The date a statement is placed at, from its sentences' dates with how many of them give each: the most given.
 * Ties go to the more precise date, then to the later one: a sentence naming two dates mostly reports the later
 * happening and recalls the earlier ("signed on Thursday the plan announced on March 10").
 */
export function placedDate(counts: ReadonlyMap<string, number>): string | undefined {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || b[0].localeCompare(a[0]))[0]?.[0];
}

/** Precision of a TIMEX3 date value. */
export function precisionOf(value: string): DatePrecision {
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return 'time';
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return 'day';
  if (/^\d{4}-W\d{2}/.test(value)) return 'week';
  if (/^\d{4}-\d{2}/.test(value)) return 'month';
  if (/^\d{4}-(SP|SU|FA|WI)/.test(value)) return 'season';
  if (/^\d{4}-Q\d/.test(value)) return 'quarter';
  if (/^\d{4}/.test(value)) return 'year';
  if (/^\d{3}$/.test(value)) return 'decade';
  return 'century';
}
