import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cleanDocument } from '../../src/clean/index.js';
import { makeDocument } from '../../src/ingest/records.js';
import { defaultStages } from '../../src/pipeline/registry.js';
import { createPipeline } from '../../src/pipeline/runner.js';
import { assertSpans, hostileText, runs } from './arbitraries.js';

/**
 * The whole article pipeline on cleaned hostile input (text and HTML): no stage fails (a failure would be an error
 * message `<stage>:failed` from the runner), and every span of every layer holds the text it claims.
 */
test('clean + every stage on hostile documents: no stage fails, every layer span is sound', () => {
  const pipeline = createPipeline(defaultStages());
  fc.assert(
    fc.property(hostileText(120), fc.constantFrom<'text' | 'html'>('text', 'html'), (raw, format) => {
      const article = pipeline.run(cleanDocument(makeDocument({ kind: format, path: `p.${format}` }, format, format === 'html' ? `<p>${raw}</p>` : raw)));
      assert.deepEqual(
        article.messages.filter((m) => m.ruleId.endsWith(':failed')),
        [],
      );
      for (const [name, spans] of Object.entries(article.layers))
        assertSpans(article.text, spans as Array<{ start: number; end: number; text?: string }>, name);
    }),
    runs(100),
  );
});
