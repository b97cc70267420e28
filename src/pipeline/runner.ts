import type { Article } from '../model/article.js';
import { errorText, TriangulateError } from '../model/errors.js';
import { type Message, message } from '../model/message.js';
import type { ArticleStage, Requirement, StageContext } from './stage.js';

/** Fields every cleaned article has before any stage runs. */
export const GIVEN: readonly Requirement[] = ['blocks', 'language', 'published'];

/** An ordered, checked list of stages: built once, run on many articles. */
export interface Pipeline {
  readonly stages: readonly ArticleStage[];
  run(article: Article): Article;
}

/**
 * Checks that every stage's requirements are produced by an earlier stage (or given by cleaning) and returns a
 * pipeline. A wrong order is a configuration fault, so it throws; a stage failing on one article is not, so it
 * becomes an error message on that article and the other stages and articles go on.
 */
export function createPipeline(stages: readonly ArticleStage[]): Pipeline {
  const available = new Set<Requirement>(GIVEN);
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) throw new TriangulateError('E_STAGE_ORDER', `stage "${stage.name}" appears twice`);
    names.add(stage.name);
    const missing = stage.requires.filter((r) => !available.has(r));
    if (missing.length > 0) {
      throw new TriangulateError('E_STAGE_ORDER', `stage "${stage.name}" requires ${missing.join(', ')}, which no earlier stage produces`);
    }
    for (const p of stage.produces) available.add(p);
  }
  return {
    stages,
    run(article) {
      let current = article;
      for (const stage of stages) current = runStage(stage, current);
      return current;
    },
  };
}

/** Runs one stage on one article, turning a throw into an error message on the article. */
export function runStage(stage: ArticleStage, article: Article): Article {
  const messages: Message[] = [];
  const ctx: StageContext = {
    message(reason, options) {
      messages.push(message(stage.name, options.rule, reason, { severity: options.severity ?? 'warning', ...(options.place ? { place: options.place } : {}) }));
    },
  };
  let result: Article;
  try {
    result = stage.run(article, ctx);
  } catch (error) {
    messages.push(message(stage.name, 'failed', `stage failed: ${errorText(error)}`, { severity: 'error' }));
    result = article;
  }
  return messages.length === 0 ? result : { ...result, messages: [...result.messages, ...messages] };
}
