import { z } from 'zod';
import { ArticleOutSchema, type Layers, type Repair } from '../index.js';

/*
 * The HTTP API's own shapes. Query and body schemas validate requests; all of them feed the OpenAPI document
 * (openapi.ts), so what the server checks and what it documents cannot drift apart.
 */

/** Story and article ids are content hashes (`s-` + 16 hex digits for stories): anything else is refused early. */
export const ID_PATTERN = /^(?:s-)?[0-9a-f]{8,64}$/;

/** A story-list cursor (`nextCursor`, `after`): the story's article count and id, as listing.ts writes it. */
export const STORY_CURSOR = /^(\d{1,9})\.((?:s-)?[0-9a-f]{8,64})$/;

/** Largest page a listing returns; the store caps at 1,000 too, but a UI never needs more than this at once. */
export const MAX_PAGE_SIZE = 200;

const pageFields = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50).describe(`items per page (1–${MAX_PAGE_SIZE})`),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('items to skip'),
  q: z
    .string()
    .trim()
    .max(500)
    .optional()
    .describe(
      'full-text search over article titles and texts (every word must occur); at most 1,000 matching articles are considered, on the embedded store the newest',
    ),
};

/** Query of the story list: paging, search, and filters the UI offers. */
export const StoryQuerySchema = z.object({
  ...pageFields,
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional()
    .describe('only stories with an article in this language (ISO 639-1)'),
  minSources: z.coerce.number().int().min(0).max(10_000).optional().describe('only stories with at least this many independent sources'),
  after: z
    .string()
    .regex(STORY_CURSOR)
    .optional()
    .describe("start after this story: a page's `nextCursor` (not with `q` or an offset); pages do not shift when stories are added"),
});

/** Query of the article list: paging and search. */
export const ArticleQuerySchema = z.object(pageFields);

/** Which rendering of a dossier to answer with. */
export const DossierQuerySchema = z.object({
  format: z.enum(['json', 'md', 'html']).default('json').describe('json: the contract analysis object with one story; md or html: a rendered dossier'),
});

/** Body of a URL ingest. */
export const UrlIngestSchema = z.object({
  urls: z.array(z.string().max(2048)).min(1).describe('http(s) URLs of article pages or feeds'),
});

/** One line of the story list (the store's `StorySummary`). */
export const StorySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  articleCount: z.number().int(),
  sourceCount: z.number().int().describe('independent sources: copies of one wire story count once'),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  languages: z.array(z.string()),
});

/** One line of the article list (the store's `ArticleSummary`). */
export const ArticleSummarySchema = z.object({
  id: z.string(),
  path: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  language: z.string(),
  chars: z.number().int(),
});

/** A page of a listing: `next` is the offset of the following page, null on the last one. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    limit: z.number().int(),
    offset: z.number().int(),
    next: z.number().int().nullable(),
    total: z.number().int().nullable().describe('all matching items, when known without a scan (no search or filter)'),
  });
}

/** A page of the story list: an offset page, plus the cursor that resumes after its last story. */
export const StoryPageSchema = pageSchema(StorySummarySchema).extend({
  nextCursor: z
    .string()
    .nullable()
    .describe('`after` value of the following page (null on the last page and in a search); `next` is null when paging by cursor'),
});

const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() });

/** An article with its annotation layers, for the reader. */
export const ArticleViewSchema = z.object({
  article: ArticleOutSchema,
  storyId: z.string().nullable(),
  layers: z
    .record(z.string(), z.array(SpanSchema.passthrough()))
    .describe('annotation layers (blocks, sentences, entities, times, quantities, quotes, cues): spans into article.text'),
  repairs: z.array(SpanSchema.extend({ from: z.string(), to: z.string(), reason: z.string() })).describe('repairs with their place in article.text'),
  credit: SpanSchema.nullable().describe('the syndication credit line in article.text, when found'),
});

/** An input that could not be read, naming the upload or URL (and line). */
export const ProblemSchema = z.object({ path: z.string(), line: z.number().int().optional(), reason: z.string() });

/** What an ingest did, as the CLI reports it, plus the story count after linking. */
export const IngestReportSchema = z.object({
  added: z.number().int(),
  aliases: z.number().int(),
  unchanged: z.number().int(),
  problems: z.array(ProblemSchema),
  warnings: z.array(ProblemSchema),
  articleIds: z.array(z.string()),
  stories: z.number().int().describe('stories in the store after linking'),
});

/** One line of the `application/x-ndjson` progress stream of an ingest (`?progress=1`). */
export const IngestEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), inputs: z.number().int() }),
  z.object({ type: z.literal('item'), path: z.string(), done: z.number().int(), added: z.number().int(), problems: z.number().int() }),
  z.object({ type: z.literal('linking') }),
  z.object({ type: z.literal('done'), report: IngestReportSchema }),
  z.object({ type: z.literal('error'), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/** Every error answer's body. */
export const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** `/api/health`: store counts and whether writes need a token. */
export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  articles: z.number().int(),
  stories: z.number().int(),
  writeRequiresToken: z.boolean(),
});

/** An article with everything the reader highlights. Layers are typed precisely here; the schema documents them loosely. */
export type ArticleView = Omit<z.infer<typeof ArticleViewSchema>, 'layers' | 'repairs'> & {
  layers: Partial<Layers>;
  repairs: Array<Omit<Repair, 'place'> & { start: number; end: number }>;
};
/** Answer types of the routes, for the UI and API clients. */
export type StoryPage = z.infer<typeof StoryPageSchema>;
export type ArticlePage = z.infer<ReturnType<typeof pageSchema<typeof ArticleSummarySchema>>>;
export type ApiIngestReport = z.infer<typeof IngestReportSchema>;
export type IngestEvent = z.infer<typeof IngestEventSchema>;
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
export type Health = z.infer<typeof HealthSchema>;
export type StoryQuery = z.infer<typeof StoryQuerySchema>;
