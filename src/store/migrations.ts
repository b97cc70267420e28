import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

/** The SQL engine under a store: migrations and full-text search differ, everything else is shared. */
export type Dialect = 'sqlite' | 'postgres';

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
  };
}

/** Kysely's provider over the in-code list (no migration files to ship or find at run time). */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
