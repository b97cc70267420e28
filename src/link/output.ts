import { type Rewrite, type Story, type StoryEvent, storyIdOf } from '../model/story.js';
import { type EventOptions, eventDate, precisionOfDate, splitEvents } from './events.js';
import type { LinkerEntry } from './linker.js';
import { MAX_RELATED, relatedStory } from './related.js';
import type { RewriteNotes } from './rewrite-notes.js';
import { rewriteMessage, rewriteOrder } from './rewrites.js';
import { groupSources, type SourceMember } from './sources.js';
import { centralTitle } from './titles.js';

/** Another story of the same group, as `buildStory` needs it to name and relate it. */
export interface RelatedMembers {
  reps: readonly LinkerEntry[];
  copiesOf: (id: string) => LinkerEntry[];
}

/**
 * A story from its representatives (articles that are not copies) and their copies: events split from the
 * representatives (a copy follows its original), independent sources over all members, titles from the most
 * typical headline. Depends only on the members, never on the order they arrived in.
 */
export function buildStory(
  reps: readonly LinkerEntry[],
  copiesOf: (id: string) => LinkerEntry[],
  events: EventOptions,
  related: readonly RelatedMembers[] = [],
  notes?: RewriteNotes,
): Story {
  const all = reps.flatMap((r) => [r, ...copiesOf(r.id)]);
  const ids = all.map((e) => e.id).sort();
  const canonical = canonicalCopies(all.length > reps.length ? all : []);
  const storyEvents: StoryEvent[] = eventGroups(reps, copiesOf, events).map(({ members, articleIds, date }) => ({
    id: `e-${articleIds[0]}`,
    title: centralTitle(members),
    date,
    precision: date ? precisionOfDate(date) : null,
    articleIds,
  }));
  const sourceMembers: SourceMember[] = all.map((e) => ({
    id: e.id,
    outlet: e.outlet,
    origin: e.origin,
    copyOf: canonical.get(e.id) ?? null,
    label: e.label,
  }));
  const byId = new Map(all.map((e) => [e.id, e]));
  const rewrites = all.flatMap((e) => e.shares.flatMap((s) => rewriteOf(e, byId.get(s), notes)));
  const dated = storyEvents.flatMap((e) => (e.date ? [e.date] : [])).sort();
  const relatedStories = related
    .map((r) => ({ r, link: relatedStory(reps, r.reps, storyIdOf(leastId(r))) }))
    .sort((a, b) => b.link.similarity - a.link.similarity || (a.link.id < b.link.id ? -1 : 1))
    .slice(0, MAX_RELATED)
    // Titles only for the stories listed: a large group would otherwise title every story in it.
    .map(({ r, link }) => ({ ...link, title: centralTitle(r.reps) }));
  return {
    id: storyIdOf(ids[0] as string),
    title: centralTitle(reps),
    articleIds: ids,
    sources: groupSources(sourceMembers, rewrites),
    events: storyEvents,
    dateRange: dated.length > 0 ? { first: dated[0] as string, last: dated[dated.length - 1] as string } : null,
    relatedStories,
  };
}

/** One event of a story before it is titled: its representatives, its members with their copies, its date. */
export interface EventGroup {
  members: LinkerEntry[];
  articleIds: string[];
  date: string | null;
}

/**
 * A story's events in the order `buildStory` lists them (by date, then id), without titles: all that re-anchoring
 * reads of a story (src/engine/link.ts), where titling, sources and rewrites were most of building it.
 */
export function eventGroups(reps: readonly LinkerEntry[], copiesOf: (id: string) => LinkerEntry[], events: EventOptions): EventGroup[] {
  const groups = splitEvents(reps, events).map((group) => {
    const members = group.map((i) => reps[i] as LinkerEntry);
    const withCopies = members.flatMap((m) => [m, ...copiesOf(m.id)]);
    const articleIds = withCopies.map((e) => e.id).sort();
    return { members, articleIds, date: eventDate(withCopies.map((e) => e.anchors.when)) };
  });
  const idOf = (g: EventGroup) => `e-${g.articleIds[0]}`;
  return groups.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || (idOf(a) < idOf(b) ? -1 : 1));
}

/**
 * The rewrite note of two articles joined for sharing passages, or none when the other is not in the story; from
 * `notes` when an earlier build made it.
 */
function rewriteOf(a: LinkerEntry, b: LinkerEntry | undefined, notes?: RewriteNotes): Rewrite[] {
  if (!b) return [];
  const key = `${a.id} ${b.id}`;
  const known = notes?.get(key);
  if (known) return [{ ...known }];
  const note = rewriteNote(a, b);
  notes?.set(key, note);
  return [{ ...note }];
}

function rewriteNote(a: LinkerEntry, b: LinkerEntry): Rewrite {
  const { rewrite, original } = rewriteOrder(a, b);
  const empty = { spans: [], stems: [] };
  const { ruleId, reason, place } = rewriteMessage(rewrite.lines ?? empty, original.lines ?? empty);
  return { articleId: rewrite.id, of: original.id, ruleId, reason, ...(place ? { place } : {}) };
}

/** The smallest article id of a story, copies included: its id is made from it. */
function leastId(r: RelatedMembers): string {
  return r.reps.flatMap((e) => [e.id, ...r.copiesOf(e.id).map((c) => c.id)]).sort()[0] as string;
}

/**
 * Canonical copy of each group of copies: the earliest published (undated last), ties by id. Returns
 * copy id → canonical id for every non-canonical member. Copies of different originals must come in separate calls
 * unless they are one group.
 */
export function canonicalCopies(group: readonly LinkerEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  const byRep = new Map<string, LinkerEntry[]>();
  for (const e of group) {
    const rep = e.copyOf ?? e.id;
    byRep.set(rep, [...(byRep.get(rep) ?? []), e]);
  }
  for (const members of byRep.values()) {
    if (members.length < 2) continue;
    const first = [...members].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || (a.id < b.id ? -1 : 1))[0] as LinkerEntry;
    for (const m of members) if (m.id !== first.id) out.set(m.id, first.id);
  }
  return out;
}
