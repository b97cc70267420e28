import { performance } from 'node:perf_hooks';
import { cleanDocument } from '../clean/index.js';
import { tooLittleText } from '../ingest/limits.js';
import type { InputProblem } from '../ingest/problem.js';
import { isProblem, type ReadItem, type ReadOptions, readDocuments } from '../ingest/read.js';
import type { Document } from '../model/document.js';
import { errorText, TriangulateError } from '../model/errors.js';
import { type ArticleBudget, BudgetedPipeline } from '../pipeline/budget.js';
import { defaultStages } from '../pipeline/registry.js';
import { createPipeline, type Pipeline } from '../pipeline/runner.js';
import { type ArticleRecord, articleRecord, type Store } from '../store/store.js';
import { relink } from './link.js';

/** What one ingest run did; problems name the file (and line) of each item that could not be read. */
export interface IngestReport {
  added: number;
  aliases: number;
  unchanged: number;
  problems: InputProblem[];
  /** Items read with a warning (e.g. invalid UTF-8 decoded as Windows-1252): processed, but worth a look. */
  warnings: InputProblem[];
  /** Ids of the articles the inputs resolved to, in input order (new or already stored). */
  articleIds: string[];
}

export interface IngestOptions extends ReadOptions {
  pipeline?: Pipeline;
  /** Called after each item with the file it came from, for progress bars. */
  onItem?: (report: IngestReport, path: string) => void;
  /** Skip linking (callers that link once after several ingests). */
  link?: boolean;
  /**
   * Run cleaning and the registered stages on worker threads under a per-article time and memory budget (`true`
   * for the defaults, see DEFAULT_BUDGET): an article that runs over loses that stage's layer, with a message, and
   * the batch goes on. Off by default in the library: in-thread runs cost less for a few articles (docs/hardening.md
   * has the overhead). A BudgetedPipeline given here is used and left running (a server keeps its threads, models
   * loaded, for all uploads).
   */
  budget?: Partial<ArticleBudget> | boolean | BudgetedPipeline;
  /**
   * Worker threads cleaning and annotating at once (each under the budget, the default one when `budget` is not
   * set); 0 or unset without a budget: in this thread. Articles are still stored by this thread, in input order.
   */
  threads?: number;
}

/**
 * Jobs handed to the pool per thread beyond the batch being stored: two keep every thread busy while this thread
 * waits for the batch's last article and stores the batch; more would only hold more finished articles in memory.
 */
const AHEAD_PER_THREAD = 2;

/**
 * Articles committed together (`Store.batch`). On SQLite a transaction per article cost 0.24–0.28 CPU ms of the
 * storing thread's ≈0.5 (its statements and commit, 300 synthetic articles, 2026-12-06): each commit wrote the pages
 * it touched to the WAL again and the article's own full-text segment. In batches of 30 the same rows cost
 * 0.11–0.12 ms (batches of 100: 0.10), and that thread bounds how far the pool scales (issue 18). A crash loses at
 * most the batch being stored (made, not yet committed), which a re-run makes again.
 */
const BATCH = 32;

/**
 * Characters of input held waiting to be stored before the batch is stored however few articles it has, so a run of
 * large pages does not hold 32 of them in memory (a page may be 16 MB).
 */
const BATCH_CHARS = 8 * 1024 * 1024;

/**
 * How long an article made may wait for its batch to fill: a slow input (pages fetched one by one) is then stored
 * as it comes, as the next item is read, rather than only once 32 have arrived.
 */
const BATCH_WAIT_MS = 1_000;

/**
 * What cleaning and annotation made of a document: the record the store writes for the article, with the reasons of
 * any stage stopped by the budget; a problem; or null when it is already stored.
 */
type Made = { record: ArticleRecord; overBudget: string[] } | { problem: string } | null;

/** An item read and handed on, waiting its turn to be stored. */
interface Pending {
  item: ReadItem;
  /** The article in the making; null when the store had it, or an earlier item with the same content was in flight. */
  made: Promise<Made> | null;
  /** Whether `made` has settled (or is null). */
  settled: boolean;
  /** When it was read (performance.now()). */
  readAt: number;
}

/**
 * Reads, cleans, annotates and stores every input, then links stories. Articles are made on a pool of worker
 * threads when asked (`threads`, `budget`), but stored by this thread alone, in input order, in batches (BATCH):
 * each batch commits whole and each article in it whole, so a crash loses only articles not yet committed and a
 * re-run picks up where it stopped, and re-ingesting the same input changes nothing. A known content hash is never processed twice. One bad item becomes
 * a problem in the report, naming its file, and the others go on.
 */
export async function ingest(store: Store, paths: readonly string[], options: IngestOptions = {}): Promise<IngestReport> {
  return ingestItems(store, readDocuments(paths, options), options);
}

/** The same for documents (or problems) from any source: a generator, a queue consumer, a benchmark. */
export async function ingestItems(store: Store, items: AsyncIterable<ReadItem> | Iterable<ReadItem>, options: IngestOptions = {}): Promise<IngestReport> {
  const threads = options.threads ?? 0;
  if ((options.budget || threads > 0) && options.pipeline) {
    throw new TriangulateError('E_USAGE', 'a budget runs the registered stages on worker threads; it cannot run a pipeline object given in code');
  }
  if (options.budget instanceof BudgetedPipeline) return ingestWith(store, items, options, options.budget);
  const budget = options.budget === true ? {} : options.budget || (threads > 0 ? {} : null);
  const pool = budget ? new BudgetedPipeline(budget, Math.max(1, threads)) : null;
  try {
    return await ingestWith(store, items, options, pool);
  } finally {
    await pool?.close();
  }
}

async function ingestWith(
  store: Store,
  items: AsyncIterable<ReadItem> | Iterable<ReadItem>,
  options: IngestOptions,
  pool: BudgetedPipeline | null,
): Promise<IngestReport> {
  const annotate = articleMaker(options, pool);
  const report: IngestReport = { added: 0, aliases: 0, unchanged: 0, problems: [], warnings: [], articleIds: [] };
  const ahead = BATCH + (pool ? pool.threads * AHEAD_PER_THREAD : 0);
  const pending: Pending[] = [];
  let pendingChars = 0;
  // Content hashes handed to the pool and not yet stored: a second copy waits for the first instead of running too.
  const inFlight = new Set<string>();
  /** Stores the oldest `size` items in one batch, once all of them are made. */
  const storeOldest = async (size: number): Promise<void> => {
    const batch = pending.splice(0, size);
    for (const { item } of batch) pendingChars -= charsOf(item);
    await Promise.all(batch.map((p) => p.made?.catch(() => undefined)));
    await makeOrphanCopies(store, batch, annotate);
    await storeBatch(store, report, batch, annotate);
    for (const { item, made } of batch) {
      if (!isProblem(item) && made) inFlight.delete(item.id);
      options.onItem?.(report, isProblem(item) ? item.path : item.source.path);
    }
  };
  for await (const item of items) {
    let made: Promise<Made> | null = null;
    if (!isProblem(item) && !inFlight.has(item.id)) {
      inFlight.add(item.id);
      made = store.hasArticle(item.id).then((stored) => (stored ? null : annotate(item)));
    }
    const waiting: Pending = { item, made, settled: made === null, readAt: performance.now() };
    // Awaited in turn by storeItem, which reports a failure; not unhandled meanwhile.
    made?.then(
      () => (waiting.settled = true),
      () => (waiting.settled = true),
    );
    pending.push(waiting);
    pendingChars += charsOf(item);
    while (pending.length >= ahead || pendingChars > BATCH_CHARS) await storeOldest(Math.min(BATCH, pending.length));
    // A slow input: store what is made rather than wait for the batch to fill.
    const oldest = pending[0];
    if (oldest && performance.now() - oldest.readAt > BATCH_WAIT_MS) {
      const unmade = pending.findIndex((p) => !p.settled);
      if (unmade !== 0) await storeOldest(unmade === -1 ? pending.length : unmade);
    }
  }
  while (pending.length > 0) await storeOldest(Math.min(BATCH, pending.length));
  if (options.link !== false) await relink(store);
  return report;
}

/**
 * Makes, before the batch's transaction opens, each copy read while its first copy was in flight (`made` null) whose
 * first copy will not be stored: it failed, had too little text, or its batch did not commit. Made inside the
 * batch, it would hold the store's write lock for as long as its making takes (up to the budget's 30 s), blocking
 * every other writer. A copy whose first copy is stored, or comes earlier in this batch with a record, stays a name.
 */
async function makeOrphanCopies(store: Store, batch: readonly Pending[], annotate: Annotate): Promise<void> {
  const storable = new Set<string>();
  for (const pending of batch) {
    const { item } = pending;
    if (isProblem(item)) continue;
    if (!pending.made) {
      if (storable.has(item.id) || (await store.hasArticle(item.id))) continue;
      pending.made = annotate(item);
    }
    const made = await pending.made.catch(() => null);
    if (made && !('problem' in made) && !tooLittleText(made.record.text)) storable.add(item.id);
  }
}

/** Characters of an item's input (a problem holds none). */
function charsOf(item: ReadItem): number {
  return isProblem(item) ? 0 : item.raw.length;
}

/**
 * Stores a batch of made items in one `Store.batch`, and adds them to the report once it committed. If the commit
 * fails, none of them is stored: each becomes a problem naming the error, the items the batch never reached too (its
 * transaction may fail to open: another process holding the write lock past the busy timeout).
 */
async function storeBatch(store: Store, report: IngestReport, batch: readonly Pending[], annotate: Annotate): Promise<void> {
  const part: IngestReport = { added: 0, aliases: 0, unchanged: 0, problems: [], warnings: [], articleIds: [] };
  const stored: Document[] = [];
  let reached = 0;
  try {
    await store.batch(async (writer) => {
      for (const { item, made } of batch) {
        reached++;
        if ((await storeItem(writer, part, item, made, annotate)) && !isProblem(item)) stored.push(item);
      }
    });
  } catch (error) {
    const reason = `cannot store: ${errorText(error)}`;
    for (const item of stored) part.problems.push({ ...whereOf(item), reason });
    for (const { item } of batch.slice(reached)) part.problems.push(isProblem(item) ? item : { ...whereOf(item), reason });
    Object.assign(part, { added: 0, aliases: 0, unchanged: 0, articleIds: [] });
  }
  report.added += part.added;
  report.aliases += part.aliases;
  report.unchanged += part.unchanged;
  report.problems.push(...part.problems);
  report.warnings.push(...part.warnings);
  report.articleIds.push(...part.articleIds);
}

/** The file (and line) an item came from, as a problem names it. */
function whereOf(item: Document): Omit<InputProblem, 'reason'> {
  return { path: item.source.path, ...(item.source.line !== undefined ? { line: item.source.line } : {}) };
}

/**
 * Stores one item's outcome in the report and the store; true when it went to the store (an article or a name). An
 * item whose content was stored (or in flight) when it was read is named on the stored article; if that earlier copy
 * failed, this one was made before the batch opened (`makeOrphanCopies`), or is made now if the earlier copy's own
 * write failed inside this batch.
 */
async function storeItem(store: Store, report: IngestReport, item: ReadItem, made: Promise<Made> | null, annotate: Annotate): Promise<boolean> {
  if (isProblem(item)) {
    report.problems.push(item);
    return false;
  }
  const where = whereOf(item);
  for (const m of item.messages) if (m.severity !== 'info') report.warnings.push({ ...where, reason: m.reason });
  try {
    const article = made ? await made : (await store.hasArticle(item.id)) ? null : await annotate(item);
    const tooLittle = article && !('problem' in article) ? tooLittleText(article.record.text) : null;
    if (article && 'problem' in article) {
      report.problems.push({ ...where, reason: article.problem });
    } else if (tooLittle) {
      report.problems.push({ ...where, reason: tooLittle });
    } else {
      const result = article ? await store.putArticle(article.record, item) : await store.addName(item.id, item.source);
      // A stage stopped by the budget (or a thread that died in it) is named with the file, not only on the article.
      for (const reason of article?.overBudget ?? []) report.warnings.push({ ...where, reason });
      report[result === 'added' ? 'added' : result === 'alias' ? 'aliases' : 'unchanged']++;
      report.articleIds.push(item.id);
      return true;
    }
  } catch (error) {
    report.problems.push({ ...where, reason: `cannot process: ${errorText(error)}` });
  }
  return false;
}

type Annotate = (doc: Document) => Promise<Exclude<Made, null>>;

/**
 * Document → the article's record: in this thread with the given (or default) pipeline, or on the pool's worker
 * threads, which serialise it there (`BudgetedPipeline.processRecord`).
 */
function articleMaker(options: IngestOptions, pool: BudgetedPipeline | null): Annotate {
  if (pool) {
    return async (doc) => {
      const result = await pool.processRecord(doc);
      return 'problem' in result ? result : { record: result.record, overBudget: result.overBudget.map((m) => m.reason) };
    };
  }
  const pipeline = options.pipeline ?? createPipeline(defaultStages());
  // No budget in this thread: nothing is stopped.
  return async (doc) => ({ record: articleRecord(pipeline.run(cleanDocument(doc))), overBudget: [] });
}
