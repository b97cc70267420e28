import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

/** The SQL engine under a store: migrations and full-text search differ, everything else is shared. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * The text PostgreSQL indexes for full-text search: title and clean text, cut to a length whose lexemes stay well
 * under the 1 MB a tsvector may hold (a longer article is still stored; only its tail is not searchable). Queries must
 * use this exact expression so the GIN index serves them; changing it needs a new migration that rebuilds the index.
 */
export const POSTGRES_FTS_VECTOR = sql`to_tsvector('simple', left(coalesce(title, '') || ' ' || coalesce(data::json->>'text', ''), 200000))`;

/**
 * The versioned schema, one entry per version, applied in order by Kysely's Migrator (which records them in its
 * own table, so a store opened by a newer engine is upgraded in place). Never edit a shipped migration: add one.
 */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('documents')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('raw', 'text', (c) => c.notNull())
          .addColumn('hints', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('articles')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('seq', 'integer', (c) => c.notNull().unique())
          .addColumn('path', 'text', (c) => c.notNull())
          .addColumn('title', 'text')
          .addColumn('outlet', 'text')
          .addColumn('published', 'text')
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('chars', 'integer', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('ingested_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('article_names')
          .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
          .addColumn('path', 'text', (c) => c.notNull())
          .addColumn('line', 'integer', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('article_names_pk', ['article_id', 'path', 'line'])
          .execute();
        await db.schema
          .createTable('stories')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('article_count', 'integer', (c) => c.notNull())
          .addColumn('source_count', 'integer', (c) => c.notNull())
          .addColumn('first_date', 'text')
          .addColumn('last_date', 'text')
          .addColumn('languages', 'text', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('story_articles')
          .addColumn('article_id', 'text', (c) => c.primaryKey())
          .addColumn('story_id', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('story_articles_story').on('story_articles').column('story_id').execute();
        await db.schema.createIndex('stories_count').on('stories').columns(['article_count', 'id']).execute();
        if (dialect === 'sqlite') {
          await sql`create virtual table article_fts using fts5(article_id unindexed, title, text, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
        } else {
          await sql`create index articles_fts on articles using gin (to_tsvector('simple', coalesce(title, '') || ' ' || (data::json->>'text')))`.execute(db);
        }
      },
    },
    // PostgreSQL only (the backend shipped after 0001): many workers insert at once, so article numbers come from a
    // sequence, and the full-text index gets a bounded expression (0001's fails on texts past the tsvector limit).
    '0002_postgres_concurrent_writers': {
      async up(db: Kysely<unknown>) {
        if (dialect !== 'postgres') return;
        await sql`create sequence articles_seq owned by articles.seq`.execute(db);
        await sql`select setval('articles_seq', coalesce((select max(seq) from articles), 0) + 1, false)`.execute(db);
        await sql`drop index articles_fts`.execute(db);
        await sql`create index articles_fts on articles using gin (${POSTGRES_FTS_VECTOR})`.execute(db);
      },
    },
    // The incremental linker's per-article entries, so a small ingest into a large store links only what is new.
    '0003_link_entries': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('link_entries')
          .addColumn('article_id', 'text', (c) => c.primaryKey())
          .addColumn('entry', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0004_link_state': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('link_state')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('version', 'text', (c) => c.notNull())
          .execute();
      },
    },
    // The story list's order (largest first, then id) as one index: 0001's ascending index made SQLite sort each
    // count's stories for every page, ~150 ms for a page deep in 40,000 stories against ~4 ms with this one.
    '0005_story_list_order': {
      async up(db: Kysely<unknown>) {
        await sql`create index stories_rank on stories (article_count desc, id)`.execute(db);
        await sql`drop index stories_count`.execute(db);
      },
    },
    // Dossiers built once per story version and kept (issue 18): a server's first request after a change builds
    // one, later requests and other server processes read it.
    '0006_stored_dossiers': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('dossiers')
          .addColumn('story_id', 'text', (c) => c.notNull())
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('version', 'text', (c) => c.notNull())
          .addColumn('etag', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('dossiers_pk', ['story_id', 'format'])
          .execute();
      },
    },
    // What a worker computes for the linker beside each article (src/link/intake.ts: its linker entry and how it is
    // dated), so the one linker files stored inputs instead of reading every article's text again (issue 18).
    '0007_link_inputs': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('link_inputs')
          .addColumn('article_id', 'text', (c) => c.primaryKey())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('entry', 'text', (c) => c.notNull())
          .addColumn('dating', 'text', (c) => c.notNull())
          .execute();
      },
    },
    // The changed-stories feed (issue 18): one row per story, numbered by its latest save in the linker's save
    // transaction, so a server builds ahead the dossiers of stories another process linked (`Store.storyChanges`).
    // The numbers come from the engine (AUTOINCREMENT, an identity), never from the rows, so one is never reused
    // when the row holding the largest is deleted.
    '0008_story_changes': {
      async up(db: Kysely<unknown>) {
        if (dialect === 'sqlite') {
          await sql`create table story_changes (seq integer primary key autoincrement, story_id text not null unique)`.execute(db);
        } else {
          await sql`create table story_changes (seq bigint generated always as identity primary key, story_id text not null unique)`.execute(db);
        }
      },
    },
  };
}

/** Kysely's provider over the in-code list (no migration files to ship or find at run time). */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
