import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { entities } from '../../src/annotate/entities/index.js';
import { sentences } from '../../src/annotate/sentences.js';
import { layer } from '../../src/model/article.js';
import { annotationInput, articleOf, runStrict } from './annotate.js';
import { assertSpans, runs } from './arbitraries.js';

test('entities: never throw; mentions and roles cover exactly their text; every mention has a canonical name', () => {
  fc.assert(
    fc.property(annotationInput, (input) => {
      const { article } = runStrict(articleOf(input), sentences(), entities());
      const list = layer(article, 'entities');
      assertSpans(article.text, list, 'entity');
      for (const e of list) {
        assert.ok(e.end > e.start, 'empty mention');
        assert.ok(e.canonical.trim().length > 0, `empty canonical name for ${JSON.stringify(e.text)}`);
        if (e.role) assertSpans(article.text, [e.role], 'role');
      }
    }),
    runs(150),
  );
});
