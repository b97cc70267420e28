import type { Article } from '../model/article.js';
import { type Story, storyIdOf } from '../model/story.js';
import { ANCHORS_VERSION, type Anchors, articleAnchors } from './anchors.js';
import { CandidateIndex } from './candidates.js';
import { CopyIndex, type CopyPrint, containment, copyPrint, DUPLICATE_CONTAINMENT } from './copies.js';
import { creditedOrigin } from './credits.js';
import { EntryArena } from './entry-arena.js';
import { EVENT_DEFAULTS, type EventOptions } from './events.js';
import { buildStory, canonicalCopies, eventGroups, StoryBuilds } from './output.js';
import { dayOf, PackedEntry, whenOf } from './packed-entry.js';
import { clusterStories, partition, storyEdgeFloor } from './partition.js';
import { isRewrite, type LinePrint, linePrint } from './rewrites.js';
import { STORY_IDF_PRIOR, StoryQuery, type StoryVector, storyPairs, storySimilarity, weighStory } from './story-similarity.js';
import { daySpanOf, type TimeEvidence } from './time.js';
import { leadTitle } from './titles.js';
import { DocFrequency, grown, rawVector, STORY_WEIGHTING, type Vector, weighSidesInto } from './vectors.js';

/** Tunable settings of the linker. */
export interface LinkerOptions {
  /**
   * Average-link threshold on the story similarity (participants and content, see story-similarity.ts) at which two
   * groups of articles are one happening (the cores of stories, partition.ts `clusterStories`), their mean
   * similarity weakened by the gap between their dates. TUNED on ECB+ (eval/sets/ecbplus.ts, stories vs sub-topics
   * and groups vs topics, 2-fold over topics) with `fragmentThreshold`: both the odd and the even topics chose 0.28.
   * On the sample corpus (samples/, a development set) stories come out right with it.
   */
  storyThreshold: number;
  /**
   * Average-link threshold on the topic similarity (story-similarity.ts) at which stories are related: they tell the
   * same kind of happening or share its cast or place. TUNED with `storyThreshold`: both ECB+ halves chose 0.06.
   */
  relatedThreshold: number;
  /**
   * Mean story similarity at which a story of at most `FRAGMENT_MAX_ARTICLES` articles joins the larger story it
   * resembles most (partition.ts, `clusterStories`). TUNED with `storyThreshold` over 0.1 and 0.14 (both ECB+ halves
   * chose 0.1); lower values are not tried because at 0.06 the sample corpus's travel page, which shares only the town
   * with the plant story, joins it.
   */
  fragmentThreshold: number;
  /**
   * How the gap between two groups' dates weakens their story similarity (time.ts). Before fragments were joined
   * (partition.ts) both ECB+ halves chose a grace of 180 days and 0.5 per doubling past it (sub-topic F1 +0.004 odd,
   * +0.006 even over none); since then both choose none, by a tie or nearly: only 95 of 982 ECB+ documents carry a
   * date (none of the 2008 half), so ECB+ can no longer tell. Kept for corpora whose articles are dated, where stories
   * spanning a year mixed happenings; the grace is long because one happening develops over months.
   */
  time: TimeEvidence;
  /** Share of the smaller text two articles must share to be copies (see copies.ts). */
  duplicateContainment: number;
  /**
   * Share above which two texts share long passages (a rewrite): same source, not a copy. Not calibrated: no
   * labelled rewrites were at hand; 0.2 of the smaller text is several sentences for any news article.
   */
  derivedContainment: number;
  events: EventOptions;
}

export const LINKER_DEFAULTS: LinkerOptions = {
  storyThreshold: 0.28,
  relatedThreshold: 0.06,
  fragmentThreshold: 0.1,
  time: { graceDays: 180, perDoubling: 0.5 },
  duplicateContainment: DUPLICATE_CONTAINMENT,
  derivedContainment: 0.2,
  events: EVENT_DEFAULTS,
};

/** Keys of an article queried in the inverted index: its heaviest anchors say what it is about. */
const MAX_QUERY_KEYS = 64;
/** Copy-print samples held by more articles than this are boilerplate: they find no copy (and are costly to scan). */
const MAX_POSTING = 2_000;
/** Latest members of each long-running story (candidates.ts) scored as candidates for a new article. */
const STORY_LATEST_MEMBERS = 3;
/**
 * Keys a retired story is listed under in the long-running index: its heaviest by summed TF-IDF over its members.
 * Not calibrated: 24 is about the number of distinct names and lead terms of one report.
 */
const SUMMARY_KEYS = 24;
/** Candidate articles scored exactly per new article. */
const MAX_CANDIDATES = 300;
/**
 * Stories re-clustered with a new article: the ones holding its most similar articles. Set on ECB+ (dates withheld,
 * 5 random orders per half, the largest 1 − B³ F1 of the online stories against the canonical pass's): with
 * `TOUCH_SHARE` and `RECLUSTER_REWEIGH_GROWTH`, 8 gave 0.013 where 4 gave 0.021.
 */
const MAX_TOUCHED_STORIES = 8;
/**
 * Share of the lower clustering threshold a candidate must reach for its story to be re-clustered with a new
 * article. Below 1 because candidates are scored with cached weights (`REWEIGH_GROWTH`) that may understate a
 * pair the re-clustering, on fresh weights, would join; 0.7 with the two settings beside it took the online drift
 * on ECB+ from 0.028 to 0.013 (see `MAX_TOUCHED_STORIES`).
 */
const TOUCH_SHARE = 0.7;
/** Largest set re-clustered when an article arrives; beyond it the article joins the best story directly. */
const LOCAL_CAP = 400;
/** Members sampled to score a big story directly. */
const STORY_SAMPLE = 50;
/**
 * Largest number of representatives the canonical pass clusters at once: it compares every pair sharing a key, so
 * its cost grows with the square of the store. Measured on ECB+ (982 articles, 2 busy cores): 1.3–3 s a pass, so
 * 2,000 keeps a relink under about 10 s; a larger store keeps the online result (see `canonicalize`).
 */
const CANONICAL_MAX = 2_000;
/**
 * Most rewrite notes kept from one story build to the next (`RewriteNotes`, a few hundred bytes each): a pass adding
 * 200 articles to 30,000 synthetic ones rebuilt stories with ≈ 200,000 noted pairs, and with all of them kept its
 * CPU halved (7.98 → 3.85 s, docs/scale.md); beyond the bound the rest are compared again.
 */
const REWRITE_NOTES_MAX = 250_000;
/**
 * Most entries whose parsed anchors, and stories whose events and titles, story builds keep for the next build
 * (`StoryBuilds`), a generation: ≈ 3.7 KB of anchors an entry, so the anchors cache holds at most ≈ 2 × 110 MB over its
 * two generations; a later pass adding 200 articles to 12,000 synthetic ones rebuilt stories of 7,500 members. The
 * events and titles caches count one a story but keep its members' anchors alive through their inputs, so after a
 * build of every story they can hold more than this bound (the measured peak RSS of a 30,000-article first pass was
 * still lower than before the caches: 2,042 → 1,666 MB); weighing them by members is the stricter bound, not measured.
 */
const BUILD_ENTRIES_MAX = 30_000;
/**
 * A cached TF-IDF vector is re-weighted once the collection has grown by this factor since: IDF moves slowly, and
 * re-weighting every touched vector on every arrival was most of the linking time (ECB+ profile).
 */
const REWEIGH_GROWTH = 1.1;
/**
 * The same for the vectors of a set being re-clustered, which decide the stories: weights stale by up to 10% made the
 * online stories depend on when each article was weighed (ECB+ online drift 0.028 over 5 orders against 0.021 at
 * 1.02). Re-weighing only these (a few stories) cost 6% of the linking time on ECB+, where re-weighing every
 * scored candidate at 1.02 cost 85%.
 */
const RECLUSTER_REWEIGH_GROWTH = 1.02;
/**
 * Weighed vectors of retired representatives kept, latest used first out last: a long-running story's members are
 * weighed again each time an article is scored against or re-clustered with it, and unpacking their anchors each time
 * (packed-entry.ts) would cost more than the few megabytes this holds. Not calibrated beyond that: about the members
 * of the long-running stories a few hundred arrivals touch. Which vectors it holds decides how stale a re-used weight
 * may be, so resizing it can move a decision (unlike `RETIRED_RAWS`).
 */
const RETIRED_VECTORS = 2_000;
/**
 * Raw vectors of retired representatives kept, latest used first out last, so that re-weighing one (every 2% the
 * collection grew, for a re-clustered set) does not unpack its anchors again. A raw vector does not depend on when it
 * was read, so this only saves time. The retired members touched grow with the long-running stories listed: on the
 * link benchmark (1,000 a day) the unpacking took 0.42 CPU ms per article at 40,000 (0.34 of the 0.85 that filing
 * grew by from 10,000); 12,000 kept missed ≈ 1.2 per article over 36,000–40,000 (6,000: 3.3; 2,000 in the weighed
 * cache alone: 11). At ≈ 1 KB each, 20,000 hold ≈ 20 MB.
 */
const RETIRED_RAWS = 20_000;

/** One article as the linker keeps it: plain data, so the state survives a JSON round trip. */
export interface LinkerEntry {
  id: string;
  /** The article's headline, or for an untitled article its lead sentence (titles.ts). */
  title: string | null;
  /** Whether `title` is the article's own headline rather than its lead sentence. */
  headline: boolean;
  outlet: string | null;
  /** Publication date (`YYYY-MM-DD` or coarser) or null. */
  published: string | null;
  /** Source file name: a label when the outlet is unknown. */
  label: string;
  /** Wire or outlet credited as origin. */
  origin: string | null;
  anchors: Anchors;
  print: CopyPrint;
  /**
   * Its sentences' content words, for the rewrite test (rewrites.ts). Absent in synthetic entries (the link benchmark)
   * and in entries saved before it existed, which `restore` files again.
   */
  lines?: LinePrint;
  /** The representative copy this article duplicates (it is not clustered itself), or null. */
  copyOf: string | null;
  /** Earlier articles it shares long passages with (rewrites): same source, not copies. */
  shares: string[];
  /** Story key of a representative (null for copies). */
  story: string | null;
  /** Key of its group of related stories, as the last `canonicalize` found it (null for copies and until then). */
  group: string | null;
}

/** The serialisable state of a linker. */
export interface LinkerState {
  version: 1;
  options: LinkerOptions;
  entries: LinkerEntry[];
}

/** The unfiled linker entry of an article: what `Linker.add` files, and what a worker stores for the linker to read. */
export function linkerEntryOf(article: Article): LinkerEntry {
  return {
    id: article.id,
    title: article.title !== null && article.titleFrom !== 'lead' ? article.title : (leadTitle(article.text) ?? article.title),
    headline: article.title !== null && article.titleFrom !== 'lead',
    outlet: article.outlet,
    published: article.published.date,
    label: article.source.path.split(/[\\/]/).pop() ?? article.id,
    origin: creditedOrigin(article),
    anchors: articleAnchors(article),
    print: copyPrint(`${article.title ?? ''}\n${article.text}`),
    lines: linePrint(article),
    copyOf: null,
    shares: [],
    story: null,
    group: null,
  };
}

/**
 * Online story linking. `add` files one article: a copy joins its original; any other article is scored against
 * candidates found through an inverted index over its anchors (never all stories), and the stories it touches are
 * re-clustered together with it by average link, so it can join a story, start one, or merge two. The cost per
 * article follows the size of the stories it touches, not their number. Events and sources are derived from a
 * story's members when stories are read, so they depend only on the set of articles.
 */
export class Linker {
  private readonly entries = new Map<string, LinkerEntry>();
  /** Packed entries' anchors and copy samples, outside the V8 heap (entry-arena.ts). */
  private readonly arena = new EntryArena();
  private readonly copyIndex = new CopyIndex();
  private readonly df = new DocFrequency(STORY_IDF_PRIOR);
  /**
   * How many representatives (articles that are no copy) are filed: their ids are the entries without `copyOf`, read
   * by the canonical pass only, and a set of them was ≈ 25 bytes of heap for every article ever filed.
   */
  private repCount = 0;
  /** The candidate postings; each live representative's weighed vector is cached by its slot. */
  private readonly candidates = new CandidateIndex<number, StoryVector>();
  /**
   * Slot → the number of documents its cached vector was weighed at (`df.total`): a typed array beside the cache, so
   * a candidate's vector is one object read away from its slot, not two.
   */
  private weighedAt = new Int32Array(1_024);
  private readonly members = new Map<string, Set<string>>();
  private readonly copies = new Map<string, Set<string>>();
  /**
   * Raw vectors (before IDF) of the representatives still in the candidate postings: read at every re-weighing, and
   * as typed arrays over term ids cheaper to keep than to read again from anchors. A retired one is read again unless
   * `retiredWeighed` holds it.
   */
  private readonly raws = new Map<string, Vector>();
  /**
   * Weighed vectors of retired representatives, least recently used first, at most `RETIRED_VECTORS`.
   */
  private readonly retiredWeighed = new Map<string, { total: number; vector: StoryVector }>();
  /** Raw vectors of retired representatives, least recently used first, at most `RETIRED_RAWS`. */
  private readonly retiredRaws = new Map<string, Vector>();
  /** Representative → key of its group of related stories, as the last `canonicalize` found it. */
  private readonly groupOf = new Map<string, string>();
  /** Group key → its representatives. */
  private readonly groups = new Map<string, Set<string>>();
  /** Story key → the ids of its related stories when last built, so `canonicalize` marks changed links dirty. */
  private readonly relatedSeen = new Map<string, string>();
  /** Article id → the articles whose `shares` name it, so forgetting an article does not scan every entry. */
  private readonly sharedBy = new Map<string, Set<string>>();
  /** Entries created or changed since `takeChanges`, so a caller persists only those. */
  private readonly dirtyEntries = new Set<string>();
  /** Story keys whose members or member entries changed since `takeChanges` (some may no longer exist). */
  private readonly dirtyStories = new Set<string>();
  /** A new article's vector spread once for scoring its candidates (`attach`). */
  private readonly query = new StoryQuery();
  /** What the last `stories()` build made (rewrite notes, parsed anchors, events), for the next build of the same stories. */
  private readonly builds = new StoryBuilds(REWRITE_NOTES_MAX, BUILD_ENTRIES_MAX);

  readonly options: LinkerOptions;

  /** A new, empty linker. */
  constructor(options: Partial<LinkerOptions> = {}) {
    this.options = { ...LINKER_DEFAULTS, ...options };
  }

  /**
   * A linker restored from `serialize()` output. Entries read by an older version of `articleAnchors`, or saved
   * before line prints existed, are left out (with copies of them), so the caller files those articles again, as
   * `has` reports them missing.
   */
  static restore(state: LinkerState): Linker {
    const linker = new Linker(state.options);
    const current = new Set(state.entries.filter((e) => e.anchors.version === ANCHORS_VERSION && e.lines !== undefined).map((e) => e.id));
    const entries = state.entries.filter((e) => current.has(e.id) && (!e.copyOf || current.has(e.copyOf)));
    for (const entry of entries) linker.entries.set(entry.id, entry);
    // Filed in date order, so the candidate index's weeks retire as they would have on arrival.
    const dated = entries.map((e) => ({ e, day: dayOf(e) ?? Number.POSITIVE_INFINITY })).sort((a, b) => a.day - b.day || byId(a.e, b.e));
    for (const { e: entry } of dated) {
      linker.copyIndex.add(entry.id, entry.print);
      for (const shared of entry.shares) setOf(linker.sharedBy, shared).add(entry.id);
      if (entry.copyOf) setOf(linker.copies, entry.copyOf).add(entry.id);
      else linker.index(entry);
      linker.pack(entry.id);
    }
    for (const key of linker.members.keys()) linker.relatedSeen.set(key, linker.relatedSignature(key));
    return linker;
  }

  /** Plain data to persist; `Linker.restore` takes it back. */
  serialize(): LinkerState {
    const plain = [...this.entries.values()].map((e) => (e instanceof PackedEntry ? e.toJSON() : e));
    return { version: 1, options: this.options, entries: plain.sort(byId) };
  }

  get size(): number {
    return this.entries.size;
  }

  /** Ids of every article held. */
  ids(): string[] {
    return [...this.entries.keys()];
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Files one article (a no-op for an id already held). */
  add(article: Article): void {
    if (this.entries.has(article.id)) return;
    this.addEntry(linkerEntryOf(article));
  }

  /**
   * Files an entry whose anchors and print were read already (`add` reads them from an article; the link benchmark
   * makes synthetic ones). A no-op for an id already held.
   */
  addEntry(entry: LinkerEntry): void {
    if (this.entries.has(entry.id)) return;
    this.file(entry);
    this.pack(entry.id);
  }

  private file(entry: LinkerEntry): void {
    const original = this.findCopies(entry);
    this.entries.set(entry.id, entry);
    this.dirtyEntries.add(entry.id);
    this.copyIndex.add(entry.id, entry.print);
    if (original && entry.id < original) {
      this.promote(entry, original);
      return;
    }
    if (original) {
      entry.copyOf = original;
      setOf(this.copies, original).add(entry.id);
      this.touchStoryOf(original);
      return;
    }
    this.index(entry);
    this.attach(entry);
    this.retireIdle();
  }

  /**
   * Makes a new copy with a smaller id the representative of its group of copies in place of the old one, so which
   * text stands for a group (and weighs in the document frequencies) does not depend on which arrived first.
   */
  private promote(entry: LinkerEntry, oldId: string): void {
    const old = this.entries.get(oldId) as LinkerEntry;
    const copies = [...(this.copies.get(oldId) ?? [])];
    this.copies.delete(oldId);
    this.unindex(old);
    entry.story = old.story;
    entry.group = old.group;
    old.copyOf = entry.id;
    old.story = null;
    old.group = null;
    for (const id of copies) (this.entries.get(id) as LinkerEntry).copyOf = entry.id;
    this.copies.set(entry.id, new Set([...copies, oldId]));
    for (const id of [...copies, oldId]) this.dirtyEntries.add(id);
    this.index(entry);
    this.touchStoryOf(entry.id);
  }

  /** Forgets an article; its story is re-clustered without it (it may split). */
  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.copyIndex.remove(id, entry.print);
    for (const otherId of this.sharedBy.get(id) ?? []) {
      const other = this.entries.get(otherId);
      if (!other) continue;
      other.shares = other.shares.filter((x) => x !== id);
      this.dirtyEntries.add(otherId);
      this.touchStoryOf(otherId);
    }
    this.sharedBy.delete(id);
    for (const shared of entry.shares) this.sharedBy.get(shared)?.delete(id);
    if (entry.copyOf) {
      this.copies.get(entry.copyOf)?.delete(id);
      this.touchStoryOf(entry.copyOf);
      return;
    }
    const story = entry.story as string;
    this.dirtyStories.add(story);
    this.unindex(entry);
    const copies = [...(this.copies.get(id) ?? [])].sort();
    this.copies.delete(id);
    const heir = copies[0] ? this.entries.get(copies[0]) : undefined;
    if (heir) {
      // A copy takes the original's place: same text, so the story is unchanged.
      heir.copyOf = null;
      heir.story = story;
      heir.group = entry.group;
      for (const other of copies.slice(1)) (this.entries.get(other) as LinkerEntry).copyOf = heir.id;
      for (const changed of copies) this.dirtyEntries.add(changed);
      if (copies.length > 1) this.copies.set(heir.id, new Set(copies.slice(1)));
      this.index(heir);
      return;
    }
    const rest = [...(this.members.get(story) ?? [])];
    if (rest.length > 0) this.recluster(rest, [story]);
  }

  /**
   * Every story (or those of the given story keys), largest first, with its independent sources and events
   * (`events` overrides the event options).
   */
  stories(events: EventOptions = this.options.events, keys?: Iterable<string>): Story[] {
    const out: Story[] = [];
    const { repsOf, copiesOf } = this.unpacking();
    for (const key of this.chosen(keys)) {
      const related = this.relatedKeys(key).map((k) => ({ reps: repsOf(k), copiesOf }));
      out.push(buildStory(repsOf(key), copiesOf, events, related, this.builds));
    }
    this.builds.turn();
    return out.sort(largestFirst);
  }

  /**
   * Of the stories of these keys, in `stories()` order, the members and the events' members as `stories()` gives
   * them, without building the rest of each story (titles, sources, rewrites, related stories): what `relink`
   * reads to re-anchor undated articles (src/engine/link.ts).
   */
  storyEvents(keys: Iterable<string>): Array<{ id: string; articleIds: string[]; events: Array<{ articleIds: string[] }> }> {
    const { repsOf, copiesOf } = this.unpacking();
    return this.chosen(keys)
      .map((key) => {
        const reps = repsOf(key);
        const articleIds = reps.flatMap((r) => [r.id, ...copiesOf(r.id).map((c) => c.id)]).sort();
        const events = eventGroups(reps, copiesOf, this.options.events, this.builds).map(({ articleIds }) => ({ articleIds }));
        return { id: storyIdOf(articleIds[0] as string), articleIds, events };
      })
      .sort(largestFirst);
  }

  /** The existing stories of these keys (every story without keys). */
  private chosen(keys?: Iterable<string>): string[] {
    return keys ? [...new Set(keys)].filter((k) => this.members.has(k)) : [...this.members.keys()];
  }

  /**
   * A story's representatives and an article's copies, as plain entries sorted by id, each unpacked once per
   * call: a story's members' anchors are read many times over (events, titles, related stories), and a packed entry
   * parses its anchors at each read. Anchors parsed by the last build are reused (`StoryBuilds.plain`).
   */
  private unpacking(): { repsOf: (key: string) => LinkerEntry[]; copiesOf: (id: string) => LinkerEntry[] } {
    const unpacked = new Map<string, LinkerEntry>();
    const plain = (id: string) => {
      let entry = unpacked.get(id);
      if (!entry) {
        entry = this.builds.plain(this.entries.get(id) as LinkerEntry);
        unpacked.set(id, entry);
      }
      return entry;
    };
    return {
      copiesOf: (id: string) => [...(this.copies.get(id) ?? [])].sort().map(plain),
      repsOf: (key: string) => [...(this.members.get(key) ?? [])].sort().map(plain),
    };
  }

  /** Keys of the stories holding these articles (a copy counts in its original's story). */
  storyKeysOf(ids: Iterable<string>): string[] {
    const keys = new Set<string>();
    for (const id of ids) {
      const entry = this.entries.get(id);
      const rep = entry?.copyOf ? this.entries.get(entry.copyOf) : entry;
      if (rep?.story && this.members.has(rep.story)) keys.add(rep.story);
    }
    return [...keys];
  }

  /** The id every current story is saved under (`storyIdOf` its smallest article id, copies included). */
  storyIds(): Set<string> {
    const ids = new Set<string>();
    for (const reps of this.members.values()) {
      let least: string | null = null;
      for (const rep of reps) {
        if (least === null || rep < least) least = rep;
        for (const copy of this.copies.get(rep) ?? []) if (copy < least) least = copy;
      }
      if (least !== null) ids.add(storyIdOf(least));
    }
    return ids;
  }

  /**
   * What changed since the last call (or since creation or restore): the entries to persist and the keys of the
   * stories to rebuild that still exist. A caller that persists these, and removes stories whose ids are no longer
   * in `storyIds()`, keeps a store equal to a full save at a fraction of the cost.
   */
  takeChanges(): { entries: LinkerEntry[]; storyKeys: string[] } {
    const entries = [...this.dirtyEntries].flatMap((id) => this.entries.get(id) ?? []).sort(byId);
    const storyKeys = [...this.dirtyStories].filter((k) => this.members.has(k)).sort();
    this.dirtyEntries.clear();
    this.dirtyStories.clear();
    return { entries, storyKeys };
  }

  /**
   * Re-clusters every article at once with fresh weights (partition.ts): stories and their groups of related stories
   * become a function of the set of articles, whatever order and batches they arrived in, where the online `add`
   * (fast, local) drifts with the order (the same 330 articles gave 231, 232 or 233 stories). Callers call it at the
   * end of each linking run. Marks for `takeChanges` the stories whose members or related stories changed. Beyond
   * `CANONICAL_MAX` representatives it does nothing: stories stay as the online linker filed them (order drift on
   * ECB+ before this pass: see the eval note) and new stories get related stories only at the next pass.
   */
  canonicalize(): void {
    if (this.repCount > CANONICAL_MAX) return;
    const regrouped = this.regroupCopies();
    const reps = [...this.entries.values()].flatMap((e) => (e.copyOf ? [] : [e.id])).sort();
    const vectors = reps.map((id) => {
      const vector = this.weighNow(id, this.rawOf(id));
      // Live ones only: `vector` takes what the candidate index caches for a live representative.
      const slot = this.candidates.slot(id);
      if (slot !== undefined) this.cacheLive(slot, vector);
      return vector;
    });
    const { story, group } = partition(vectors, this.options);
    const before = new Map([...this.members].map(([key, m]) => [key, [...m].sort().join(' ')]));
    this.members.clear();
    this.groups.clear();
    this.groupOf.clear();
    reps.forEach((id, i) => {
      const key = reps[story[i] as number] as string;
      const entry = this.entries.get(id) as LinkerEntry;
      if (entry.story !== key) this.dirtyEntries.add(id);
      entry.story = key;
      setOf(this.members, key).add(id);
      const g = reps[group[i] as number] as string;
      if (entry.group !== g) this.dirtyEntries.add(id);
      entry.group = g;
      this.groupOf.set(id, g);
      setOf(this.groups, g).add(id);
    });
    for (const [key, members] of this.members) if (before.get(key) !== [...members].sort().join(' ')) this.dirtyStories.add(key);
    for (const key of [...this.relatedSeen.keys()]) if (!this.members.has(key)) this.relatedSeen.delete(key);
    for (const id of regrouped) this.touchStoryOf(id);
    for (const key of this.members.keys()) {
      const seen = this.relatedSignature(key);
      if (this.relatedSeen.get(key) !== seen) this.dirtyStories.add(key);
      this.relatedSeen.set(key, seen);
    }
  }

  /**
   * Groups of copies as the whole set gives them: the components of the copy relation over every article, each
   * represented by its smallest id. Online, a near-copy joins the group of the first match it meets, and containment
   * is not transitive, so the groups (and which text weighs in the frequencies) depended on arrival order. Returns
   * the representatives whose groups changed.
   */
  private regroupCopies(): Set<string> {
    const ids = [...this.entries.keys()].sort();
    const parent = new Map(ids.map((id) => [id, id]));
    const find = (id: string): string => {
      let x = id;
      while (parent.get(x) !== x) x = parent.get(x) as string;
      return x;
    };
    for (const id of ids) {
      const entry = this.entries.get(id) as LinkerEntry;
      for (const other of this.copyIndex.candidates(entry.print, 20, MAX_POSTING)) {
        if (other === id || containment(entry.print, (this.entries.get(other) as LinkerEntry).print) < this.options.duplicateContainment) continue;
        const [a, b] = [find(id), find(other)];
        if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
      }
    }
    const changed = new Set<string>();
    for (const id of ids) {
      const entry = this.entries.get(id) as LinkerEntry;
      const root = find(id);
      const copyOf = root === id ? null : root;
      if (entry.copyOf === copyOf) continue;
      changed.add(entry.copyOf ?? id);
      if (copyOf) changed.add(copyOf);
      if (entry.copyOf === null) {
        if (entry.story) this.dirtyStories.add(entry.story);
        this.unindex(entry);
        entry.story = null;
        entry.group = null;
      } else this.copies.get(entry.copyOf)?.delete(id);
      entry.copyOf = copyOf;
      if (copyOf) setOf(this.copies, copyOf).add(id);
      else this.index(entry);
      this.dirtyEntries.add(id);
    }
    for (const [id, copies] of [...this.copies]) if (copies.size === 0) this.copies.delete(id);
    return changed;
  }

  /** The members of a story's related stories: they decide the ids and titles its data shows. */
  private relatedSignature(key: string): string {
    return this.relatedKeys(key)
      .map((k) => [...(this.members.get(k) ?? [])].sort().join(' '))
      .join('|');
  }

  /**
   * Article id → the key of its story and of its group of related stories (copies with their original's), without
   * building the stories: what an evaluation compares with gold clusters.
   */
  labels(): Map<string, { story: string; group: string }> {
    const out = new Map<string, { story: string; group: string }>();
    for (const entry of this.entries.values()) {
      const rep = entry.copyOf ? (this.entries.get(entry.copyOf) as LinkerEntry) : entry;
      const story = rep.story ?? rep.id;
      out.set(entry.id, { story, group: this.groupOf.get(rep.id) ?? story });
    }
    return out;
  }

  /** Keys of the other stories in the groups of a story's members (as the last `canonicalize` found them). */
  private relatedKeys(key: string): string[] {
    const out = new Set<string>();
    for (const id of this.members.get(key) ?? []) {
      for (const other of this.groups.get(this.groupOf.get(id) ?? '') ?? []) {
        const k = this.entries.get(other)?.story;
        if (k && k !== key && this.members.has(k)) out.add(k);
      }
    }
    return [...out].sort();
  }

  /** Marks the story of an article (or of its original) changed. */
  private touchStoryOf(id: string): void {
    const entry = this.entries.get(id);
    const rep = entry?.copyOf ? this.entries.get(entry.copyOf) : entry;
    if (rep?.story) this.dirtyStories.add(rep.story);
  }

  /** Article id → id of the canonical (earliest) copy, for every article that duplicates another. */
  duplicates(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [rep, copies] of this.copies) {
      const group = [rep, ...copies].map((id) => this.entries.get(id) as LinkerEntry);
      for (const [id, canonical] of canonicalCopies(group)) out.set(id, canonical);
    }
    return out;
  }

  /** The representative of the best copy match, recording rewrites (shared long passages or retold sentences) on the way. */
  private findCopies(entry: LinkerEntry): string | null {
    let best: { id: string; share: number } | null = null;
    for (const id of this.copyIndex.candidates(entry.print, 20, MAX_POSTING)) {
      const other = this.entries.get(id) as LinkerEntry;
      const share = containment(entry.print, other.print);
      if (share >= this.options.duplicateContainment && (!best || share > best.share)) best = { id: other.copyOf ?? other.id, share };
      else if (share >= this.options.derivedContainment || (entry.lines && other.lines && isRewrite(entry.lines, other.lines))) entry.shares.push(id);
    }
    entry.shares.sort();
    for (const shared of entry.shares) setOf(this.sharedBy, shared).add(entry.id);
    return best?.id ?? null;
  }

  private index(entry: LinkerEntry): void {
    const raw = rawVector(entry.anchors, STORY_WEIGHTING, this.df.terms);
    this.repCount++;
    this.df.add(raw);
    this.candidates.file(entry.id, dayOf(entry), raw.ids);
    this.raws.set(entry.id, raw);
    if (entry.story) setOf(this.members, entry.story).add(entry.id);
    if (entry.group) {
      this.groupOf.set(entry.id, entry.group);
      setOf(this.groups, entry.group).add(entry.id);
    }
  }

  private unindex(entry: LinkerEntry): void {
    // Called for representatives only: `remove` returns before it for a copy; `promote` and `regroupCopies` unindex an
    // entry while it is still one.
    const raw = this.rawOf(entry.id);
    this.df.add(raw, -1);
    this.candidates.unfile(entry.id, raw.ids);
    this.repCount--;
    this.raws.delete(entry.id);
    this.retiredWeighed.delete(entry.id);
    this.retiredRaws.delete(entry.id);
    this.groups.get(this.groupOf.get(entry.id) ?? '')?.delete(entry.id);
    this.groupOf.delete(entry.id);
    if (entry.story) {
      const reps = this.members.get(entry.story);
      reps?.delete(entry.id);
      if (reps?.size === 0) {
        this.members.delete(entry.story);
        this.candidates.forgetStory(entry.story);
      }
    }
  }

  /**
   * Retires the articles of weeks no longer in use (candidates.ts): their stories are listed in the long-running
   * index under a summary, their cached vectors and copy prints are dropped (a copy is published within days of its
   * original), so what the linker holds beyond its packed entry (packed-entry.ts) follows the weeks in use.
   */
  private retireIdle(): void {
    const retired = this.candidates.retire();
    if (retired.length === 0) return;
    const stories = new Set<string>();
    for (const id of retired) {
      const entry = this.entries.get(id) as LinkerEntry;
      if (entry.story) stories.add(entry.story);
      this.copyIndex.remove(id, entry.print);
      for (const copy of this.copies.get(id) ?? []) this.copyIndex.remove(copy, (this.entries.get(copy) as LinkerEntry).print);
    }
    for (const story of [...stories].sort()) {
      const members = this.members.get(story);
      if (members) this.candidates.summarise(story, this.summaryKeys(members));
    }
    for (const id of retired) this.raws.delete(id);
  }

  /**
   * Replaces an entry by its packed form (a no-op when it is packed already), once it is filed: its anchors are read
   * again only when its raw vector is not kept (`raws`) or its story is built, and parsed they were the largest part
   * of the linker's heap (3.3 of 10.8 KB per live synthetic article, docs/scale.md).
   */
  private pack(id: string): void {
    const entry = this.entries.get(id);
    if (entry && !(entry instanceof PackedEntry)) this.entries.set(id, new PackedEntry(entry, this.arena));
  }

  /** A story's heaviest keys: raw weights summed over its members, times their IDF. */
  private summaryKeys(members: Iterable<string>): number[] {
    const sum = new Map<number, number>();
    for (const id of members) {
      const { ids, weights } = this.rawOf(id);
      ids.forEach((key, i) => {
        sum.set(key, (sum.get(key) ?? 0) + (weights[i] as number));
      });
    }
    return [...sum.entries()]
      .map(([key, x]) => [key, x * this.df.idf(key)] as const)
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || this.byKey(a[0], b[0]))
      .slice(0, SUMMARY_KEYS)
      .map(([key]) => key);
  }

  /** Two term ids in the order of their keys: ties between equal weights break as they did over key strings. */
  private byKey(a: number, b: number): number {
    return this.df.terms.key(a) < this.df.terms.key(b) ? -1 : 1;
  }

  /**
   * The raw vector of a representative: kept while it is live (`raws`) and for recently used retired ones
   * (`retiredRaws`), else read again from its anchors.
   */
  private rawOf(id: string): Vector {
    const live = this.raws.get(id);
    if (live) return live;
    let raw = this.retiredRaws.get(id);
    // Least recently used first: a hit moves to the end.
    if (raw) this.retiredRaws.delete(id);
    else {
      raw = rawVector((this.entries.get(id) as LinkerEntry).anchors, STORY_WEIGHTING, this.df.terms);
      if (this.retiredRaws.size >= RETIRED_RAWS) this.retiredRaws.delete(this.retiredRaws.keys().next().value as string);
    }
    this.retiredRaws.set(id, raw);
    return raw;
  }

  /** Finds the stories the new representative could join and re-clusters them with it. */
  private attach(entry: LinkerEntry): void {
    const vector = this.vector(entry.id);
    const keys = [vector.who, vector.what]
      .flatMap(({ ids, weights }) => [...ids].map((key, i) => [key, weights[i] as number] as const))
      .sort((a, b) => b[1] - a[1] || this.byKey(a[0], b[0]))
      .slice(0, MAX_QUERY_KEYS)
      .map(([key]) => key);
    const met = this.candidates.candidates(dayOf(entry), keys);
    const touched = new Map<string, number>();
    const floor = TOUCH_SHARE * Math.min(this.options.storyThreshold, this.options.fragmentThreshold);
    // Clustering can only join the article to a story holding a member about this similar (on fresh weights). The
    // story is looked up only then: an entry read from a map of every article filed misses the cache as it grows.
    const touch = (id: string, sim: number) => {
      const story = (this.entries.get(id) as LinkerEntry).story as string;
      touched.set(story, Math.max(touched.get(story) ?? 0, sim));
    };
    this.query.set(vector);
    try {
      // Live candidates by slot: their vectors are read without a look-up by id (`liveVector`).
      for (const slot of met.topSlots(MAX_CANDIDATES, entry.id)) {
        const sim = this.query.similarity(this.liveVector(slot), this.options.time);
        if (sim >= floor) touch(this.candidates.idAt(slot), sim);
      }
      // Stories older than the window are found through their summaries; their latest members stand for them.
      for (const story of this.candidates.stories(keys)) {
        const members = this.members.get(story);
        if (!members) continue;
        for (const id of this.latestMembers(members)) {
          if (met.has(id) || id === entry.id) continue;
          const sim = this.query.similarity(this.vector(id), this.options.time);
          if (sim >= floor) touch(id, sim);
        }
      }
    } finally {
      this.query.clear();
    }
    const stories = [...touched.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_TOUCHED_STORIES)
      .map(([story]) => story)
      .sort();
    const local = [entry.id, ...stories.flatMap((s) => [...(this.members.get(s) ?? [])])];
    if (local.length <= LOCAL_CAP) {
      this.recluster(local, stories);
      return;
    }
    this.joinBest(entry, vector, stories);
  }

  /**
   * The `STORY_LATEST_MEMBERS` latest members of a story (undated last, ties by id), kept in order while reading the
   * members once: a long-running story holds hundreds, and sorting them all at each lookup grew with its length.
   */
  private latestMembers(members: Iterable<string>): string[] {
    const latest: Array<{ id: string; day: number }> = [];
    for (const id of members) {
      const member = { id, day: dayOf(this.entries.get(id) as LinkerEntry) ?? Number.NEGATIVE_INFINITY };
      let at = latest.length;
      while (at > 0 && isLater(member, latest[at - 1] as { id: string; day: number })) at--;
      if (at < STORY_LATEST_MEMBERS) {
        latest.splice(at, 0, member);
        if (latest.length > STORY_LATEST_MEMBERS) latest.pop();
      }
    }
    return latest.map(({ id }) => id);
  }

  /**
   * The TF-IDF vectors of a representative, re-weighted when the collection has grown enough since last time. A
   * cached vector is re-weighted in place when its sides keep their lengths (`weighSidesInto`; its date is unchanged): a weighed vector lives
   * through thousands of arrivals, so each replaced one was garbage in the old generation, most of what the linker
   * left there (≈ 12 of 22 KB an article at 15,000–20,000, docs/scale.md, sixth round), and the heap V8 lets grow
   * follows that garbage. No caller holds a representative's vector across a call that re-weighs it.
   */
  private vector(id: string, growth = REWEIGH_GROWTH): StoryVector {
    const slot = this.candidates.slot(id);
    if (slot !== undefined) return this.liveVector(slot, growth);
    const retired = this.retiredWeighed.get(id);
    if (retired) {
      // Least recently used first: a hit moves to the end.
      this.retiredWeighed.delete(id);
      this.retiredWeighed.set(id, retired);
      if (this.df.total < retired.total * growth) return retired.vector;
      if (weighSidesInto(this.rawOf(id), this.df, retired.vector)) {
        retired.total = this.df.total;
        return retired.vector;
      }
    }
    const vector = this.weighNow(id, this.rawOf(id));
    this.retiredWeighed.set(id, { total: this.df.total, vector });
    if (this.retiredWeighed.size > RETIRED_VECTORS) this.retiredWeighed.delete(this.retiredWeighed.keys().next().value as string);
    return vector;
  }

  /**
   * `vector` of the live representative in a candidate slot, cached with the slot (`CandidateIndex.cache`, dropped
   * when it retires).
   */
  private liveVector(slot: number, growth = REWEIGH_GROWTH): StoryVector {
    const cached = this.candidates.cached(slot);
    if (cached && this.df.total < (this.weighedAt[slot] as number) * growth) return cached;
    const id = this.candidates.idAt(slot);
    if (cached && weighSidesInto(this.rawOf(id), this.df, cached)) {
      this.weighedAt[slot] = this.df.total;
      return cached;
    }
    return this.cacheLive(slot, this.weighNow(id, this.rawOf(id)));
  }

  /** Caches a live representative's vector, weighed now, with its slot. */
  private cacheLive(slot: number, vector: StoryVector): StoryVector {
    if (slot >= this.weighedAt.length) this.weighedAt = grown(this.weighedAt, slot);
    this.weighedAt[slot] = this.df.total;
    this.candidates.cache(slot, vector);
    return vector;
  }

  /** A representative's raw vector weighed with the current document frequencies. */
  private weighNow(id: string, raw: Vector): StoryVector {
    return weighStory(raw, this.df, daySpanOf(whenOf(this.entries.get(id) as LinkerEntry)));
  }

  /** Re-clusters a set of representatives by average link, replacing the stories they were in. */
  private recluster(ids: readonly string[], oldStories: readonly string[]): void {
    for (const s of oldStories) {
      this.members.delete(s);
      this.dirtyStories.add(s);
    }
    const sorted = [...ids].sort();
    const vectors = sorted.map((id) => this.vector(id, RECLUSTER_REWEIGH_GROWTH));
    // Only the story level: an infinite floor leaves the topic level (related stories, built by `canonicalize`) empty.
    const edges = storyPairs(vectors, { story: storyEdgeFloor(this.options), topic: Number.POSITIVE_INFINITY }).story;
    const labels = clusterStories(vectors, edges, this.options);
    sorted.forEach((id, i) => {
      // Labels are the smallest index of each cluster, so the key is its smallest id: a function of the members.
      const key = sorted[labels[i] as number] as string;
      const entry = this.entries.get(id) as LinkerEntry;
      if (entry.story !== key) this.dirtyEntries.add(id);
      entry.story = key;
      setOf(this.members, key).add(id);
      this.dirtyStories.add(key);
    });
    // A story merged away leaves the long-running index; one that lives on keeps its summary until its weeks retire.
    for (const s of oldStories) if (!this.members.has(s)) this.candidates.forgetStory(s);
  }

  /** For a story too large to re-cluster: join the story whose sampled members are most similar on average. */
  private joinBest(entry: LinkerEntry, vector: StoryVector, stories: readonly string[]): void {
    let best: { story: string; mean: number } | null = null;
    for (const story of stories) {
      const sample = [...(this.members.get(story) ?? [])].sort().slice(0, STORY_SAMPLE);
      const mean = sample.reduce((sum, id) => sum + storySimilarity(vector, this.vector(id), this.options.time), 0) / Math.max(1, sample.length);
      // The article alone is a fragment of the story it joins (see `clusterStories`).
      if (mean >= Math.min(this.options.storyThreshold, this.options.fragmentThreshold) && (!best || mean > best.mean)) best = { story, mean };
    }
    entry.story = best?.story ?? entry.id;
    setOf(this.members, entry.story).add(entry.id);
    this.dirtyStories.add(entry.story);
  }
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

/** Whether `a` comes before `b` among a story's latest members: a later day, or the same day and a smaller id. */
function isLater(a: { id: string; day: number }, b: { id: string; day: number }): boolean {
  return a.day > b.day || (a.day === b.day && a.id < b.id);
}

/** Stories' order in `stories()`: largest first, then by id. */
function largestFirst(a: { id: string; articleIds: readonly string[] }, b: { id: string; articleIds: readonly string[] }): number {
  return b.articleIds.length - a.articleIds.length || (a.id < b.id ? -1 : 1);
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
