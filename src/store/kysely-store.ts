import { createHash, randomUUID } from 'node:crypto';
import { type Kysely, type RawBuilder, type Selectable, sql, type Transaction } from 'kysely';
import type { Article } from '../model/article.js';
import type { Document, SourceRef } from '../model/document.js';
import { TriangulateError } from '../model/errors.js';
import type { Story } from '../model/story.js';
import { type Dialect, POSTGRES_FTS_VECTOR } from './migrations.js';
import type { Database, StoriesTable } from './schema.js';
import type { SqliteArticleWrites } from './sqlite-articles.js';
import {
  type ArticleRecord,
  type ArticleSummary,
  articleRecord,
  type LinkInput,
  type Page,
  type PutResult,
  type Store,
  type StoredDossier,
  type StoryChange,
  type StoryCursor,
  type StoryDossier,
  type StorySummary,
} from './store.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What `changeMark` is made of: a count the engine keeps of commits by other connections (SQLite's `data_version`;
 * null when the backend has none), and this connection's own commits, which that count leaves out.
 */
export interface ChangeCounts {
  readonly byOthers: (() => number) | null;
  own: number;
}

const DEFAULT_PAGE = 50;
const MAX_PAGE = 1000;
/**
 * Matching articles one search considers. Ranking every match of a common word (FTS5's `order by rank` scores each
 * one) cost ~100 ms per 10,000 matches in a synthetic 20,000-article FTS5 table, against ~2.5 ms to take the newest
 * 1,000 by rowid. Rare words (at most this many matches) find every match. On the 100,000-article bench store (a
 * common word in most articles), one query at a time: the newest 1,000 ids 1.2 ms of CPU, with their BM25 scores
 * 3.4 ms (FTS5 still counts all the word's matches for its IDF), ranking every match 50 ms.
 */
const SEARCH_CANDIDATES = 1000;

/**
 * Rows per insert statement when linking saves many: stories (nine columns; their JSON can be long) and linker entries
 * (two). Far under every engine's bound-parameter limit; one statement per row made the round trips a share of a
 * PostgreSQL linker pass (docs/scale.md, "The linker's intake").
 */
const STORY_ROWS = 50;
/** Articles per update statement (each bound as its whole JSON, ≈ 10–50 KB). */
const UPDATE_ROWS = 100;
const ENTRY_ROWS = 250;

/**
 * The shared implementation of Store over Kysely: every query here compiles to both SQLite and PostgreSQL. The
 * dialect-specific parts (opening, exclusive locking, full-text search) are passed in by the backend.
 */
export class KyselyStore implements Store {
  constructor(
    protected readonly db: Db,
    protected readonly dialect: Dialect,
    private readonly lock: <T>(work: (trx: Transaction<Database>) => Promise<T>) => Promise<T>,
    private readonly inTransaction = false,
    /**
     * How a single write (one article, one name) gets its transaction. SQLite's is the exclusive lock itself; on
     * PostgreSQL it is a plain transaction, so many workers store articles at once while linking stays serialised.
     */
    private readonly transact: <T>(work: (trx: Transaction<Database>) => Promise<T>) => Promise<T> = lock,
    /** Shared with the stores `exclusive` makes, so their commits count as this connection's. */
    private readonly changes: ChangeCounts = { byOthers: null, own: 0 },
    /** The embedded store's article writes on statements prepared once (sqlite-articles.ts); PostgreSQL's go below. */
    private readonly sqliteWrites: SqliteArticleWrites | null = null,
  ) {}

  async putArticle(made: Article | ArticleRecord, document: Document, linkInput?: LinkInput): Promise<PutResult> {
    const article = articleRecord(made);
    const sqlite = this.sqliteWrites;
    if (sqlite) return this.writeHeld(() => sqlite.put(article, document, linkInput));
    // PostgreSQL's path (a read-only SQLite connection, which has no article writes, is refused at the first insert).
    return this.write(async (db) => {
      const existing = await db.selectFrom('articles').select('id').where('id', '=', article.id).executeTakeFirst();
      if (existing) return this.nameIn(db, article.id, article.source);
      const line = article.source.line ?? 0;
      await db
        .insertInto('documents')
        .values({ id: document.id, format: document.format, raw: document.raw, hints: JSON.stringify(document.hints), source: JSON.stringify(document.source) })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      // Articles are numbered from a sequence: concurrent writers would read the same max.
      const seq = sql<number>`nextval('articles_seq')`;
      // Two workers may race on one content hash (a redelivered job): the loser records a name instead of failing.
      const inserted = await db
        .insertInto('articles')
        .values({
          id: article.id,
          seq,
          path: article.source.path,
          title: article.title,
          outlet: article.outlet,
          published: article.published,
          language: article.language,
          chars: article.text.length,
          data: article.json,
          ingested_at: new Date().toISOString(),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return this.nameIn(db, article.id, article.source);
      await db.insertInto('article_names').values({ article_id: article.id, path: article.source.path, line, kind: article.source.kind }).execute();
      if (linkInput) {
        await db
          .insertInto('link_inputs')
          .values({ article_id: article.id, ...linkInput })
          .onConflict((oc) => oc.column('article_id').doNothing())
          .execute();
      }
      return 'added';
    });
  }

  async addName(id: string, source: SourceRef): Promise<PutResult> {
    const sqlite = this.sqliteWrites;
    if (sqlite) return this.writeHeld(() => sqlite.name(id, source));
    return this.write((db) => this.nameIn(db, id, source));
  }

  private async nameIn(db: Db, id: string, source: SourceRef): Promise<PutResult> {
    const line = source.line ?? 0;
    const named = await db
      .selectFrom('article_names')
      .select('article_id')
      .where('article_id', '=', id)
      .where('path', '=', source.path)
      .where('line', '=', line)
      .executeTakeFirst();
    if (named) return 'unchanged';
    const inserted = await db
      .insertInto('article_names')
      .values({ article_id: id, path: source.path, line, kind: source.kind })
      .onConflict((oc) => oc.columns(['article_id', 'path', 'line']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0 ? 'unchanged' : 'alias';
  }

  async updateArticles(articles: readonly Article[]): Promise<void> {
    if (articles.length === 0) return;
    await this.write(async (db) => {
      for (let i = 0; i < articles.length; i += UPDATE_ROWS) {
        const chunk = articles.slice(i, i + UPDATE_ROWS);
        await this.dropDossiersOf(
          db,
          chunk.map((a) => a.id),
        );
        // One statement per chunk (a linker pass marks thousands of copies): a VALUES list joined by id, whose
        // columns both engines name column1, column2, ….
        const rows = chunk.map((a) => sql`(${a.id}, ${JSON.stringify(a)}, ${a.title}, ${a.outlet}, ${a.published.date}, ${a.language})`);
        await sql`update articles set data = v.column2, title = v.column3, outlet = v.column4, published = v.column5, language = v.column6
          from (values ${sql.join(rows)}) as v where articles.id = v.column1`.execute(db);
      }
    });
  }

  async markDuplicates(marks: ReadonlyArray<readonly [string, string | null]>): Promise<void> {
    if (marks.length === 0) return;
    await this.write(async (db) => {
      for (let i = 0; i < marks.length; i += UPDATE_ROWS) {
        const chunk = new Map(marks.slice(i, i + UPDATE_ROWS));
        const ids = [...chunk.keys()];
        await this.dropDossiersOf(db, ids);
        const stored = await db.selectFrom('articles').select(['id', 'data']).where('id', 'in', ids).execute();
        if (stored.length === 0) continue;
        const rows = stored.map(({ id, data }) => sql`(${id}, ${withDuplicateMark(data, chunk.get(id) ?? null)})`);
        await sql`update articles set data = v.column2 from (values ${sql.join(rows)}) as v where articles.id = v.column1`.execute(db);
      }
    });
  }

  /** Deletes the stored dossiers of the stories holding these articles: a dossier shows its articles' layers. */
  private async dropDossiersOf(db: Db, articleIds: readonly string[]): Promise<void> {
    await db
      .deleteFrom('dossiers')
      .where('story_id', 'in', (eb) => eb.selectFrom('story_articles').select('story_id').where('article_id', 'in', articleIds))
      .execute();
  }

  async hasArticle(id: string): Promise<boolean> {
    const sqlite = this.sqliteWrites;
    if (sqlite) return this.held(() => sqlite.has(id));
    return (await this.db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async getArticle(id: string): Promise<Article | null> {
    return (await this.getArticles([id]))[0] ?? null;
  }

  async getArticles(ids: readonly string[]): Promise<Article[]> {
    const found = new Map<string, Article>();
    // Chunked so a 10k-article story stays under every engine's bound-parameter limit.
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('articles')
        .select(['id', 'data'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const row of rows) found.set(row.id, JSON.parse(row.data) as Article);
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async getDocument(id: string): Promise<Document | null> {
    const row = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    return { id: row.id, format: row.format as Document['format'], raw: row.raw, hints: JSON.parse(row.hints), source: JSON.parse(row.source), messages: [] };
  }

  async listArticles(page: Page & { query?: string } = {}): Promise<ArticleSummary[]> {
    let q = this.db.selectFrom('articles').select(['id', 'path', 'title', 'outlet', 'published', 'language', 'chars']);
    if (page.query && page.query.trim() !== '') {
      const matching = this.matchingArticleIds(page.query);
      if (!matching) return [];
      q = q.where(sql<boolean>`id in (${matching})`);
    }
    const rows = await q
      .orderBy('seq')
      .limit(limitOf(page))
      .offset(page.offset ?? 0)
      .execute();
    return rows.map((r) => ({ ...r, chars: Number(r.chars) }));
  }

  async countArticles(): Promise<number> {
    const row = await this.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async articleIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('articles').select('id').orderBy('seq').execute();
    return rows.map((r) => r.id);
  }

  async saveStories(stories: readonly Story[], removed: readonly string[] = []): Promise<void> {
    await this.write(async (db) => {
      const gone = [...removed, ...stories.map((s) => s.id)];
      // Memberships are written as a difference: a linker pass rebuilds the stories an article joined, and rewriting
      // every member row of a story of thousands at each pass made the write grow with the story, not the change.
      const held = new Map<string, string>();
      for (let i = 0; i < gone.length; i += 500) {
        const chunk = gone.slice(i, i + 500);
        for (const row of await db.selectFrom('story_articles').select(['article_id', 'story_id']).where('story_id', 'in', chunk).execute()) {
          held.set(row.article_id, row.story_id);
        }
        await db.deleteFrom('stories').where('id', 'in', chunk).execute();
        await db.deleteFrom('dossiers').where('story_id', 'in', chunk).execute();
      }
      const now = new Date().toISOString();
      // Statements over many stories at once: a first linker pass writes thousands, and one statement per story and
      // per article list made PostgreSQL round trips a visible share of the pass.
      const summaries = await this.summariesOf(
        db,
        stories.flatMap((s) => s.articleIds),
      );
      const rows = stories.map((story) => {
        const articles = story.articleIds.flatMap((id) => summaries.get(id) ?? []);
        // The story's own range (from its events' dates) when linking gave one: undated articles still date events.
        const dates = story.dateRange
          ? [story.dateRange.first, story.dateRange.last]
          : articles
              .map((a) => a.published)
              .filter((d): d is string => d !== null)
              .sort();
        return {
          id: story.id,
          title: story.title,
          article_count: story.articleIds.length,
          source_count: story.sources.length,
          first_date: dates[0] ?? null,
          last_date: dates[dates.length - 1] ?? null,
          languages: JSON.stringify([...new Set(articles.map((a) => a.language))].sort()),
          data: JSON.stringify(story),
          updated_at: now,
        };
      });
      for (let i = 0; i < rows.length; i += STORY_ROWS)
        await db
          .insertInto('stories')
          .values(rows.slice(i, i + STORY_ROWS))
          .execute();
      const wanted = new Set(stories.flatMap((story) => story.articleIds));
      const left = [...held.keys()].filter((id) => !wanted.has(id));
      for (let i = 0; i < left.length; i += 500)
        await db
          .deleteFrom('story_articles')
          .where('article_id', 'in', left.slice(i, i + 500))
          .execute();
      // An article is in one story (its key), so a member row that moved from a story not rewritten here is replaced.
      const members = stories.flatMap((story) =>
        story.articleIds.filter((id) => held.get(id) !== story.id).map((article_id) => ({ article_id, story_id: story.id })),
      );
      for (let i = 0; i < members.length; i += 500)
        await db
          .insertInto('story_articles')
          .values(members.slice(i, i + 500))
          .onConflict((oc) => oc.column('article_id').doUpdateSet((eb) => ({ story_id: eb.ref('excluded.story_id') })))
          .execute();
      await recordStoryChanges(db, stories, removed);
    });
  }

  async getStory(id: string): Promise<Story | null> {
    const row = await this.db.selectFrom('stories').select('data').where('id', '=', id).executeTakeFirst();
    return row ? (JSON.parse(row.data) as Story) : null;
  }

  async storyOf(articleId: string): Promise<string | null> {
    const row = await this.db.selectFrom('story_articles').select('story_id').where('article_id', '=', articleId).executeTakeFirst();
    return row?.story_id ?? null;
  }

  async listStories(page: Page & { query?: string; after?: StoryCursor } = {}): Promise<StorySummary[]> {
    const searching = page.query !== undefined && page.query.trim() !== '';
    if (page.after) {
      if (searching) throw new TriangulateError('E_USAGE', 'a story cursor cannot resume a search (its order is by match, not by a stored key)');
      return (await this.storiesAfter(page.after, limitOf(page))).map(storySummary);
    }
    let q = this.db.selectFrom('stories').select(STORY_SUMMARY_COLUMNS);
    if (page.query && searching) {
      const ranked = this.dialect === 'sqlite' ? this.rankedStories(page.query) : null;
      if (ranked) {
        q = q.innerJoin(ranked.as('ranked'), 'ranked.story_id', 'stories.id').orderBy('ranked.score');
      } else {
        const matching = this.matchingArticleIds(page.query);
        if (!matching) return [];
        q = q.where(sql<boolean>`id in (select story_id from story_articles where article_id in (${matching}))`);
      }
    }
    const rows = await q
      .orderBy('article_count', 'desc')
      .orderBy('id')
      .limit(limitOf(page))
      .offset(page.offset ?? 0)
      .execute();
    return rows.map(storySummary);
  }

  /**
   * The `limit` stories after a cursor in list order: the rest of the cursor's article count by id, then the smaller
   * counts. Two index seeks on `stories_rank`; one condition `count < c or (count = c and id > i)` would make the
   * engine walk every story of count c before the cursor (thousands share the smallest counts).
   */
  private async storiesAfter(after: StoryCursor, limit: number): Promise<StorySummaryRow[]> {
    const rows = await this.db
      .selectFrom('stories')
      .select(STORY_SUMMARY_COLUMNS)
      .where('article_count', '=', after.articleCount)
      .where('id', '>', after.id)
      .orderBy('id')
      .limit(limit)
      .execute();
    if (rows.length === limit) return rows;
    const smaller = await this.db
      .selectFrom('stories')
      .select(STORY_SUMMARY_COLUMNS)
      .where('article_count', '<', after.articleCount)
      .orderBy('article_count', 'desc')
      .orderBy('id')
      .limit(limit - rows.length)
      .execute();
    return [...rows, ...smaller];
  }

  async countStories(): Promise<number> {
    const row = await this.db
      .selectFrom('stories')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async storyIds(): Promise<string[]> {
    return (await this.db.selectFrom('stories').select('id').orderBy('id').execute()).map((r) => r.id);
  }

  async storedDossier(storyId: string, format: string): Promise<StoryDossier | null> {
    const row = await this.db
      .selectFrom('stories')
      .leftJoin('dossiers', (join) => join.onRef('dossiers.story_id', '=', 'stories.id').on('dossiers.format', '=', format))
      .select(['stories.data', 'dossiers.version', 'dossiers.etag', 'dossiers.body'])
      .where('stories.id', '=', storyId)
      .executeTakeFirst();
    if (!row) return null;
    const version = storyVersion(row.data);
    // A row of an older version can outlive its story's change when a build raced the save that deleted it.
    const current = row.version === version && row.etag !== null && row.body !== null;
    return { version, dossier: current ? { version, etag: row.etag as string, body: row.body as string } : null };
  }

  async storyChanges(after: number | null, limit: number): Promise<StoryChange[]> {
    const rows =
      after === null
        ? (await this.db.selectFrom('story_changes').select(['seq', 'story_id']).orderBy('seq', 'desc').limit(limit).execute()).reverse()
        : await this.db.selectFrom('story_changes').select(['seq', 'story_id']).where('seq', '>', after).orderBy('seq').limit(limit).execute();
    // PostgreSQL returns a bigint as a string.
    return rows.map((r) => ({ storyId: r.story_id, seq: Number(r.seq) }));
  }

  async saveDossier(storyId: string, format: string, dossier: StoredDossier): Promise<void> {
    const { version, etag, body } = dossier;
    await this.write(async (db) => {
      await db
        .insertInto('dossiers')
        .values({ story_id: storyId, format, version, etag, body })
        .onConflict((oc) => oc.columns(['story_id', 'format']).doUpdateSet({ version, etag, body }))
        .execute();
    });
  }

  async linkEntries(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('link_entries').select(['article_id', 'entry']).execute();
    return new Map(rows.map((r) => [r.article_id, r.entry]));
  }

  async linkInputs(ids: readonly string[], part: 'entry' | 'dating'): Promise<Map<string, { version: number; value: string }>> {
    const out = new Map<string, { version: number; value: string }>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('link_inputs')
        .select(['article_id', 'version', `${part} as value`])
        .where('article_id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const row of rows) out.set(row.article_id, { version: Number(row.version), value: row.value });
    }
    return out;
  }

  async duplicateMarks(ids: readonly string[]): Promise<Map<string, string | null>> {
    // Read inside the engine: parsing whole articles in JavaScript for this one field was most of the cost.
    const mark =
      this.dialect === 'sqlite'
        ? sql<string | null>`json_extract(data, '$.provenance.duplicateOf')`
        : sql<string | null>`data::json->'provenance'->>'duplicateOf'`;
    const out = new Map<string, string | null>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('articles')
        .select(['id', mark.as('mark')])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const row of rows) out.set(row.id, row.mark ?? null);
    }
    return out;
  }

  async linkVersion(): Promise<string | null> {
    const row = await this.db.selectFrom('link_state').select('version').where('id', '=', 1).executeTakeFirst();
    return row?.version ?? null;
  }

  async saveLinkEntries(changed: ReadonlyArray<readonly [string, string]>, removed: readonly string[] = []): Promise<string> {
    const version = randomUUID();
    await this.write(async (db) => {
      await db
        .insertInto('link_state')
        .values({ id: 1, version })
        .onConflict((oc) => oc.column('id').doUpdateSet({ version }))
        .execute();
      for (let i = 0; i < removed.length; i += 500)
        await db
          .deleteFrom('link_entries')
          .where('article_id', 'in', removed.slice(i, i + 500))
          .execute();
      for (let i = 0; i < changed.length; i += ENTRY_ROWS) {
        const values = changed.slice(i, i + ENTRY_ROWS).map(([article_id, entry]) => ({ article_id, entry }));
        await db
          .insertInto('link_entries')
          .values(values)
          .onConflict((oc) => oc.column('article_id').doUpdateSet((eb) => ({ entry: eb.ref('excluded.entry') })))
          .execute();
      }
    });
    return version;
  }

  async exclusive<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    try {
      return await this.lock((trx) => work(new KyselyStore(trx, this.dialect, this.lock, true, this.transact, this.changes, this.sqliteWrites)));
    } finally {
      this.changes.own++; // after the commit (or rollback: a mark changed for nothing costs one cache miss)
    }
  }

  async batch<T>(work: (store: Store) => Promise<T>): Promise<T> {
    return this.sqliteWrites ? this.exclusive(work) : work(this);
  }

  async changeMark(): Promise<string | null> {
    const { byOthers, own } = this.changes;
    return byOthers ? `${byOthers()}.${own}` : null;
  }

  async close(): Promise<void> {
    if (!this.inTransaction) await (this.db as Kysely<Database>).destroy();
  }

  /**
   * Full-text search over titles and texts: a subquery selecting at most SEARCH_CANDIDATES matching article ids (so a
   * thousand ids are neither read into JavaScript nor bound back as parameters), or null when the query has no word.
   * A word with fewer matches finds them all. A commoner one is approximate: SQLite keeps its newest matches (FTS5
   * walks the index backwards in rowid order, which is ingest order, and stops at the limit); PostgreSQL keeps
   * whichever the GIN index yields first. Article lists keep ingest order; SQLite story searches rank these same
   * candidates (`rankedStories`), PostgreSQL's list them by size (ranking there would recompute each candidate's
   * tsvector from its text: the index holds no positions to score).
   */
  private matchingArticleIds(query: string): RawBuilder<string> | null {
    const terms = searchTerms(query);
    if (terms.length === 0) return null;
    if (this.dialect === 'sqlite') {
      return sql`select article_id from article_fts where article_fts match ${ftsMatch(terms)} order by rowid desc limit ${SEARCH_CANDIDATES}`;
    }
    // The same expression as the GIN index (POSTGRES_FTS_VECTOR), so PostgreSQL answers from the index.
    return sql`select id from articles where ${POSTGRES_FTS_VECTOR} @@ plainto_tsquery('simple', ${terms.join(' ')}) limit ${SEARCH_CANDIDATES}`;
  }

  /**
   * SQLite: the stories of a search's candidates (the newest SEARCH_CANDIDATES matches, as `matchingArticleIds`) with
   * the best BM25 score among each story's matching articles (FTS5's `bm25`, lower is better), or null when the
   * query has no word. Only the candidates are scored, inside the limited FTS5 scan, and only they are joined to
   * their stories; a word with fewer matches than the limit is ranked exactly as an unbounded `order by rank` would.
   */
  private rankedStories(query: string): RawBuilder<{ story_id: string; score: number }> | null {
    const terms = searchTerms(query);
    if (terms.length === 0) return null;
    return sql`(select story_articles.story_id as story_id, min(candidates.score) as score
      from (select article_id, bm25(article_fts) as score from article_fts where article_fts match ${ftsMatch(terms)}
            order by rowid desc limit ${SEARCH_CANDIDATES}) as candidates
      join story_articles on story_articles.article_id = candidates.article_id
      group by story_articles.story_id)`;
  }

  private async summariesOf(db: Db, ids: readonly string[]): Promise<Map<string, { published: string | null; language: string }>> {
    const out = new Map<string, { published: string | null; language: string }>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('articles')
        .select(['id', 'published', 'language'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const { id, ...summary } of rows) out.set(id, summary);
    }
    return out;
  }

  /**
   * Runs a synchronous write on the connection while holding it: inside `exclusive` the open transaction holds it
   * already; otherwise Kysely's driver hands it over once no query of this process is running, so the write's own
   * transaction never interleaves with another caller's.
   */
  private async writeHeld<T>(work: () => T): Promise<T> {
    if (this.inTransaction) return work();
    try {
      return await this.held(work);
    } finally {
      this.changes.own++;
    }
  }

  /** Runs synchronous work on the connection while holding it (see `writeHeld`), never inside another's transaction. */
  private async held<T>(work: () => T): Promise<T> {
    if (this.inTransaction) return work();
    return (this.db as Kysely<Database>).connection().execute(async () => work());
  }

  /** Runs a write in the current transaction, or in a new one (exclusive on SQLite, see `transact`). */
  private async write<T>(work: (db: Db) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this.db);
    try {
      return await this.transact((trx) => work(trx));
    } finally {
      this.changes.own++;
    }
  }
}

/**
 * The changed-stories feed's write (migration 0008), in the transaction that saves the stories: each saved story
 * takes a new number (the engine's, never reused), removed ones leave the feed. Linking saves under `exclusive`, so
 * the numbers follow commit order and a reader resuming after a number misses no later save.
 */
async function recordStoryChanges(db: Db, saved: readonly Story[], removed: readonly string[]): Promise<void> {
  const gone = [...removed, ...saved.map((s) => s.id)];
  for (let i = 0; i < gone.length; i += 500)
    await db
      .deleteFrom('story_changes')
      .where('story_id', 'in', gone.slice(i, i + 500))
      .execute();
  for (let i = 0; i < saved.length; i += 500)
    await db
      .insertInto('story_changes')
      .values(saved.slice(i, i + 500).map((s) => ({ story_id: s.id })))
      .execute();
}

/** The bare key of an article's duplicate mark in its stored JSON (a quote inside a string value is escaped). */
const DUPLICATE_KEY = '"duplicateOf":';

/**
 * An article's stored JSON with `provenance.duplicateOf` set to `mark`: what `JSON.stringify` of the parsed article
 * with that field replaced gives, since stored articles are `JSON.stringify` output (`articleRecord`, `updateArticles`)
 * and replacing a value keeps every key in place. Edited as text where the key occurs once (provenance always holds
 * it: the model requires it) and its value is null or a string without escapes; else parsed and written again.
 * Parsing and writing back every copy a first pass marks was a tenth of that pass.
 */
function withDuplicateMark(data: string, mark: string | null): string {
  const at = data.indexOf(DUPLICATE_KEY);
  const start = at + DUPLICATE_KEY.length;
  let end = -1;
  if (at >= 0 && data.indexOf(DUPLICATE_KEY, start) < 0) {
    if (data.startsWith('null', start)) end = start + 4;
    else if (data[start] === '"') {
      const close = data.indexOf('"', start + 1);
      if (close > start && data.lastIndexOf('\\', close) < start) end = close + 1;
    }
  }
  if (end >= 0) return `${data.slice(0, start)}${JSON.stringify(mark)}${data.slice(end)}`;
  const article = JSON.parse(data) as Article;
  return JSON.stringify({ ...article, provenance: { ...article.provenance, duplicateOf: mark } });
}

/** A story's version: a hash of its stored JSON, which linking rewrites whenever the story changes. */
function storyVersion(data: string): string {
  return createHash('sha1').update(data).digest('base64url');
}

/** The words of a search query (letters and digits), at most 16. */
function searchTerms(query: string): string[] {
  return (
    query
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 16) ?? []
  );
}

/** An FTS5 query matching every term, each quoted so user input can never be read as FTS5 syntax. */
function ftsMatch(terms: readonly string[]): string {
  return terms.map((t) => `"${t}"`).join(' ');
}

/** The stories columns a list line is made of. */
const STORY_SUMMARY_COLUMNS = ['id', 'title', 'article_count', 'source_count', 'first_date', 'last_date', 'languages'] as const;

type StorySummaryRow = Pick<Selectable<StoriesTable>, (typeof STORY_SUMMARY_COLUMNS)[number]>;

function storySummary(r: StorySummaryRow): StorySummary {
  return {
    id: r.id,
    title: r.title,
    articleCount: Number(r.article_count),
    sourceCount: Number(r.source_count),
    firstDate: r.first_date,
    lastDate: r.last_date,
    languages: JSON.parse(r.languages) as string[],
  };
}

function limitOf(page: Page): number {
  return Math.min(Math.max(1, page.limit ?? DEFAULT_PAGE), MAX_PAGE);
}
