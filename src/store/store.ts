import type { Article } from '../model/article.js';
import type { Document, SourceRef } from '../model/document.js';
import type { Story } from '../model/story.js';

/** How a store is opened (`openStore`). */
export interface OpenOptions {
  /**
   * A connection that only reads (the server's read threads): it never migrates (the process that opened the store
   * for writing did) and the engine refuses any write on it.
   */
  readOnly?: boolean;
}

/** One line of an article listing: what a list view shows without loading the text. */
export interface ArticleSummary {
  id: string;
  path: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string;
  chars: number;
}

/** One line of a story listing. */
export interface StorySummary {
  id: string;
  title: string;
  articleCount: number;
  sourceCount: number;
  firstDate: string | null;
  lastDate: string | null;
  languages: string[];
}

/**
 * A rendered dossier kept for one version of its story (`Store.storedDossier`): the body in one format (JSON,
 * Markdown or HTML) and its HTTP ETag.
 */
export interface StoredDossier {
  /** The story version it was built from (`StoryDossier.version`). */
  version: string;
  etag: string;
  body: string;
}

/** A story's current version, and its dossier in one format when one is stored for that version. */
export interface StoryDossier {
  /**
   * A hash of the story as linking last saved it: it changes whenever the story does (articles, sources, events,
   * title), so a dossier built from one version is current exactly while the version holds.
   */
  version: string;
  dossier: StoredDossier | null;
}

/**
 * Where a page of the story list starts: just after this story in the list's order (largest first, then id). Unlike
 * an offset it does not shift when stories are added or grow ahead of it, and the store seeks to it in its index.
 */
export interface StoryCursor {
  articleCount: number;
  id: string;
}

/** A story's latest save in the changed-stories feed (`Store.storyChanges`). */
export interface StoryChange {
  storyId: string;
  /** Grows with every story save by any process; a later save of the story replaces its number. */
  seq: number;
}

/**
 * The linker's input for one article, made where the article was analysed (src/link/intake.ts): stored beside it so
 * the linker need not read the article's text again. Opaque to the store.
 */
export interface LinkInput {
  /** Which code made it: the linker ignores inputs of another version. */
  version: number;
  /** The unfiled linker entry (JSON). */
  entry: string;
  /** How the article is dated on its own (JSON). */
  dating: string;
}

/** What storing one article did: idempotency is visible to the caller. */
export type PutResult = 'added' | 'alias' | 'unchanged';

export interface Page {
  limit?: number;
  offset?: number;
}

/**
 * The one narrow storage interface. The embedded default (SQLite in a folder) and the PostgreSQL server backend
 * implement it with the same schema and migrations; nothing outside src/store/ sees SQL.
 */
export interface Store {
  /**
   * Stores a cleaned article (or its record, `articleRecord`) with the document it came from, and its linker input
   * when given, in one transaction; a known content hash only records the new name.
   */
  putArticle(article: Article | ArticleRecord, document: Document, linkInput?: LinkInput): Promise<PutResult>;
  /** Records another name for an article already stored (same content, new file or line). */
  addName(id: string, source: SourceRef): Promise<PutResult>;
  /** Replaces an article's stored analysis (layers, provenance) after a later stage ran. */
  updateArticles(articles: readonly Article[]): Promise<void>;
  hasArticle(id: string): Promise<boolean>;
  getArticle(id: string): Promise<Article | null>;
  /** Articles in the order of the ids given; unknown ids are skipped. */
  getArticles(ids: readonly string[]): Promise<Article[]>;
  getDocument(id: string): Promise<Document | null>;
  listArticles(page?: Page & { query?: string }): Promise<ArticleSummary[]>;
  countArticles(): Promise<number>;
  /** All article ids in ingest order (for re-linking and exports). */
  articleIds(): Promise<string[]>;

  /** Replaces the given stories and deletes `removed` ones, in one transaction. */
  saveStories(stories: readonly Story[], removed?: readonly string[]): Promise<void>;
  getStory(id: string): Promise<Story | null>;
  /** The story an article belongs to, if linked. */
  storyOf(articleId: string): Promise<string | null>;
  /**
   * A page of stories, largest first (then by id); with `query`, the stories of the matching articles, best match
   * first where the backend ranks (SQLite: BM25, listing.ts). `after` starts the page after a story instead of at
   * `offset`; it cannot be combined with `query` (a ranked list has no stable key to resume from).
   */
  listStories(page?: Page & { query?: string; after?: StoryCursor }): Promise<StorySummary[]>;
  countStories(): Promise<number>;
  storyIds(): Promise<string[]>;

  /**
   * The story's version and its stored dossier in `format` if one was built from that version; null when there is
   * no such story. A dossier of an older version is never returned.
   */
  storedDossier(storyId: string, format: string): Promise<StoryDossier | null>;
  /**
   * The changed-stories feed: stories saved after change `after` (a `seq` from an earlier answer), oldest change
   * first, at most `limit`; each story once, at its latest save; stories removed since are absent. With `after`
   * null, the latest `limit` changes (still oldest first), where a reader that has seen none starts.
   */
  storyChanges(after: number | null, limit: number): Promise<StoryChange[]>;
  /**
   * Keeps a rendered dossier for a story version (replacing the format's earlier one). Saving a story, or updating
   * one of its articles, deletes its stored dossiers, so the table holds current ones only.
   */
  saveDossier(storyId: string, format: string, dossier: StoredDossier): Promise<void>;

  /** The linker's saved per-article entries (article id → JSON), for incremental linking. */
  linkEntries(): Promise<Map<string, string>>;
  /**
   * Writes changed linker entries and deletes those of removed articles; returns the new link version, a value that
   * changes on every save (by any process), so a process may keep its linker in memory while the version holds.
   */
  saveLinkEntries(changed: ReadonlyArray<readonly [string, string]>, removed?: readonly string[]): Promise<string>;
  /** One part of the stored linker inputs of these articles, with each row's version; articles without one are absent. */
  linkInputs(ids: readonly string[], part: 'entry' | 'dating'): Promise<Map<string, { version: number; value: string }>>;
  /** Each article's stored `provenance.duplicateOf`, read without loading the articles; unknown ids are absent. */
  duplicateMarks(ids: readonly string[]): Promise<Map<string, string | null>>;
  /**
   * Sets these articles' `provenance.duplicateOf` (id → mark) and nothing else, as `updateArticles` with only that
   * field changed would, without loading them: a first linker pass marks thousands of copies.
   */
  markDuplicates(marks: ReadonlyArray<readonly [string, string | null]>): Promise<void>;
  /** The link version of the last save, or null before any. */
  linkVersion(): Promise<string | null>;

  /**
   * Runs `work` with exclusive write access across processes (SQLite `BEGIN IMMEDIATE`, a PostgreSQL advisory
   * lock): linking reads the current stories and writes new ones, and two ingest runs must not interleave that.
   */
  exclusive<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /**
   * Runs a run of writes (`putArticle`, `addName`) committed together where the backend still keeps each article
   * whole inside the shared transaction, so a failing one loses only itself: SQLite, where each is a savepoint and
   * a commit per article cost the storing thread half its time (issue 18). Elsewhere (PostgreSQL, where one failed
   * statement aborts the whole transaction) `work` gets this store, each write committed on its own.
   */
  batch<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /**
   * A mark that changes whenever a write to the store commits, through this connection or any other (another
   * thread, another process); null when the backend cannot tell. A reader that reads the mark before it reads the
   * data may keep the answer while the mark holds (the server's read cache): a write committed in between changes
   * the mark, so it can only make an answer look older than it is, never keep a stale one.
   */
  changeMark(): Promise<string | null>;
  close(): Promise<void>;
}

/**
 * An article as the store writes it: the columns taken from it, and the whole article as JSON. Ingest on worker
 * threads has the worker make it (`articleRecord`), so the one thread storing articles neither receives the
 * article's object graph (a structured clone of every layer) nor serialises it again: that thread bounds how far the
 * pool scales (issue 18).
 */
export interface ArticleRecord {
  id: string;
  source: SourceRef;
  title: string | null;
  outlet: string | null;
  /** `published.date`. */
  published: string | null;
  language: string;
  /** The clean text, for the full-text index and the stored length. */
  text: string;
  /** `JSON.stringify(article)`: the stored article. */
  json: string;
}

/** The record `putArticle` stores for an article (the article as it is now: later changes are not in its JSON). */
export function articleRecord(article: Article | ArticleRecord): ArticleRecord {
  if (isArticleRecord(article)) return article;
  const { id, source, title, outlet, language, text } = article;
  return { id, source, title, outlet, published: article.published.date, language, text, json: JSON.stringify(article) };
}

function isArticleRecord(article: Article | ArticleRecord): article is ArticleRecord {
  return typeof (article as Partial<ArticleRecord>).json === 'string';
}
