import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sentences } from '../../src/annotate/sentences.js';
import { layer } from '../../src/model/article.js';
import { annotationInput, articleOf, runStrict } from './annotate.js';
import { assertSpans, runs } from './arbitraries.js';

test('sentences: never throw; each sentence is non-empty, inside its own block, in order, without overlap', () => {
  fc.assert(
    fc.property(annotationInput, (input) => {
      const { article } = runStrict(articleOf(input), sentences());
      const blocks = layer(article, 'blocks');
      const list = layer(article, 'sentences');
      assertSpans(article.text, list, 'sentence');
      let last = 0;
      for (const s of list) {
        assert.ok(s.end > s.start, 'empty sentence');
        assert.ok(s.start >= last, `sentence [${s.start}, ${s.end}) overlaps the one before (ends ${last})`);
        const block = blocks[s.blockIndex ?? -1];
        assert.ok(block && block.start <= s.start && s.end <= block.end, 'sentence outside its block');
        last = s.end;
      }
      // No words fall between sentences: every non-space character of a block is in one.
      const covered = new Uint8Array(article.text.length);
      for (const s of list) covered.fill(1, s.start, s.end);
      for (const b of blocks) {
        for (let i = b.start; i < b.end; i++) {
          if (!covered[i] && /\S/u.test(article.text[i] as string)) assert.fail(`character ${i} (${JSON.stringify(article.text[i])}) is in no sentence`);
        }
      }
    }),
    runs(200),
  );
});
