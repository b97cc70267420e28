import fc from 'fast-check';
import { type Article, textArticle } from '../../src/model/article.js';
import type { Message } from '../../src/model/message.js';
import type { ArticleStage } from '../../src/pipeline/stage.js';
import { hostileText } from './arbitraries.js';

/** Hostile text with news-like sentences mixed in, a language and a publication date (sometimes none). */
export const annotationInput = fc.record({
  text: fc.oneof(
    hostileText(80),
    fc
      .array(
        fc.constantFrom(
          'Mayor Ana Ruiz said on Monday that 1,500 workers would return “next week”.',
          'According to the Harbour Board, costs rose 30% to $4.5 million in March 2026.',
          'PORTVILLE — The strike, which began three days ago, will not end soon, officials reportedly said.',
          '“We will not accept this,” she told reporters.',
        ),
        { maxLength: 6 },
      )
      .chain((ss) => hostileText(20).map((h) => `${ss.join(' ')}\n\n${h}`)),
  ),
  language: fc.constantFrom('en', 'es', 'und', 'fr'),
  published: fc.constantFrom<string | null>(null, '2026-03-02', '2026', '0001-01-01', '9999-12-31'),
});

/**
 * An article over a text, one paragraph block per non-blank line, no stage run yet. Written here rather than with
 * test/plain-article.ts because that runs the sentences stage through the runner, which turns a throw into a message.
 */
export function articleOf(input: { text: string; language: string; published: string | null }): Article {
  return textArticle(input.text, { id: 'property', path: 'property.txt', language: input.language, published: input.published });
}

/** Runs stages in order calling `run` directly, so a throw fails the property instead of becoming a message. */
export function runStrict(article: Article, ...stages: ArticleStage[]): { article: Article; messages: Message[] } {
  const messages: Message[] = [];
  let current = article;
  for (const stage of stages) {
    current = stage.run(current, {
      message: (reason, options) =>
        messages.push({ stage: stage.name, ruleId: `${stage.name}:${options.rule}`, reason, severity: options.severity ?? 'warning' }),
    });
  }
  return { article: current, messages };
}
