import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cleanHtml } from '../../src/clean/html/clean-html.js';
import { cleanDocument } from '../../src/clean/index.js';
import { makeDocument } from '../../src/ingest/records.js';
import { anyText, assertOffsetMap, assertSpans, hostileText, runs } from './arbitraries.js';

const TAGS = [
  'div',
  'p',
  'span',
  'a',
  'b',
  'article',
  'main',
  'section',
  'nav',
  'aside',
  'footer',
  'header',
  'h1',
  'h2',
  'ul',
  'li',
  'table',
  'td',
  'tr',
  'figure',
  'figcaption',
  'blockquote',
  'script',
  'style',
  'template',
  'noscript',
  'br',
  'img',
  'time',
  'svg',
  'math',
  'textarea',
  'pre',
  'title',
  'body',
  'html',
  'head',
  'meta',
];
const ATTRS = [
  'class="article-body"',
  'class="share menu"',
  'id="content"',
  'role="navigation"',
  'itemprop="articleBody"',
  'datetime="2026-03-02"',
  'hidden',
  'href="/x?a=1&b=2"',
  'class=',
  'x="unterminated',
  "y='q'",
  'data-x="&amp;&lt;"',
  'property="article:published_time" content="2026-01-05T10:00:00Z"',
];
const TEXT = 'Dock workers walked out on Monday after talks on pay broke down, the union said in a statement.';

/** Markup built from tags (opened, closed, unclosed, mismatched), attributes, comments, entities and hostile text. */
const html: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom(...TAGS), fc.array(fc.constantFrom(...ATTRS), { maxLength: 3 })).map(([t, a]) => `<${t}${a.length ? ` ${a.join(' ')}` : ''}>`),
      fc.constantFrom(...TAGS).map((t) => `</${t}>`),
      fc.constantFrom(
        '<!-- c -->',
        '<!--',
        '-->',
        '<![CDATA[x]]>',
        '<!DOCTYPE html>',
        '<?xml version="1.0"?>',
        '&nbsp;',
        '&#x1F600;',
        '&#55296;',
        '&bogus;',
        '&',
        '<',
        '>',
        '</',
        '<p/>',
        TEXT,
      ),
      hostileText(8),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

test('HTML extraction: never fails on any markup; text, blocks, removals and the offset map are sound', () => {
  fc.assert(
    fc.property(fc.oneof({ weight: 4, arbitrary: html }, { weight: 1, arbitrary: anyText }), (raw) => {
      const cleaned = cleanHtml(raw, { now: new Date('2026-06-01') });
      assert.deepEqual(
        cleaned.messages.filter((m) => m.severity === 'error'),
        [],
        'extraction failed',
      );
      assertOffsetMap(cleaned.map, cleaned.text.length, raw.length, 'html map');
      assertSpans(cleaned.text, cleaned.blocks, 'block');
      for (const r of cleaned.removed) assertSpans(raw, [r.raw], 'removal');
      for (const e of cleaned.embeds) assertSpans(raw, [e.place], 'embed');
      // Runs of equal length are characters copied from the source, or whitespace collapsed one for one.
      const runs4 = cleaned.map.runs;
      for (let i = 0; i < runs4.length; i += 4) {
        const [c, r, cl, rl] = runs4.slice(i, i + 4) as [number, number, number, number];
        if (cl !== rl) continue;
        for (let k = 0; k < cl; k++) {
          const a = cleaned.text[c + k] as string;
          const b = raw[r + k] as string;
          assert.ok(a === b || (/\s/u.test(a) && /\s/u.test(b)), `clean ${JSON.stringify(a)} maps to raw ${JSON.stringify(b)}`);
        }
      }
    }),
    runs(300),
  );
});

test('HTML articles: the composed map (repair, then extraction) leads into the raw page in order', () => {
  fc.assert(
    fc.property(html, (raw) => {
      const article = cleanDocument(makeDocument({ kind: 'html', path: 'p.html' }, 'html', raw));
      assertOffsetMap(article.offsetMap, article.text.length, raw.length, 'article map');
      assertSpans(article.text, article.layers.blocks ?? [], 'block');
      for (const r of article.removed) assertSpans(raw, [r.raw], 'removal');
      if (article.published.place) assertSpans(article.text, [article.published.place], 'published');
    }),
    runs(200),
  );
});

test('HTML extraction is deterministic: the same page gives the same text twice', () => {
  fc.assert(
    fc.property(html, (raw) => {
      const now = new Date('2026-06-01');
      assert.deepEqual(cleanHtml(raw, { now }), cleanHtml(raw, { now }));
    }),
    runs(100),
  );
});

test('defect found: text after an unterminated end tag at the end of the page mapped to raw offset -1', () => {
  for (const raw of ['</Dock workers walked out on Monday after talks broke down.', '" </the ']) {
    const cleaned = cleanHtml(raw);
    assertOffsetMap(cleaned.map, cleaned.text.length, raw.length, 'html map');
  }
});
