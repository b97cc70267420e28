import { type Store, TriangulateError } from '../index.js';
import { type DossierFormat, type DossierJob, DossierRenderer, type RenderedDossier } from './dossier-render.js';
import { DOSSIER_CACHE, ReadCache } from './read-cache.js';
import type { ReadPool } from './read-pool.js';
import { StoreThread } from './store-thread.js';

/**
 * Time one dossier may take to build and render in the worker before it is stopped and the request answered 503.
 * With the per-article cap (compare/article-cap.ts) the largest story in the adversarial bench builds in seconds;
 * this only stops a story no cap foresaw, and frees the worker for the next request.
 */
const BUILD_MS = 120_000;
/** The worker's heap: a big story's articles with their layers, and the dossier built from them. */
const WORKER_MEMORY_MB = 2_048;
/**
 * How long a finished build answers from memory: the worker stores the dossier just after answering, and requests in
 * that moment would otherwise find nothing stored and build it again. Far longer than a save takes.
 */
const BUILT_GRACE_MS = 30_000;
/**
 * Stories waiting for their dossiers to be built ahead of any request (`buildAhead`). A build of a large story costs
 * seconds of CPU (docs/hardening.md), so a burst of ingests could queue hours of builds: past this many, the stories
 * changed longest ago are dropped from the queue (their dossiers are built when first asked for, as before). Newest
 * changes go first because that is what readers open next; a story changed again moves back to the front, and is
 * built once for its latest version. 256 builds of typical 5–40-article stories are minutes of one thread's work.
 */
export const BUILD_AHEAD_QUEUE = 256;
/**
 * How often the server reads the changed-stories feed (`Store.storyChanges`) for stories another process linked
 * (`triangulate ingest`, the queue's linker). A poll whose store change mark has not moved costs no query; one that
 * has is one indexed read of at most FEED_BATCH rows. Two seconds is well inside the time a reader takes to find a
 * story after its articles are ingested.
 */
export const FEED_POLL_MS = 2_000;
/**
 * Changes taken from the feed at a time, oldest first. They are taken only when the build-ahead queue is empty and no
 * reader's build runs, so the feed never delays a reader's build or the server's own uploads' builds.
 */
export const FEED_BATCH = 32;
/**
 * How far behind the feed may fall, in story saves, before the server skips to its latest FEED_BATCH changes: a bulk
 * ingest of thousands of stories would otherwise keep the dossier thread building for hours, mostly stories no one
 * opens. The skipped stories are built on their first request, as before the feed.
 */
export const FEED_BACKLOG = 1_024;
/** The forms built ahead: the API's JSON and the dossier page (rendered from the same build). */
const AHEAD_FORMATS: readonly DossierFormat[] = ['json', 'html'];

/**
 * Serves rendered dossiers, built once per story version: the read pool finds the story's current version and the
 * dossier stored for it; when there is none, the dossier worker builds and renders it (one at a time, under a time
 * budget) and stores it, and concurrent requests for the same story version wait for that one build. A dossier is a
 * pure function of its story and articles (whose ids are content hashes), and saving a story or updating its
 * articles deletes its stored dossiers. Without a store location (an app made in-process over a Store object) the
 * build runs in this thread.
 */
export class DossierPool {
  private readonly builds = new Map<string, { version: string; rendered: Promise<RenderedDossier> }>();
  /**
   * Dossiers answered recently, kept in this thread while the store's change mark holds: a stored dossier otherwise
   * costs a read thread its row, a hash of the story to check the version, and a copy of the body on every request.
   */
  private readonly recent = new ReadCache<RenderedDossier>(DOSSIER_CACHE, (dossier) => dossier.body.byteLength);
  private readonly thread: StoreThread | null;
  private readonly local: DossierRenderer | null;
  /** Story ids to build ahead, most recently changed first (at most BUILD_AHEAD_QUEUE). */
  private readonly ahead: string[] = [];
  private drainingAhead: Promise<void> | null = null;
  /** Builds in progress (the grace entries of `builds` outlive them). */
  private readonly running = new Set<Promise<RenderedDossier>>();
  private closed = false;
  /** The last feed change queued (null until the first poll, which starts from the latest changes). */
  private feedSeq: number | null = null;
  /** The store's change mark when the feed was last read to its end: no commit since, nothing new to read. */
  private feedMark: string | null = null;
  private feedPolling = false;
  private feedTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly reads: ReadPool,
    storeLocation: string | undefined,
  ) {
    this.thread = storeLocation === undefined ? null : new StoreThread('dossier-worker', storeLocation, WORKER_MEMORY_MB);
    this.local = storeLocation === undefined ? new DossierRenderer(store) : null;
  }

  /**
   * Builds ahead the dossiers of stories saved by any process, read from the store's changed-stories feed every
   * `everyMs`: starting from the latest FEED_BATCH changes (a restarted server builds those it finds unbuilt), then
   * each change after the last one queued, oldest first. See FEED_BATCH and FEED_BACKLOG for the bounds.
   */
  followChanges(everyMs = FEED_POLL_MS): void {
    if (this.feedTimer || everyMs <= 0) return;
    this.feedTimer = setInterval(() => void this.pollFeed(), everyMs);
    this.feedTimer.unref();
  }

  /**
   * One read of the feed, queueing what it finds for building ahead; a no-op while builds are queued or run. Resolves
   * when the builds it queued are done (the timer does not wait; tests and benchmarks do).
   */
  async pollFeed(): Promise<void> {
    const queued = await this.readFeed();
    await queued?.built;
  }

  private async readFeed(): Promise<{ built: Promise<void> } | null> {
    if (this.feedPolling || this.closed || this.ahead.length > 0 || this.running.size > 0) return null;
    this.feedPolling = true;
    try {
      const mark = await this.reads.changeMark();
      if (mark !== null && mark === this.feedMark) return null;
      let changes = await this.store.storyChanges(this.feedSeq, FEED_BATCH);
      const newest = changes.length === FEED_BATCH ? (await this.store.storyChanges(null, 1))[0] : undefined;
      if (this.feedSeq !== null && newest && newest.seq - this.feedSeq > FEED_BACKLOG) changes = await this.store.storyChanges(null, FEED_BATCH);
      const last = changes[changes.length - 1];
      if (last) this.feedSeq = last.seq;
      // A full batch may have more behind it: read again on the next poll although no commit moves the mark.
      this.feedMark = changes.length < FEED_BATCH ? mark : null;
      return changes.length > 0 ? { built: this.buildAhead(changes.map((c) => c.storyId)) } : null;
    } catch {
      // A failed read (a store closing, a busy lock) is tried again on the next poll.
      return null;
    } finally {
      this.feedPolling = false;
    }
  }

  /** The story's dossier in one format, as bytes with an ETag; E_NOT_FOUND when there is no such story. */
  async get(storyId: string, format: DossierFormat): Promise<RenderedDossier> {
    const mark = await this.reads.changeMark();
    if (mark === null) return this.read(storyId, format);
    return this.recent.get(`${format}:${storyId}`, mark, () => this.read(storyId, format));
  }

  /** The stored dossier of the story's current version, or one built now. */
  private async read(storyId: string, format: DossierFormat): Promise<RenderedDossier> {
    const slot = `${format}:${storyId}`;
    const found = await this.reads.run({ op: 'dossier', storyId, format });
    if (found.kind === 'missing') throw new TriangulateError('E_NOT_FOUND', `no story "${storyId}" in the store`);
    if (found.kind === 'stored') return found;
    const building = this.builds.get(slot);
    if (building?.version === found.version) return building.rendered;
    const job: DossierJob = { storyId, format, version: found.version };
    const rendered = this.local ? this.local.render(job) : (this.thread as StoreThread).run<RenderedDossier>(job, BUILD_MS, `the dossier of ${storyId}`);
    const entry = { version: found.version, rendered };
    this.builds.set(slot, entry);
    const forget = (): void => {
      if (this.builds.get(slot) === entry) this.builds.delete(slot);
    };
    this.running.add(rendered);
    rendered.then(() => setTimeout(forget, BUILT_GRACE_MS).unref(), forget).finally(() => this.running.delete(rendered));
    return rendered;
  }

  /**
   * Builds and stores the dossiers of stories that just changed (an ingest linked articles into them), in the
   * background, so the first reader finds a stored dossier instead of waiting for a build. One build at a time, in
   * the dossier thread, and only while no reader is waiting for a build of their own: a request for a story not yet
   * built still builds it on demand, and waits behind at most the one build ahead in progress. Bounded: see
   * BUILD_AHEAD_QUEUE. Resolves when the queue is empty (tests and benchmarks wait on it; the server does not).
   */
  buildAhead(storyIds: readonly string[]): Promise<void> {
    for (const id of [...storyIds].reverse()) {
      const at = this.ahead.indexOf(id);
      if (at >= 0) this.ahead.splice(at, 1);
      this.ahead.unshift(id);
    }
    if (this.ahead.length > BUILD_AHEAD_QUEUE) this.ahead.length = BUILD_AHEAD_QUEUE;
    this.drainingAhead ??= this.drainAhead();
    return this.drainingAhead;
  }

  private async drainAhead(): Promise<void> {
    // Yield first, so buildAhead has recorded this drain before it can end; it clears the record in the same turn
    // as it finds the queue empty, so an id queued later always starts a new drain.
    await null;
    try {
      for (let id = this.ahead.shift(); id !== undefined && !this.closed; id = this.ahead.shift()) {
        // Readers' builds first: wait until none is in flight.
        while (this.running.size > 0) await Promise.allSettled([...this.running]);
        for (const format of AHEAD_FORMATS) {
          // A story merged away or renamed since has nothing to build; a failed build is tried again on request.
          await this.read(id, format).catch(() => undefined);
        }
      }
    } finally {
      this.drainingAhead = null;
    }
  }

  /** Starts the worker thread ahead of the first build. */
  async warm(): Promise<void> {
    await this.thread?.warm();
  }

  /** Ends the worker thread. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.feedTimer) clearInterval(this.feedTimer);
    this.ahead.length = 0;
    await this.thread?.close();
  }
}
