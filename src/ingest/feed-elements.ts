/*
 * The element names the feed reader looks for, as data: RSS 0.9x/1.0/2.0 and Atom 1.0 (with the common Dublin Core
 * and content-module extensions). Names are lower-cased and an `atom:` prefix is dropped before lookup.
 */

/** The feed fields read, item-level and channel-level. */
export type FeedField = 'title' | 'link' | 'guid' | 'author' | 'published' | 'modified' | 'content' | 'summary' | 'feed-title' | 'feed-language';

/** Root elements of RSS 2.0 / 0.9x, Atom, and RSS 1.0 (RDF). */
export const ROOTS = new Set(['rss', 'feed', 'rdf:rdf']);
/** One article each. */
export const ITEMS = new Set(['item', 'entry']);
/** Parents of the feed-level title and language. */
export const CHANNELS = new Set(['channel', 'feed']);
/** Children of an item read as fields; the first of several alternatives wins (see docs/input.md). */
export const ITEM_FIELDS: Readonly<Record<string, FeedField>> = {
  title: 'title',
  link: 'link',
  guid: 'guid',
  author: 'author',
  'dc:creator': 'author',
  pubdate: 'published',
  published: 'published',
  issued: 'published',
  'dc:date': 'published',
  // Atom `updated` is the last change, not the publication: a hint of its own.
  updated: 'modified',
  'dc:modified': 'modified',
  description: 'summary',
  summary: 'summary',
  'content:encoded': 'content',
  content: 'content',
};
/** Children of the channel (RSS) or feed (Atom) read as feed-level hints. */
export const CHANNEL_FIELDS: Readonly<Record<string, FeedField>> = { title: 'feed-title', language: 'feed-language', 'dc:language': 'feed-language' };
/** Children of an Atom `<author>` whose text is not the name. */
export const AUTHOR_EXTRAS = new Set(['email', 'uri']);
