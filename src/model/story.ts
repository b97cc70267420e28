import type { DatePrecision } from './annotations.js';
import type { StoryOut } from './contract.js';
import type { Span } from './span.js';

/** A group of articles that tell the same story independently: copies of a wire story form one source. */
export interface Source {
  name: string;
  articleIds: string[];
  /** Set when no article of the source names its outlet or credits an origin: the source may be one already counted. */
  unknown?: boolean;
  /** Articles of the source that rewrite another of its articles, each with why (absent when there are none). */
  rewrites?: Rewrite[];
}

/** One article joined to another's source as its rewrite: the linker's message says why and where it shows. */
export interface Rewrite {
  articleId: string;
  /** The article it rewrites. */
  of: string;
  /** `link:rewrite`. */
  ruleId: string;
  reason: string;
  /** The rewrite's first sentence that retells one of the original's (absent when none does). */
  place?: Span;
}

/** A happening inside a story, anchored in time (an announcement in May, a visit in September). */
export interface StoryEvent {
  id: string;
  title: string;
  /** `YYYY-MM-DD` or coarser; null when the articles do not date it. */
  date: string | null;
  /** How precise `date` is (`day`, `month`, `year`); null with it. Absent in stories saved before it existed. */
  precision?: Extract<DatePrecision, 'day' | 'month' | 'year'> | null;
  articleIds: string[];
}

/** Why two stories are related: the participants or places both name, or the kind of happening they tell. */
export interface RelatedReason {
  kind: 'actors' | 'place' | 'topic';
  /** The shared names (empty for `topic`). */
  values: string[];
}

/** Another story connected to this one in the story graph: a distinct happening with something in common. */
export interface RelatedStory {
  id: string;
  title: string;
  /** Overlap of what the two stories name (0–1): orders the list. */
  similarity: number;
  reasons: RelatedReason[];
}

/**
 * A story's id: `s-` and the smallest id among its articles (copies included), so it is a function of its members.
 * An article with a smaller id joining renames the story; `storyFounder` reads the article back from an old id.
 */
export function storyIdOf(smallestArticleId: string): string {
  return `s-${smallestArticleId}`;
}

/** The article a story id was made from, or null for an id not made by `storyIdOf`. */
export function storyFounder(storyId: string): string | null {
  return storyId.startsWith('s-') ? storyId.slice(2) : null;
}

/**
 * What linking decides and the store keeps: which articles form a story, its independent sources and events.
 * Facts, quotes and the rest are derived from the articles when a dossier is built.
 */
export interface Story {
  id: string;
  title: string;
  articleIds: string[];
  sources: Source[];
  events: StoryEvent[];
  /** First and last date of its events (absent in stories saved before it existed; null when no event is dated). */
  dateRange?: { first: string; last: string } | null;
  /** Related stories, most similar first (absent in stories saved before it existed). */
  relatedStories?: RelatedStory[];
}

/**
 * A story with everything the comparison stages derive: the contract's story object plus renderer-only extras.
 * Every statement in it carries citations into article texts.
 */
export type Dossier = StoryOut & {
  /** Outlets by id for rendering source names next to citations. */
  outlets: Record<string, string>;
};
