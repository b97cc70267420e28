import { z } from 'zod';

/**
 * The analysis JSON contract, version 1 (docs/contract.md). These schemas are the single source of truth: the
 * TypeScript types of the output are inferred from them, `docs/contract.schema.json` is generated from them, and
 * every `--json` output is validated against them in the tests. Fields may be added; none may change meaning.
 */

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');

export const CitationSchema = z.object({
  articleId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const ArticleOutSchema = z.object({
  id: z.string(),
  path: z.string(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  authors: z.array(z.string()),
  /** What the outlet labels the piece: news, opinion, analysis, review, press-release, live-blog; null when unlabelled (extension). */
  kind: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  published: z.object({ date: isoDate.nullable(), basis: z.string() }),
  language: z.string(),
  text: z.string(),
  provenance: z.object({ syndicatedFrom: z.string().nullable(), duplicateOf: z.string().nullable() }),
  removed: z.array(z.object({ text: z.string(), reason: z.string() })),
  repairs: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string() })),
  embeds: z.array(z.object({ kind: z.string(), text: z.string(), author: z.string().nullable(), date: z.string().nullable() })),
  /** Problems met while reading and annotating this article (extension to v1). */
  messages: z.array(z.object({ ruleId: z.string(), reason: z.string(), severity: z.string() })).optional(),
});

export const SourceOutSchema = z.object({
  name: z.string(),
  articleIds: z.array(z.string()),
  /** True when the source's outlet is unknown (no outlet named, no origin credited) (extension). */
  unknown: z.boolean().optional(),
  /** Articles joined to the source as rewrites of another of its articles, with the linker's reason (extension). */
  rewrites: z
    .array(
      z.object({
        articleId: z.string(),
        of: z.string(),
        ruleId: z.string(),
        reason: z.string(),
        place: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).optional(),
      }),
    )
    .optional(),
});

export const EventOutSchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  /** How precise `date` is: `day`, `month` or `year`; null when the event is undated (extension). */
  precision: z.enum(['day', 'month', 'year']).nullable().optional(),
  articleIds: z.array(z.string()),
});

/** Another story connected in the story graph, with why (extension). */
export const RelatedStoryOutSchema = z.object({
  id: z.string(),
  title: z.string(),
  similarity: z.number(),
  reasons: z.array(z.object({ kind: z.enum(['actors', 'place', 'topic']), values: z.array(z.string()) })),
});

export const EntityOutSchema = z.object({
  name: z.string(),
  type: z.string(),
  aliases: z.array(z.string()),
  roles: z.array(z.string()),
  /** Number of articles mentioning the entity (extension). */
  articleCount: z.number().int().optional(),
});

export const TimelineOutSchema = z.object({
  date: z.string(),
  /** Precision of `date` (day, month, year…) (extension). */
  precision: z.string().optional(),
  text: z.string(),
  citations: z.array(CitationSchema),
});

export const QuoteOutSchema = z.object({
  speaker: z.string().nullable(),
  text: z.string(),
  kind: z.enum(['direct', 'reported']),
  citations: z.array(CitationSchema),
  /** Other wordings of the same quote across outlets (extension). */
  variants: z.array(z.object({ text: z.string(), citations: z.array(CitationSchema) })).optional(),
  /** Other speakers the same words were attributed to (extension). */
  otherSpeakers: z.array(z.string()).optional(),
});

export const FactOutSchema = z.object({
  text: z.string(),
  status: z.enum(['corroborated', 'conflicting', 'single-source']),
  independentSources: z.number().int().nonnegative(),
  citations: z.array(CitationSchema),
  conflictsWith: z.array(z.number().int().nonnegative()),
  /** Names of the independent sources backing the fact (extension). */
  sources: z.array(z.string()).optional(),
  /** Every sentence behind the fact is hedged ("reportedly", "allegedly") (extension). */
  hedged: z.boolean().optional(),
  /** The claim-frame slots the aligned claims share ("predicate: arrest", "actor: police"): why they were aligned (extension). */
  matched: z.array(z.string()).optional(),
  /** For a conflicting fact, the slot that disagrees and its two values ("number: about 300 ≠ more than 450") (extension). */
  conflictSlots: z.array(z.string()).optional(),
  /** Facts this one develops from: an earlier value replaced later, dated, not a conflict (extension). */
  developsFrom: z.array(z.number().int().nonnegative()).optional(),
});

/** Which source reports which fact, omissions, and framing signals per source (extension). */
/** A framing word with where it was used (citations: extension). */
const CitedWordSchema = z.object({ word: z.string(), count: z.number().int(), citations: z.array(CitationSchema).optional() });

/** Framing signals of a source or an article: signals of an outlet's own voice, not verdicts. */
const FramingOutSchema = z.object({
  sentences: z.number().int().nonnegative(),
  hedgedShare: z.number(),
  attributedShare: z.number(),
  /** Sentences in opinion form outside quotes: opinion words, first person, imperatives. */
  opinionShare: z.number(),
  loadedWords: z.array(CitedWordSchema),
  /** Extensions: */
  firstPersonShare: z.number().optional(),
  imperatives: z.number().int().nonnegative().optional(),
  promotionalWords: z.array(CitedWordSchema).optional(),
});

export const CoverageOutSchema = z.object({
  sources: z.array(z.string()),
  facts: z.array(z.number().int().nonnegative()),
  cells: z.array(z.array(z.boolean())),
  omissions: z.array(z.object({ source: z.string(), facts: z.array(z.number().int().nonnegative()) })),
  framing: z.array(FramingOutSchema.extend({ source: z.string() })),
  /** Framing signals per article (extension). */
  articles: z.array(FramingOutSchema.extend({ articleId: z.string(), source: z.string() })).optional(),
});

export const SummaryOutSchema = z.object({
  text: z.string(),
  citations: z.array(CitationSchema),
  /** Independent sources behind the sentence's fact (extension). */
  independentSources: z.number().int().nonnegative().optional(),
  /** Names of those sources (extension). */
  sources: z.array(z.string()).optional(),
});

export const StoryOutSchema = z.object({
  id: z.string(),
  title: z.string(),
  articleIds: z.array(z.string()),
  sources: z.array(SourceOutSchema),
  events: z.array(EventOutSchema),
  /** First and last date of its events; null when no event is dated (extension). */
  dateRange: z.object({ first: z.string(), last: z.string() }).nullable().optional(),
  /** Distinct happenings sharing actors, place or topic, most similar first (extension). */
  relatedStories: z.array(RelatedStoryOutSchema).optional(),
  entities: z.array(EntityOutSchema),
  timeline: z.array(TimelineOutSchema),
  quotes: z.array(QuoteOutSchema),
  facts: z.array(FactOutSchema),
  summary: z.array(SummaryOutSchema),
  coverage: CoverageOutSchema.optional(),
});

export const AnalysisSchema = z.object({
  version: z.literal(1),
  articles: z.array(ArticleOutSchema),
  stories: z.array(StoryOutSchema),
});

export type CitationOut = z.infer<typeof CitationSchema>;
export type ArticleOut = z.infer<typeof ArticleOutSchema>;
export type StoryOut = z.infer<typeof StoryOutSchema>;
export type Analysis = z.infer<typeof AnalysisSchema>;

/**
 * One record of a JSONL (or JSON array) input. Field names follow the common news-dump shapes; `text`, `content`,
 * `body` or `html` carries the article, the rest are hints. Documented in docs/input.md.
 */
export const InputRecordSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    url: z.string().optional(),
    title: z.string().optional(),
    text: z.string().optional(),
    content: z.string().optional(),
    body: z.string().optional(),
    html: z.string().optional(),
    outlet: z.string().optional(),
    source: z.union([z.string(), z.object({ name: z.string().optional() }).passthrough()]).optional(),
    site_name: z.string().optional(),
    authors: z.union([z.array(z.string()), z.string()]).optional(),
    author: z.string().optional(),
    published: z.string().optional(),
    date: z.string().optional(),
    published_at: z.string().optional(),
    language: z.string().optional(),
    lang: z.string().optional(),
  })
  .passthrough()
  .refine((r) => [r.text, r.content, r.body, r.html].some((v) => typeof v === 'string' && v.trim() !== ''), {
    message: 'record has no article text: expected one of "text", "content", "body" or "html"',
  });

export type InputRecord = z.infer<typeof InputRecordSchema>;
