import { z } from 'zod';
import { AnalysisSchema } from '../index.js';
import type { ServerLimits } from './options.js';
import {
  ArticleQuerySchema,
  ArticleSummarySchema,
  ArticleViewSchema,
  DossierQuerySchema,
  ErrorBodySchema,
  HealthSchema,
  IngestEventSchema,
  IngestReportSchema,
  pageSchema,
  StoryPageSchema,
  StoryQuerySchema,
  UrlIngestSchema,
} from './schemas.js';

type Json = Record<string, unknown>;

/** A zod schema as an OpenAPI 3.1 schema object (JSON Schema 2020-12 without the `$schema` key). */
function schema(s: z.ZodType, io: 'input' | 'output' = 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Json;
  return rest;
}

/** One query parameter per field of a query schema, with the field's description and bounds. */
function queryParameters(s: z.ZodObject): Json[] {
  return Object.entries(s.shape).map(([name, field]) => {
    const fieldSchema = schema(field as z.ZodType, 'input');
    return { name, in: 'query', required: false, description: fieldSchema.description, schema: fieldSchema };
  });
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (s: Json, description: string): Json => ({ description, content: { 'application/json': { schema: s } } });
const idParameter = (what: string): Json => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `${what} id`,
  schema: { type: 'string', pattern: '^(?:s-)?[0-9a-f]{8,64}$' },
});
const errors = (...statuses: number[]): Json => Object.fromEntries(statuses.map((s) => [String(s), json(ref('Error'), ERROR_WORDS[s] ?? 'error')]));

const ERROR_WORDS: Readonly<Record<number, string>> = {
  400: 'bad request (E_USAGE)',
  401: 'token missing or wrong (E_UNAUTHORIZED)',
  403: 'cross-origin write, foreign Host, or private address refused (E_FORBIDDEN, E_PRIVATE_ADDRESS)',
  404: 'no such story or article (E_NOT_FOUND)',
  413: 'over a size or count limit (E_LIMIT)',
};

const progressParameter = {
  name: 'progress',
  in: 'query',
  required: false,
  description: '1: answer with an application/x-ndjson stream of IngestEvent lines instead of one report',
  schema: { type: 'string', enum: ['1'] },
};

const ingestAnswer = {
  description: 'what was ingested; problems name each input that could not be read',
  content: { 'application/json': { schema: ref('IngestReport') }, 'application/x-ndjson': { schema: ref('IngestEvent') } },
};

/** Where the API reference page (the document below rendered as HTML, render/api-reference.ts) is served. */
export const API_REFERENCE_PATH = '/api/reference';

/** The OpenAPI 3.1 document served at /openapi.json, built from the same schemas the routes validate with. */
export function openApiDocument(limits: ServerLimits): Json {
  const etagNote = 'Carries an ETag; send If-None-Match to get 304 Not Modified when nothing changed.';
  return {
    openapi: '3.1.0',
    info: {
      title: 'Triangulate API',
      version: '1',
      description:
        'Stories, cited dossiers and annotated articles from a Triangulate store (docs/api.md). Writes need `Authorization: Bearer <token>` when the server was started with a token (always when it listens beyond loopback).',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: schema(ErrorBodySchema),
        Health: schema(HealthSchema),
        StoryPage: schema(StoryPageSchema),
        ArticlePage: schema(pageSchema(ArticleSummarySchema)),
        Analysis: schema(AnalysisSchema),
        ArticleView: schema(ArticleViewSchema),
        IngestReport: schema(IngestReportSchema),
        IngestEvent: schema(IngestEventSchema),
        UrlIngest: schema(UrlIngestSchema, 'input'),
      },
    },
    paths: {
      '/api/health': { get: { summary: 'store counts and whether writes need a token', responses: { 200: json(ref('Health'), 'ok') } } },
      '/api/stories': {
        get: {
          summary: 'list and search stories (largest first)',
          description: etagNote,
          parameters: queryParameters(StoryQuerySchema),
          responses: { 200: json(ref('StoryPage'), 'a page of stories'), 304: { description: 'not modified' }, ...errors(400) },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary: "a story's dossier: contract JSON (one story, the articles it cites), Markdown or HTML",
          description: `${etagNote} The HTML form is sandboxed by its Content-Security-Policy (no script runs).`,
          parameters: [idParameter('story'), ...queryParameters(DossierQuerySchema)],
          responses: {
            200: {
              description: 'the dossier',
              content: {
                'application/json': { schema: ref('Analysis') },
                'text/markdown': { schema: { type: 'string' } },
                'text/html': { schema: { type: 'string' } },
              },
            },
            304: { description: 'not modified' },
            ...errors(400, 404),
          },
        },
      },
      '/api/articles': {
        get: {
          summary: 'list and search articles (ingest order)',
          description: etagNote,
          parameters: queryParameters(ArticleQuerySchema),
          responses: { 200: json(ref('ArticlePage'), 'a page of articles'), 304: { description: 'not modified' }, ...errors(400) },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'an article with its annotation layers, repairs and removed chrome',
          description: etagNote,
          parameters: [idParameter('article')],
          responses: { 200: json(ref('ArticleView'), 'the article'), 304: { description: 'not modified' }, ...errors(400, 404) },
        },
      },
      '/api/ingest': {
        post: {
          summary: 'ingest uploaded files and pasted texts, then re-link stories',
          description: `Limits: ${limits.maxFiles} files, ${limits.maxFileBytes} bytes per file, ${limits.maxBodyBytes} bytes per request. Formats are sniffed from the bytes.`,
          security: [{ bearer: [] }, {}],
          parameters: [progressParameter],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: {
                    file: { type: 'array', items: { type: 'string', format: 'binary' } },
                    text: { type: 'array', items: { type: 'string' } },
                  },
                },
              },
            },
          },
          responses: { 200: ingestAnswer, ...errors(400, 401, 403, 413) },
        },
      },
      '/api/ingest/urls': {
        post: {
          summary: 'fetch article pages or feeds by URL and ingest them',
          description: `At most ${limits.maxUrls} URLs. Loopback, private and link-local addresses are refused unless the server runs with --allow-private.`,
          security: [{ bearer: [] }, {}],
          parameters: [progressParameter],
          requestBody: { required: true, content: { 'application/json': { schema: ref('UrlIngest') } } },
          responses: { 200: ingestAnswer, ...errors(400, 401, 403, 413) },
        },
      },
      '/openapi.json': { get: { summary: 'this document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
      [API_REFERENCE_PATH]: {
        get: {
          summary: 'this document as a page to read',
          responses: { 200: { description: 'HTML (no script)', content: { 'text/html': { schema: { type: 'string' } } } } },
        },
      },
    },
  };
}
