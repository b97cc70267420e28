import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { quantities } from '../../src/annotate/quantities/quantities.js';
import { sentences } from '../../src/annotate/sentences.js';
import { layer } from '../../src/model/article.js';
import { annotationInput, articleOf, runStrict } from './annotate.js';
import { assertSpans, runs } from './arbitraries.js';

test('quantities: never throw; every quantity covers exactly its text inside one sentence, with a finite value', () => {
  fc.assert(
    fc.property(annotationInput, (input) => {
      const { article } = runStrict(articleOf(input), sentences(), quantities());
      const list = layer(article, 'quantities');
      const sents = layer(article, 'sentences');
      assertSpans(article.text, list, 'quantity');
      for (const q of list) {
        assert.ok(Number.isFinite(q.value), `value ${q.value} for ${JSON.stringify(q.text)}`);
        if (q.valueMax !== undefined) assert.ok(Number.isFinite(q.valueMax), `valueMax ${q.valueMax}`);
        assert.ok(
          sents.some((s) => s.start <= q.start && q.end <= s.end),
          `quantity ${JSON.stringify(q.text)} crosses a sentence boundary`,
        );
      }
    }),
    runs(200),
  );
});
