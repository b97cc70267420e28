import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { entities } from '../../src/annotate/entities/index.js';
import { quotes } from '../../src/annotate/quotes/quotes.js';
import { sentences } from '../../src/annotate/sentences.js';
import { layer } from '../../src/model/article.js';
import { annotationInput, articleOf, runStrict } from './annotate.js';
import { assertSpans, runs } from './arbitraries.js';

test('quotes (with and without the entities layer): never throw; quote, speaker and cue spans hold what they claim', () => {
  fc.assert(
    fc.property(annotationInput, fc.boolean(), (input, withEntities) => {
      const stages = withEntities ? [sentences(), entities(), quotes()] : [sentences(), quotes()];
      const { article } = runStrict(articleOf(input), ...stages);
      const list = layer(article, 'quotes');
      assertSpans(article.text, list, 'quote');
      for (const q of list) {
        if (q.speakerSpan) assertSpans(article.text, [q.speakerSpan], 'speaker');
        if (q.cue) assertSpans(article.text, [q.cue], 'cue');
        if (q.speaker !== null) assert.ok(q.speaker.trim().length > 0, 'empty speaker name');
      }
    }),
    runs(150),
  );
});
