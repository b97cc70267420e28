import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sentences } from '../../src/annotate/sentences.js';
import { times } from '../../src/annotate/times/index.js';
import { layer } from '../../src/model/article.js';
import { annotationInput, articleOf, runStrict } from './annotate.js';
import { assertSpans, runs } from './arbitraries.js';

/** TIMEX3-style values the stage writes: dates with X for unknown parts, durations, sets and reference words. */
const VALUE =
  /^(?:[\dX]{2,4}(?:-[\dXWQHSUFAIN]{1,3}){0,2}(?:T[\dX:MOAFEVNI]{2,8})?|P[\dX.]*[A-Z]{1,2}|PT[\dX.]*[HMS]|(?:PRESENT|PAST|FUTURE)_REF|R?P?[\dX]*[A-Z]*)$/;

test('times: never throw; every mention covers exactly its text, with a value, in order', () => {
  fc.assert(
    fc.property(annotationInput, (input) => {
      const { article } = runStrict(articleOf(input), sentences(), times());
      const mentions = layer(article, 'times');
      assertSpans(article.text, mentions, 'time');
      for (const m of mentions) {
        assert.ok(m.end > m.start, 'empty time mention');
        assert.ok(m.value.length > 0 && m.value.length < 40 && VALUE.test(m.value), `odd value ${JSON.stringify(m.value)} for ${JSON.stringify(m.text)}`);
      }
    }),
    runs(200),
  );
});

test('defect found: a placeholder publication date (0001-01-01, 9999-12-31) resolved "Monday" to 1900 and "next week" to year 10000', () => {
  for (const published of ['0001-01-01', '9999-12-31']) {
    const { article } = runStrict(
      articleOf({ text: 'The union said on Monday that talks resume next week.', language: 'en', published }),
      sentences(),
      times(),
    );
    for (const m of layer(article, 'times')) assert.match(m.value, /^XXXX/, `${m.text} → ${m.value}`);
  }
});
