import type { Span } from './span.js';

/**
 * Annotation layers: several named span layers over one clean text (spaCy's `doc.spans[key]`). Each stage adds
 * layers and never edits another's; every span is `[start, end)` into `Article.text`.
 */

/** A structural block of the clean text: what kind of line or paragraph it is. */
export interface Block extends Span {
  kind: 'headline' | 'subheadline' | 'byline' | 'dateline' | 'paragraph' | 'heading' | 'list-item' | 'quote-block';
}

/** A sentence; `blockIndex` ties it to its paragraph so "the previous paragraph" is cheap to find. */
export interface Sentence extends Span {
  blockIndex?: number;
}

export type EntityType = 'person' | 'org' | 'place' | 'group' | 'misc';

/** One mention of a person, organisation, place or group in the text. */
export interface EntityMention extends Span {
  type: EntityType;
  /** The surface text (equal to `text.slice(start, end)`). */
  text: string;
  /** Canonical name inside the article: "Vidal" and "he" both point at "Mateo Vidal". */
  canonical: string;
  /** How the mention was linked to its canonical name. */
  via: 'name' | 'surname' | 'title' | 'pronoun' | 'alias';
  /** A role or title read next to the mention ("Secretary of State"), with its span. */
  role?: Span & { text: string };
}

/** Precision of a normalized date, from coarse to fine. */
export type DatePrecision = 'century' | 'decade' | 'year' | 'quarter' | 'season' | 'month' | 'week' | 'day' | 'part-of-day' | 'time';

/** Where the reference date used to resolve a relative expression came from. */
export type AnchorBasis = 'metadata' | 'text' | 'story' | 'embed' | 'none';

/** A temporal expression with a TIMEX3-style value ("2025-09-02", "2025-08", "P90D", "PRESENT_REF", "XXXX-03-09"). */
export interface TimeMention extends Span {
  text: string;
  type: 'date' | 'time' | 'duration' | 'set';
  /** TIMEX3 value; unknown parts are `X` (a month without a known year is `XXXX-03`). */
  value: string;
  precision: DatePrecision;
  /** Whether the value came from the text alone or needed the reference date. */
  relative: boolean;
  anchor: AnchorBasis;
  /** Inside an embedded post or a caption: dated by that, not by the article. */
  inEmbed?: boolean;
}

/** A number with what it counts: "more than 1,500 workers", "a 30% tariff", "$30 million a day". */
export interface Quantity extends Span {
  text: string;
  value: number;
  /** Upper bound for ranges ("10 to 12"). */
  valueMax?: number;
  unit: string | null;
  /** The noun the number counts ("workers", "theft suspects"). */
  counted: string | null;
  qualifier: 'exact' | 'approximately' | 'more-than' | 'less-than' | 'at-least' | 'at-most' | 'up-to';
}

/** A quote or a piece of reported speech, with its speaker when the text makes it clear. */
export interface QuoteMention extends Span {
  /** The words attributed (without the quote marks for direct quotes). */
  text: string;
  kind: 'direct' | 'reported';
  /** Speaker as the canonical entity name, or null when the text does not say. */
  speaker: string | null;
  speakerSpan?: Span;
  /**
   * What the speaker is, when there is one: a `name` the text gives (a person or body, or a pronoun or title
   * resolved to one), a `description` of one unnamed source ("a White House spokesman"), or a non-specific `group`
   * ("officials", "many economists", "the senator and her aides" is a name): a group is never a person.
   */
  speakerKind?: 'name' | 'description' | 'group';
  /** The attribution verb or phrase ("said", "told reporters", "according to"). */
  cue?: Span & { text: string };
  /** Where it was said ("told the House Foreign Affairs Committee", "on social media"). */
  venue?: string;
}

/** Sentence-level signals the comparison stage needs. */
export interface Cue extends Span {
  /** The framing kinds (loaded, promotional, first-person, imperative) are signals of an outlet's own voice. */
  kind: 'hedge' | 'attribution' | 'opinion' | 'negation' | 'future' | 'loaded' | 'promotional' | 'first-person' | 'imperative';
  text: string;
}

/** All layers an article can carry; stages declare which of these they require and produce. */
export interface Layers {
  blocks: Block[];
  sentences: Sentence[];
  entities: EntityMention[];
  times: TimeMention[];
  quantities: Quantity[];
  quotes: QuoteMention[];
  cues: Cue[];
}

export type LayerName = keyof Layers;
