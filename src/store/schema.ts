import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Columns are the portable subset of SQLite and PostgreSQL: text, integer, and JSON kept as
 * text (so both engines store and return the same string). Booleans and dates are not used as column types.
 */
export interface DocumentsTable {
  id: string;
  format: string;
  raw: string;
  hints: string;
  source: string;
}

export interface ArticlesTable {
  id: string;
  seq: Generated<number>;
  path: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string;
  chars: number;
  data: string;
  ingested_at: string;
}

export interface ArticleNamesTable {
  article_id: string;
  path: string;
  line: number;
  kind: string;
}

export interface StoriesTable {
  id: string;
  title: string;
  article_count: number;
  source_count: number;
  first_date: string | null;
  last_date: string | null;
  languages: string;
  data: string;
  updated_at: string;
}

export interface StoryArticlesTable {
  article_id: string;
  story_id: string;
}

export interface LinkEntriesTable {
  article_id: string;
  entry: string;
}

/** The linker's input per article, made where the article was analysed (src/link/intake.ts `LinkInput`). */
export interface LinkInputsTable {
  article_id: string;
  version: number;
  entry: string;
  dating: string;
}

/** One row: a value that changes whenever linker entries are saved (an in-process linker is reused while it holds). */
export interface LinkStateTable {
  id: number;
  version: string;
}

/** Rendered dossiers, one per story and format, with the story version each was built from. */
export interface DossiersTable {
  story_id: string;
  format: string;
  version: string;
  etag: string;
  body: string;
}

/** The changed-stories feed: each story once, with the number of its latest save (`Store.storyChanges`). */
export interface StoryChangesTable {
  seq: Generated<number>;
  story_id: string;
}

export interface Database {
  documents: DocumentsTable;
  articles: ArticlesTable;
  article_names: ArticleNamesTable;
  stories: StoriesTable;
  story_articles: StoryArticlesTable;
  link_entries: LinkEntriesTable;
  link_inputs: LinkInputsTable;
  link_state: LinkStateTable;
  dossiers: DossiersTable;
  story_changes: StoryChangesTable;
}
