import { type Story, type StoryEvent, storyIdOf } from '../model/story.js';
import { type EventOptions, eventDate, splitEvents } from './events.js';
import type { LinkerEntry } from './linker.js';
import { groupSources, type SourceMember } from './sources.js';
import { cosine, DocFrequency, rawVector, STORY_WEIGHTING, type Vector, weigh } from './vectors.js';

/**
 * A story from its representatives (articles that are not copies) and their copies: events split from the
 * representatives (a copy follows its original), independent sources over all members, titles from the most
 * typical headline. Depends only on the members, never on the order they arrived in.
 */
export function buildStory(reps: readonly LinkerEntry[], copiesOf: (id: string) => LinkerEntry[], events: EventOptions): Story {
  const all = reps.flatMap((r) => [r, ...copiesOf(r.id)]);
  const ids = all.map((e) => e.id).sort();
  const canonical = canonicalCopies(all.length > reps.length ? all : []);
  const storyEvents: StoryEvent[] = splitEvents(reps, events).map((group) => {
    const members = group.map((i) => reps[i] as LinkerEntry);
    const withCopies = members.flatMap((m) => [m, ...copiesOf(m.id)]);
    const eventIds = withCopies.map((e) => e.id).sort();
    return {
      id: `e-${eventIds[0]}`,
      title: typicalTitle(members),
      date: eventDate(withCopies.map((e) => e.anchors.when)),
      articleIds: eventIds,
    };
  });
  storyEvents.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || (a.id < b.id ? -1 : 1));
  const sourceMembers: SourceMember[] = all.map((e) => ({
    id: e.id,
    outlet: e.outlet,
    origin: e.origin,
    copyOf: canonical.get(e.id) ?? null,
    label: e.label,
  }));
  const derived = all.flatMap((e) => e.shares.map((s) => [e.id, s] as const));
  return { id: storyIdOf(ids[0] as string), title: typicalTitle(reps), articleIds: ids, sources: groupSources(sourceMembers, derived), events: storyEvents };
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

/** The title of the member closest to the group's centroid: the headline that says what the group shares. */
function typicalTitle(members: readonly LinkerEntry[]): string {
  const titled = members.filter((m) => m.title);
  if (titled.length === 0) return '(untitled)';
  const df = new DocFrequency();
  const raws = members.map((m) => rawVector(m.anchors, STORY_WEIGHTING));
  for (const raw of raws) df.add(raw);
  const vectors = raws.map((raw) => weigh(raw, df));
  const centroid: Vector = new Map();
  for (const v of vectors) for (const [k, w] of v) centroid.set(k, (centroid.get(k) ?? 0) + w);
  let best = titled[0] as LinkerEntry;
  let bestSim = Number.NEGATIVE_INFINITY;
  members.forEach((m, i) => {
    if (!m.title) return;
    const sim = cosine(vectors[i] as Vector, centroid);
    if (sim > bestSim || (sim === bestSim && m.id < best.id)) {
      best = m;
      bestSim = sim;
    }
  });
  return best.title as string;
}
