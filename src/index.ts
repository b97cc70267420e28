/**
 * The public API. The CLI, the server and the web UI import only from here; everything else is internal.
 */

export { cleanDocument } from './clean/index.js';
export { buildDossier } from './compare/dossier.js';
export { loadDossier } from './engine/dossier.js';
export { type IngestOptions, type IngestReport, ingest, ingestItems } from './engine/ingest.js';
export { relink } from './engine/link.js';
export { nonPublicRange } from './ingest/address-guard.js';
export { formatBytes } from './ingest/limits.js';
export { formatProblem, type InputProblem } from './ingest/problem.js';
export { isProblem, type ReadItem, type ReadOptions, readDocuments } from './ingest/read.js';
export { groupStories } from './link/stories.js';
export * from './model/index.js';
export { ARTICLE_STAGES, defaultStages, type StageName } from './pipeline/registry.js';
export { createPipeline, type Pipeline, runStage } from './pipeline/runner.js';
export type { ArticleStage, Requirement, StageContext } from './pipeline/stage.js';
export { renderHtml } from './render/html.js';
export { analysisJson, articleOut, storyOut } from './render/json.js';
export { renderMarkdown } from './render/markdown.js';
export type { ApiIngestReport, ArticlePage, ArticleView, ErrorBody, Health, IngestEvent, StoryPage } from './server/schemas.js';
export { type ArticleSummary, DEFAULT_DB, openStore, type Store, type StoryCursor, type StorySummary } from './store/index.js';
