import { cleanDocument } from '../clean/index.js';
import { tooLittleText } from '../ingest/limits.js';
import type { InputProblem } from '../ingest/problem.js';
import { isProblem, type ReadItem, type ReadOptions, readDocuments } from '../ingest/read.js';
import type { Article } from '../model/article.js';
import type { Document } from '../model/document.js';
import { errorText, TriangulateError } from '../model/errors.js';
import { type ArticleBudget, BudgetedPipeline } from '../pipeline/budget.js';
import { defaultStages } from '../pipeline/registry.js';
import { createPipeline, type Pipeline } from '../pipeline/runner.js';
import type { Store } from '../store/store.js';
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
   * set); 0 or unset without a budget: in this thread. Articles are still stored one at a time, in input order.
   */
  threads?: number;
}

/**
 * Jobs handed to the pool per thread before the oldest is stored: two keep every thread busy while this thread
 * stores a finished article; more would only hold more finished articles in memory.
 */
const AHEAD_PER_THREAD = 2;

/** What cleaning and annotation made of a document: an article, a problem, or null when it is already stored. */
type Made = Article | { problem: string } | null;

/** An item read and handed on, waiting its turn to be stored. */
interface Pending {
  item: ReadItem;
  /** The article in the making; null when the store had it, or an earlier item with the same content was in flight. */
  made: Promise<Made> | null;
}

/**
 * Reads, cleans, annotates and stores every input, then links stories. Articles are made on a pool of worker
 * threads when asked (`threads`, `budget`), but stored by this thread alone, one at a time in input order: each is
 * committed on its own, so a crash loses only articles not yet stored and a re-run picks up where it stopped, and
 * re-ingesting the same input changes nothing. A known content hash is never processed twice. One bad item becomes
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
  const ahead = pool ? pool.threads * AHEAD_PER_THREAD : 1;
  const pending: Pending[] = [];
  // Content hashes handed to the pool and not yet stored: a second copy waits for the first instead of running too.
  const inFlight = new Set<string>();
  const storeOldest = async (): Promise<void> => {
    const { item, made } = pending.shift() as Pending;
    await storeItem(store, report, item, made, annotate);
    if (!isProblem(item) && made) inFlight.delete(item.id);
    options.onItem?.(report, isProblem(item) ? item.path : item.source.path);
  };
  for await (const item of items) {
    let made: Promise<Made> | null = null;
    if (!isProblem(item) && !inFlight.has(item.id)) {
      inFlight.add(item.id);
      made = store.hasArticle(item.id).then((stored) => (stored ? null : annotate(item)));
      made.catch(() => undefined); // awaited in turn by storeItem, which reports the failure; not unhandled meanwhile
    }
    pending.push({ item, made });
    while (pending.length >= ahead) await storeOldest();
  }
  while (pending.length > 0) await storeOldest();
  if (options.link !== false) await relink(store);
  return report;
}

/**
 * Stores one item's outcome in the report and the store. An item whose content was stored (or in flight) when it
 * was read is named on the stored article; if that earlier copy failed, this one is made now, as a lone item would be.
 */
async function storeItem(store: Store, report: IngestReport, item: ReadItem, made: Promise<Made> | null, annotate: Annotate): Promise<void> {
  if (isProblem(item)) {
    report.problems.push(item);
    return;
  }
  const where = { path: item.source.path, ...(item.source.line !== undefined ? { line: item.source.line } : {}) };
  for (const m of item.messages) if (m.severity !== 'info') report.warnings.push({ ...where, reason: m.reason });
  try {
    const article = made ? await made : (await store.hasArticle(item.id)) ? null : await annotate(item);
    const tooLittle = article && !('problem' in article) ? tooLittleText(article.text) : null;
    if (article && 'problem' in article) {
      report.problems.push({ ...where, reason: article.problem });
    } else if (tooLittle) {
      report.problems.push({ ...where, reason: tooLittle });
    } else {
      const result = article ? await store.putArticle(article, item) : await store.addName(item.id, item.source);
      // A stage stopped by the budget (or a thread that died in it) is named with the file, not only on the article.
      for (const m of article?.messages ?? []) if (m.ruleId.endsWith(':over-budget')) report.warnings.push({ ...where, reason: m.reason });
      report[result === 'added' ? 'added' : result === 'alias' ? 'aliases' : 'unchanged']++;
      report.articleIds.push(item.id);
    }
  } catch (error) {
    report.problems.push({ ...where, reason: `cannot process: ${errorText(error)}` });
  }
}

type Annotate = (doc: Document) => Promise<Article | { problem: string }>;

/** Document → article: in this thread with the given (or default) pipeline, or on the pool's worker threads. */
function articleMaker(options: IngestOptions, pool: BudgetedPipeline | null): Annotate {
  if (pool) {
    return async (doc) => {
      const result = await pool.process(doc);
      return 'article' in result ? result.article : result;
    };
  }
  const pipeline = options.pipeline ?? createPipeline(defaultStages());
  return async (doc) => pipeline.run(cleanDocument(doc));
}
