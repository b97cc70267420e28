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
   * Run cleaning and the registered stages in a worker thread under a per-article time and memory budget
   * (`true` for the defaults, see DEFAULT_BUDGET): an article that runs over loses that stage's layer, with a
   * message, and the batch goes on. Off by default: in-thread runs cost less (docs/hardening.md has the overhead).
   * A BudgetedPipeline given here is used and left running (a server keeps one thread, its models loaded, for all
   * uploads).
   */
  budget?: Partial<ArticleBudget> | boolean | BudgetedPipeline;
}

/**
 * Reads, cleans, annotates and stores every input, then links stories. Each article is committed on its own, so a
 * crash loses at most the article in flight and a re-run picks up where it stopped; a known content hash is never
 * processed twice. One bad item becomes a problem in the report and the others go on.
 */
export async function ingest(store: Store, paths: readonly string[], options: IngestOptions = {}): Promise<IngestReport> {
  return ingestItems(store, readDocuments(paths, options), options);
}

/** The same for documents (or problems) from any source: a generator, a queue consumer, a benchmark. */
export async function ingestItems(store: Store, items: AsyncIterable<ReadItem> | Iterable<ReadItem>, options: IngestOptions = {}): Promise<IngestReport> {
  if (options.budget && options.pipeline) {
    throw new TriangulateError('E_USAGE', 'a budget runs the registered stages in a worker thread; it cannot run a pipeline object given in code');
  }
  if (options.budget instanceof BudgetedPipeline) return ingestWith(store, items, options, options.budget);
  const budgeted = options.budget ? new BudgetedPipeline(options.budget === true ? {} : options.budget) : null;
  try {
    return await ingestWith(store, items, options, budgeted);
  } finally {
    await budgeted?.close();
  }
}

async function ingestWith(
  store: Store,
  items: AsyncIterable<ReadItem> | Iterable<ReadItem>,
  options: IngestOptions,
  budgeted: BudgetedPipeline | null,
): Promise<IngestReport> {
  const annotate = articleMaker(options, budgeted);
  const report: IngestReport = { added: 0, aliases: 0, unchanged: 0, problems: [], warnings: [], articleIds: [] };
  for await (const item of items) {
    if (isProblem(item)) {
      report.problems.push(item);
    } else {
      const where = { path: item.source.path, ...(item.source.line !== undefined ? { line: item.source.line } : {}) };
      for (const m of item.messages) if (m.severity !== 'info') report.warnings.push({ ...where, reason: m.reason });
      try {
        const article = (await store.hasArticle(item.id)) ? null : await annotate(item);
        const tooLittle = article && !('problem' in article) ? tooLittleText(article.text) : null;
        if (article && 'problem' in article) {
          report.problems.push({ ...where, reason: article.problem });
        } else if (tooLittle) {
          report.problems.push({ ...where, reason: tooLittle });
        } else {
          const result = article ? await store.putArticle(article, item) : await store.addName(item.id, item.source);
          report[result === 'added' ? 'added' : result === 'alias' ? 'aliases' : 'unchanged']++;
          report.articleIds.push(item.id);
        }
      } catch (error) {
        report.problems.push({ ...where, reason: `cannot process: ${errorText(error)}` });
      }
    }
    options.onItem?.(report, isProblem(item) ? item.path : item.source.path);
  }
  if (options.link !== false) await relink(store);
  return report;
}

/** Document → article: in this thread with the given (or default) pipeline, or in the budgeted worker thread. */
function articleMaker(options: IngestOptions, budgeted: BudgetedPipeline | null): (doc: Document) => Promise<Article | { problem: string }> {
  if (budgeted) {
    return async (doc) => {
      const result = await budgeted.process(doc);
      return 'article' in result ? result.article : result;
    };
  }
  const pipeline = options.pipeline ?? createPipeline(defaultStages());
  return async (doc) => pipeline.run(cleanDocument(doc));
}
