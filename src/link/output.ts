import { type Rewrite, type Story, type StoryEvent, storyIdOf } from '../model/story.js';
import type { Anchors } from './anchors.js';
import { type EventOptions, eventDate, precisionOfDate, splitEvents } from './events.js';
import type { LinkerEntry } from './linker.js';
import { PackedEntry } from './packed-entry.js';
import { MAX_RELATED, relatedStory } from './related.js';
import { Generations, RewriteNotes } from './rewrite-notes.js';
import { type LinePrint, rewriteMessage, rewriteOrder } from './rewrites.js';
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
  builds?: StoryBuilds,
): Story {
  const notes = builds?.notes;
  const all = reps.flatMap((r) => [r, ...copiesOf(r.id)]);
  const ids = all.map((e) => e.id).sort();
  const canonical = canonicalCopies(all.length > reps.length ? all : []);
  const groups = eventGroups(reps, copiesOf, events, builds);
  const storyEvents: StoryEvent[] = groups.map(({ members, articleIds, date }) => ({
    id: `e-${articleIds[0]}`,
    title: titleOf(members, 'event', builds),
    date,
    precision: date ? precisionOfDate(date) : null,
    articleIds,
  }));
  // A story of one event is titled as that event: the same representatives in the same order.
  const whole = groups.length === 1 && (groups[0] as EventGroup).members.length === reps.length ? (storyEvents[0] as StoryEvent).title : undefined;
  const sourceMembers: SourceMember[] = all.map((e) => ({
    id: e.id,
    outlet: e.outlet,
    origin: e.origin,
    copyOf: canonical.get(e.id) ?? null,
    label: e.label,
  }));
  const byId = new Map(all.map((e) => [e.id, e]));
  // A member's line print decoded once per build: a packed entry decodes it at each read, and a member is compared
  // with every member it shares passages with (a twentieth of a first pass decoded the same prints again).
  const lines = new Map<string, LinePrint | undefined>();
  const linesOf = (e: LinkerEntry): LinePrint | undefined => {
    if (!lines.has(e.id)) lines.set(e.id, e.lines);
    return lines.get(e.id);
  };
  const rewrites = all.flatMap((e) => e.shares.flatMap((s) => rewriteOf(e, byId.get(s), linesOf, notes)));
  const dated = storyEvents.flatMap((e) => (e.date ? [e.date] : [])).sort();
  const relatedStories = related
    .map((r) => ({ r, link: relatedStory(reps, r.reps, storyIdOf(leastId(r))) }))
    .sort((a, b) => b.link.similarity - a.link.similarity || (a.link.id < b.link.id ? -1 : 1))
    .slice(0, MAX_RELATED)
    // Titles only for the stories listed: a large group would otherwise title every story in it.
    .map(({ r, link }) => ({ ...link, title: titleOf(r.reps, 'story', builds) }));
  return {
    id: storyIdOf(ids[0] as string),
    title: titleOf(reps, 'story', builds, whole),
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
 * reads of a story (src/engine/link.ts), where titling, sources and rewrites were most of building it. With `builds`,
 * the events of a story whose members are the very entries of an earlier build (`StoryBuilds.inputsOf`) are that
 * build's: a pass re-anchoring a story's undated articles split its events, and building it split them again.
 */
export function eventGroups(reps: readonly LinkerEntry[], copiesOf: (id: string) => LinkerEntry[], events: EventOptions, builds?: StoryBuilds): EventGroup[] {
  const copies = reps.map((r) => copiesOf(r.id));
  const inputs = builds && reps.length > 0 ? StoryBuilds.inputsOf(reps, copies, events) : null;
  const kept = inputs && builds?.events.get((reps[0] as LinkerEntry).id);
  const split =
    kept && sameInputs(kept.inputs, inputs)
      ? kept.groups
      : splitEvents(reps, events)
          .map((group) => {
            const withCopies = group.flatMap((i) => [reps[i] as LinkerEntry, ...(copies[i] as LinkerEntry[])]);
            const articleIds = withCopies.map((e) => e.id).sort();
            return { indices: group, articleIds, date: eventDate(withCopies.map((e) => e.anchors.when)) };
          })
          .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || ((a.articleIds[0] as string) < (b.articleIds[0] as string) ? -1 : 1));
  if (inputs && split !== kept?.groups) builds?.events.set((reps[0] as LinkerEntry).id, { inputs, groups: split });
  return split.map(({ indices, articleIds, date }) => ({ members: indices.map((i) => reps[i] as LinkerEntry), articleIds: [...articleIds], date }));
}

/**
 * `centralTitle` of a story's representatives or of an event's, the last build's when they are the same entries
 * (`StoryBuilds.plain`): an article joining a story of hundreds leaves most of its events as they were, and titling
 * each event again weighed every member's anchors at every pass. `known`: the title of the same members, found
 * already (a story of one event).
 */
function titleOf(members: readonly LinkerEntry[], kind: 'story' | 'event', builds?: StoryBuilds, known?: string): string {
  const first = members[0];
  if (!builds || !first) return known ?? centralTitle(members);
  const key = `${kind} ${first.id}`;
  // Every field a title reads of an entry (title, headline, outlet, origin, anchors) is fixed for its anchors object.
  const inputs = members.flatMap((m) => [m.id, m.anchors]);
  const kept = builds.titles.get(key);
  if (kept && sameInputs(kept.inputs, inputs)) return kept.title;
  const title = known ?? centralTitle(members);
  builds.titles.set(key, { inputs, title });
  return title;
}

/** A story's events as `eventGroups` keeps them: each event's members as indices into the story's representatives. */
interface KeptEvents {
  inputs: unknown[];
  groups: ReadonlyArray<{ indices: number[]; articleIds: string[]; date: string | null }>;
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What a linker's story builds keep from one build to the next (two generations, `Generations`): rewrite notes, the
 * parsed anchors of packed entries, each story's events and the titles of stories and events. A pass rebuilds every story an article joined, and
 * unpacking every member's anchors (18% of a later pass over 12,000 synthetic articles) and splitting events again
 * grew with the stories, not with what joined them.
 */
export class StoryBuilds {
  readonly notes: RewriteNotes;
  /** Parsed anchors by article id, with the packed entry they were read from (a re-filed article is a new entry). */
  private readonly anchors: Generations<{ held: PackedEntry; anchors: Anchors }>;
  /** Events by the story's first representative, with what they were split from (`inputsOf`). */
  readonly events: Generations<KeptEvents>;
  /** Titles of stories and events by kind and first representative, with the entries they were chosen from. */
  readonly titles: Generations<{ inputs: unknown[]; title: string }>;

  /**
   * At most `entriesMax` entries' anchors a generation, and events and titles of at most as many members: they hold
   * their members' anchors (`inputsOf`), so counted one a story they kept every member of every story built alive,
   * past the anchors' bound. A story's title and its events' titles share its members, so titles weigh up to twice.
   */
  constructor(notesMax: number, entriesMax: number) {
    this.notes = new RewriteNotes(notesMax);
    this.anchors = new Generations(entriesMax);
    this.events = new Generations(entriesMax, (kept) => kept.groups.reduce((n, g) => n + g.articleIds.length, 0));
    this.titles = new Generations(2 * entriesMax, (kept) => kept.inputs.length / 2);
  }

  /**
   * An entry as a build reads it: a packed one as a plain entry whose anchors are parsed once while its article stays
   * filed (the same object at each build, which `inputsOf` relies on), its line print and copy print read only when
   * used; the fields the linker changes (copy, shares, story, group) as they are now.
   */
  plain(held: LinkerEntry): LinkerEntry {
    if (!(held instanceof PackedEntry)) return held;
    let kept = this.anchors.get(held.id);
    if (kept?.held !== held) {
      kept = { held, anchors: held.anchors };
      this.anchors.set(held.id, kept);
    }
    return {
      id: held.id,
      title: held.title,
      headline: held.headline,
      outlet: held.outlet,
      published: held.published,
      label: held.label,
      origin: held.origin,
      anchors: kept.anchors,
      get print() {
        return held.print;
      },
      get lines() {
        return held.lines;
      },
      copyOf: held.copyOf,
      shares: held.shares,
      story: held.story,
      group: held.group,
    };
  }

  /**
   * What a story's events are split from, as objects compared by identity: each representative's id and anchors,
   * then its copies'. Every field the split reads of an entry is fixed for its anchors object (`plain`).
   */
  static inputsOf(reps: readonly LinkerEntry[], copies: ReadonlyArray<readonly LinkerEntry[]>, events: EventOptions): unknown[] {
    const out: unknown[] = [events.resolution, events.maxSpanDays];
    reps.forEach((r, i) => {
      const own = copies[i] as readonly LinkerEntry[];
      out.push(r.id, r.anchors, own.length);
      for (const c of own) out.push(c.id, c.anchors);
    });
    return out;
  }

  /** Ends a build of stories (`Generations.turn`). */
  turn(): void {
    this.notes.turn();
    this.anchors.turn();
    this.events.turn();
    this.titles.turn();
  }
}

/**
 * The rewrite note of two articles joined for sharing passages, or none when the other is not in the story; from
 * `notes` when an earlier build made it.
 */
function rewriteOf(a: LinkerEntry, b: LinkerEntry | undefined, linesOf: (e: LinkerEntry) => LinePrint | undefined, notes?: RewriteNotes): Rewrite[] {
  if (!b) return [];
  const known = notes?.get(a.id, b.id);
  if (known) return [{ ...known }];
  const note = rewriteNote(a, b, linesOf);
  notes?.set(a.id, b.id, note);
  return [{ ...note }];
}

function rewriteNote(a: LinkerEntry, b: LinkerEntry, linesOf: (e: LinkerEntry) => LinePrint | undefined): Rewrite {
  const { rewrite, original } = rewriteOrder(a, b);
  const empty = { spans: [], stems: [] };
  const { ruleId, reason, place } = rewriteMessage(linesOf(rewrite) ?? empty, linesOf(original) ?? empty);
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
