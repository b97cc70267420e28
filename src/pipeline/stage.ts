import type { LayerName } from '../model/annotations.js';
import type { Article } from '../model/article.js';
import type { Message } from '../model/message.js';
import type { Span } from '../model/span.js';

/** What a stage may rely on: an annotation layer, or an article field another stage fills. */
export type Requirement = LayerName | 'language' | 'published';

/** Handed to a stage for one article: where it records messages instead of throwing. */
export interface StageContext {
  message(reason: string, options: { rule: string; place?: Span; severity?: Message['severity'] }): void;
}

/**
 * A named pipeline component (spaCy-style). It declares what it needs and what it adds, and returns a new Article
 * rather than editing the one it was given; the runner checks the declared order once, when the pipeline is built.
 */
export interface ArticleStage {
  readonly name: string;
  readonly requires: readonly Requirement[];
  readonly produces: readonly Requirement[];
  run(article: Article, ctx: StageContext): Article;
}

/** Adds layers to an article without touching the rest: the usual return value of a stage. */
export function withLayers(article: Article, layers: Partial<Article['layers']>): Article {
  return { ...article, layers: { ...article.layers, ...layers } };
}
