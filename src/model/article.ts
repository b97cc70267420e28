import type { Block, Layers } from './annotations.js';
import type { SourceRef } from './document.js';
import type { Message } from './message.js';
import { identityMap, type OffsetMap } from './offset-map.js';
import type { Span } from './span.js';

/**
 * How a publication date was established. A date no evidence supports is `null` with basis `unknown`,
 * never a guess dressed as fact.
 */
export type DateBasis =
  | 'input' // given by the input record (JSONL field, feed item, HTTP header)
  | 'json-ld'
  | 'meta' // OpenGraph / article:published_time / other meta tags
  | 'time-element'
  | 'url'
  | 'dateline'
  | 'text' // a full date written in the visible text near the top
  | 'inferred' // estimated from the text's own full date of the happening it reports (no date line, no metadata)
  | 'unknown';

export interface Published {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as the evidence allows. */
  date: string | null;
  basis: DateBasis;
  /** Where in the clean text the evidence sits, when it is in the text. */
  place?: Span;
}

/** What sort of piece an article is, as its outlet labels it (see src/clean/kind.ts). */
export type ArticleKind = 'news' | 'opinion' | 'analysis' | 'review' | 'press-release' | 'live-blog';

/**
 * A metadata line of the input (masthead, byline, date line, kind label, headline, title) and the field value it
 * gave. The line is taken out of the text and kept here, so the value can be traced to it.
 */
export interface MetaLine {
  field: 'outlet' | 'authors' | 'published' | 'modified' | 'title' | 'kind' | 'section';
  value: string;
  /** The whole line as it was in the input. */
  text: string;
  /** Span of the line in the raw input (`Document.raw`). */
  raw: Span;
}

/** A piece of the raw input the cleaner left out of the text, and why ("chrome: media player"). */
export interface Removal {
  text: string;
  reason: string;
  /** Span in the raw input (`Document.raw`). */
  raw: Span;
}

/** A repair applied to the text ("â€”" → "—", reason "mojibake: utf-8 read as windows-1252"). */
export interface Repair {
  from: string;
  to: string;
  reason: string;
  /** Span of the repaired text in the clean text. */
  place: Span;
}

/** Embedded content that is not the article's own voice: social posts, photo captions, pull quotes. */
export interface Embed {
  kind: 'social-post' | 'caption' | 'photo-credit' | 'pull-quote' | 'other';
  text: string;
  author: string | null;
  /** The embed's own date (`YYYY-MM-DD` or coarser); it never dates the article. */
  date: string | null;
  /** Span in the clean text when the embed is kept in it (captions are), else in the raw input. */
  place: Span;
  inText: boolean;
}

export interface Provenance {
  /** Outlet or wire the article credits as its origin ("The New York Times", "AFP"). */
  syndicatedFrom: string | null;
  /** Id of the article this one copies (set by the linker). */
  duplicateOf: string | null;
  /** The credit line in the clean text, when one was found. */
  credit?: Span;
}

/**
 * The central object (spaCy's `Doc`): clean text, where each character came from, metadata with its evidence,
 * and the annotation layers. Stages return a new Article; none edits one in place.
 */
export interface Article {
  /** Same as the document id: a content hash. */
  id: string;
  source: SourceRef;
  /** Other names the same content was ingested under. */
  aliases: SourceRef[];
  text: string;
  offsetMap: OffsetMap;
  title: string | null;
  /**
   * `lead` when the page printed no headline and `title` is its first sentence: good enough to name the article,
   * but never a story's headline (a lead cut to title length reads as a fragment).
   */
  titleFrom?: 'lead';
  outlet: string | null;
  /** What the outlet labels the piece (opinion, analysis, live blog…); null when nothing labels it. */
  kind?: ArticleKind | null;
  authors: string[];
  published: Published;
  /** The input lines that gave outlet, authors, date, title and kind (pasted text). */
  metaLines?: MetaLine[];
  modified?: string | null;
  /** When the page was fetched or archived (`YYYY-MM-DD`), when known: publication cannot be later. */
  captured?: string | null;
  url: string | null;
  /** ISO 639-1 code, or `und` when the detector cannot tell. */
  language: string;
  provenance: Provenance;
  removed: Removal[];
  repairs: Repair[];
  embeds: Embed[];
  layers: Partial<Layers>;
  messages: Message[];
}

/** The layer, or an empty list when the stage that makes it has not run (callers must not treat that as "none"). */
export function layer<K extends keyof Layers>(article: Article, name: K): Layers[K] {
  return (article.layers[name] ?? []) as Layers[K];
}

/**
 * An Article over text taken as already clean (offsets are the text's own: gold annotations and crafted inputs
 * point into it), with no metadata beyond what is given and one paragraph block per non-empty line. For tests,
 * evaluators and benchmarks that start after cleaning.
 */
export function textArticle(text: string, options: { id: string; path: string; language: string; published?: string | null; blocks?: Block[] }): Article {
  return {
    id: options.id,
    source: { kind: 'text', path: options.path },
    aliases: [],
    text,
    offsetMap: identityMap(text.length),
    title: null,
    outlet: null,
    authors: [],
    published: options.published ? { date: options.published, basis: 'input' } : { date: null, basis: 'unknown' },
    url: null,
    language: options.language,
    provenance: { syndicatedFrom: null, duplicateOf: null },
    removed: [],
    repairs: [],
    embeds: [],
    layers: { blocks: options.blocks ?? lineBlocks(text) },
    messages: [],
  };
}

/** One paragraph block per non-empty line, trimmed. */
export function lineBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed.length > 0) blocks.push({ start: at + lead, end: at + lead + trimmed.length, kind: 'paragraph' });
    at += line.length + 1;
  }
  return blocks;
}
