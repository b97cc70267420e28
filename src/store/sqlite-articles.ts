import type BetterSqlite3 from 'better-sqlite3';
import type { Document, SourceRef } from '../model/document.js';
import type { ArticleRecord, LinkInput, PutResult } from './store.js';

/**
 * The embedded store's article writes, synchronous on statements prepared once. Through Kysely each article cost the
 * storing thread ~1.2 CPU ms (bench/store-cost.ts, 300 synthetic articles): about half in building, compiling and
 * awaiting nine queries, a sixth preparing them again; that thread bounds how far the worker pool scales (issue 18).
 * The caller holds the connection (Kysely's driver runs one query at a time on it), so nothing interleaves.
 */
export interface SqliteArticleWrites {
  /** `Store.hasArticle`, asked before each article is made and again before it is stored. */
  has(id: string): boolean;
  /**
   * `Store.putArticle` in one transaction of its own (BEGIN IMMEDIATE … COMMIT), or in a savepoint of the one the
   * caller has open (`Store.exclusive`): either way an article is stored whole or not at all.
   */
  put(article: ArticleRecord, document: Document, linkInput?: LinkInput): PutResult;
  /** `Store.addName`, transacted the same way. */
  name(id: string, source: SourceRef): PutResult;
  /**
   * Runs the work of a transaction the caller opened (`Store.exclusive`, `Store.batch`), writing the search rows of
   * the articles it stores at its end, still inside it. FTS5 writes its pending index to disk at every savepoint
   * (each article's is one), so rows written in their articles' savepoints made one index segment an article: 0.19
   * CPU ms an article in batches of 30 against 0.12 held back (0.24–0.28 with a transaction each; 300 synthetic
   * articles). Held back, they make one segment a batch, in the same order, so with the same rowids and the same
   * index content. A search inside the transaction does not see them yet.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

export function sqliteArticleWrites(database: BetterSqlite3.Database): SqliteArticleWrites {
  const articleExists = database.prepare('select 1 from articles where id = ?').pluck();
  const insertDocument = database.prepare('insert into documents (id, format, raw, hints, source) values (?, ?, ?, ?, ?) on conflict (id) do nothing');
  // The writers are serialised (BEGIN IMMEDIATE), so max + 1 is safe and needs no schema object.
  const nextSeq = database.prepare('select coalesce(max(seq), 0) + 1 from articles').pluck();
  const insertArticle = database.prepare(
    `insert into articles (id, seq, path, title, outlet, published, language, chars, data, ingested_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`,
  );
  const nameExists = database.prepare('select 1 from article_names where article_id = ? and path = ? and line = ?').pluck();
  const insertName = database.prepare('insert into article_names (article_id, path, line, kind) values (?, ?, ?, ?) on conflict do nothing');
  const insertText = database.prepare('insert into article_fts (article_id, title, text) values (?, ?, ?)');
  const insertLinkInput = database.prepare('insert into link_inputs (article_id, version, entry, dating) values (?, ?, ?, ?) on conflict do nothing');

  const name = (id: string, source: SourceRef): PutResult => {
    const line = source.line ?? 0;
    if (nameExists.get(id, source.path, line) !== undefined) return 'unchanged';
    return insertName.run(id, source.path, line, source.kind).changes === 0 ? 'unchanged' : 'alias';
  };
  /** Search rows of the articles stored in the open `transaction`, or null outside one. */
  let heldText: Array<[id: string, title: string, text: string]> | null = null;
  const put = (article: ArticleRecord, document: Document, linkInput: LinkInput | undefined, text: boolean): PutResult => {
    if (articleExists.get(article.id) !== undefined) return name(article.id, article.source);
    insertDocument.run(document.id, document.format, document.raw, JSON.stringify(document.hints), JSON.stringify(document.source));
    const inserted = insertArticle.run(
      article.id,
      nextSeq.get(),
      article.source.path,
      article.title,
      article.outlet,
      article.published,
      article.language,
      article.text.length,
      article.json,
      new Date().toISOString(),
    );
    if (inserted.changes === 0) return name(article.id, article.source);
    insertName.run(article.id, article.source.path, article.source.line ?? 0, article.source.kind);
    if (text) insertText.run(article.id, article.title ?? '', article.text);
    if (linkInput) insertLinkInput.run(article.id, linkInput.version, linkInput.entry, linkInput.dating);
    return 'added';
  };
  // better-sqlite3 runs a transaction function inside an open transaction as a savepoint.
  const putWhole = database.transaction(put);
  // SQLite may roll back a whole transaction on its own (SQLITE_FULL, IOERR, NOMEM inside a savepoint): a batch's
  // later articles would then commit one by one and its held search rows land outside any transaction. Fail the
  // batch instead, so every article of it is reported as not stored.
  const assertOpen = (): void => {
    if (!database.inTransaction) throw new Error('the batch transaction was rolled back');
  };
  const nameWhole = database.transaction(name);
  return {
    has: (id) => articleExists.get(id) !== undefined,
    put: (article, document, linkInput) => {
      if (!heldText) return putWhole.immediate(article, document, linkInput, true);
      assertOpen();
      const result = putWhole.immediate(article, document, linkInput, false);
      if (result === 'added') heldText.push([article.id, article.title ?? '', article.text]);
      return result;
    },
    name: (id, source) => nameWhole.immediate(id, source),
    async transaction(work) {
      heldText = [];
      try {
        const result = await work();
        assertOpen();
        for (const row of heldText) insertText.run(...row);
        return result;
      } finally {
        heldText = null;
      }
    },
  };
}
