import { sentences } from '../src/annotate/sentences.js';
import { type Article, textArticle } from '../src/model/article.js';
import { contentId } from '../src/model/ids.js';
import { runStage } from '../src/pipeline/runner.js';

/**
 * An Article over a plain text whose offsets must stay those of the text (gold annotations point into it): each
 * non-empty line is a paragraph block; the sentences stage runs on it. For tests and evaluators, not cleaning.
 */
export function plainArticle(text: string, language = 'en', name = 'plain.txt'): Article {
  return runStage(sentences(), textArticle(text, { id: contentId('plain', text), path: name, language }));
}
