import { cues } from '../annotate/cues/cues.js';
import { entities } from '../annotate/entities/index.js';
import { quantities } from '../annotate/quantities/quantities.js';
import { quotes } from '../annotate/quotes/quotes.js';
import { sentences } from '../annotate/sentences.js';
import { times } from '../annotate/times/index.js';
import type { ArticleStage } from './stage.js';

/**
 * The one place every article stage is registered, by name, in default order. Options for each stage are typed
 * by its factory; `createPipeline` checks that the order satisfies each stage's requirements.
 */
export const ARTICLE_STAGES = {
  sentences,
  times,
  entities,
  quantities,
  quotes,
  cues,
} as const satisfies Record<string, (options?: never) => ArticleStage>;

export type StageName = keyof typeof ARTICLE_STAGES;

/** The default annotation pipeline: every registered stage in order. */
export function defaultStages(only?: readonly StageName[]): ArticleStage[] {
  const names = Object.keys(ARTICLE_STAGES) as StageName[];
  return names.filter((n) => !only || only.includes(n)).map((n) => ARTICLE_STAGES[n]());
}
