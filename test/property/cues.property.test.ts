import { test } from 'node:test';
import fc from 'fast-check';
import { cues } from '../../src/annotate/cues/cues.js';
import { sentences } from '../../src/annotate/sentences.js';
import { layer } from '../../src/model/article.js';
import { annotationInput, articleOf, runStrict } from './annotate.js';
import { assertSpans, runs } from './arbitraries.js';

test('cues: never throw; every cue covers exactly its text', () => {
  fc.assert(
    fc.property(annotationInput, (input) => {
      const { article } = runStrict(articleOf(input), sentences(), cues());
      assertSpans(article.text, layer(article, 'cues'), 'cue');
    }),
    runs(200),
  );
});
