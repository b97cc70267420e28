import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanHtml } from './clean-html.js';
import { MAX_DEPTH, MAX_NODES } from './tree.js';

/**
 * Generous bound for a 10 MB page on a slow shared machine: linear work takes seconds, while the quadratic
 * behaviour this guards against (htmlparser2's Parser on deep nesting) took over a minute at a tenth of the size.
 */
const BOUND_MS = 45_000;
const TEN_MB = 10 * 1024 * 1024;

function timed<T>(run: () => T): { result: T; ms: number; heapMb: number } {
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started, heapMb: (process.memoryUsage().heapUsed - before) / 1e6 };
}

test('scripts, styles and templates never reach the text, however they are written', () => {
  const html = `<html><head><script>document.write('<p>injected by a script</p>')</script></head><body>
    <script type="text/javascript">var publishedDate = "2020-01-01"; if (a < b) { x = "</p>"; }</script>
    <noscript><p>Please enable JavaScript to read this page.</p></noscript>
    <template><p>template text</p></template><style>p::after { content: "style text" }</style>
    <article><p>${'The only words a reader sees on this page, written in a paragraph of some length. '.repeat(5)}</p></article>
    <script>window.tail = "<div>tail text</div>";</script></body></html>`;
  const { text, metadata } = cleanHtml(html);
  assert.match(text, /^The only words a reader sees/);
  for (const hidden of ['injected', 'publishedDate', 'enable JavaScript', 'template text', 'style text', 'tail text'])
    assert.ok(!text.includes(hidden), hidden);
  assert.equal(metadata.published, null, 'a date inside a script never dates the page');
});

test(`10 MB of nested divs: no stack overflow, linear time, nesting past ${MAX_DEPTH} flattened and reported`, () => {
  const depth = Math.floor(TEN_MB / 11);
  const html = `${'<div>'.repeat(depth)}<p>Text at the bottom of the well.</p>${'</div>'.repeat(depth)}`;
  const { result, ms } = timed(() => cleanHtml(html));
  assert.ok(ms < BOUND_MS, `took ${ms} ms`);
  assert.equal(result.text, 'Text at the bottom of the well.');
  assert.ok(result.messages.some((m) => m.ruleId === 'clean:deep-nesting'));
});

test('10 MB of sibling elements: the node cap bounds memory and says the rest was not read', () => {
  const html = '<div>x</div>'.repeat(Math.floor(TEN_MB / 12));
  const { result, ms, heapMb } = timed(() => cleanHtml(html));
  assert.ok(ms < BOUND_MS, `took ${ms} ms`);
  assert.ok(heapMb < 1500, `heap grew by ${heapMb} MB`);
  assert.ok(result.messages.some((m) => m.ruleId === 'clean:truncated'));
  assert.ok(result.text.length <= MAX_NODES * 3);
});

test('millions of unmatched end tags stay linear', () => {
  const html = `<div><p>Kept paragraph with enough words to be an article of some sort.</p>${'</span></b>'.repeat(Math.floor(TEN_MB / 11))}</div>`;
  const { result, ms } = timed(() => cleanHtml(html));
  assert.ok(ms < BOUND_MS, `took ${ms} ms`);
  assert.match(result.text, /^Kept paragraph/);
});

test('entity bombs: no expansion of declared entities, millions of references decode linearly, bad code points become U+FFFD', () => {
  const declared = `<!DOCTYPE x [<!ENTITY a "${'ha'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><p>${'&b;'.repeat(1000)} end</p>`;
  const small = cleanHtml(declared);
  assert.ok(small.text.length < 10_000, 'declared entities are not expanded');
  const many = timed(() => cleanHtml(`<p>${'&amp;'.repeat(Math.floor(TEN_MB / 5))}</p>`));
  assert.ok(many.ms < BOUND_MS, `took ${many.ms} ms`);
  assert.equal(many.result.text.length, Math.floor(TEN_MB / 5));
  const odd = cleanHtml('<p>A &#99999999999; B &#0; C &#xD800; D</p>');
  assert.equal(odd.text, 'A \uFFFD B \uFFFD C \uFFFD D');
});

test('broken documents keep their text: text before <html>, a second <body>, an unclosed <head>', () => {
  const prose = 'A paragraph of ordinary article prose that should survive any markup accident, written at some length.';
  for (const html of [
    `Stray words<html><body><p>${prose}</p></body></html>`,
    `<html><head><title>t</title><body><p>${prose}</p><body class="again"><p>${prose}</p>`,
    `<html><head><meta charset="utf-8"><p>${prose}</p>`,
  ]) {
    const { text } = cleanHtml(html);
    assert.ok(text.includes(prose), `lost the text of: ${html.slice(0, 60)}`);
  }
});

test('empty, binary-looking and non-HTML input give a result, never an exception', () => {
  for (const input of ['', '<', '<<<>>>', '\u0000\u0001\u0002', '{"json": true}', '<p', '</p></p></p>', '<![CDATA[x]]>']) {
    const result = cleanHtml(input);
    assert.equal(typeof result.text, 'string');
  }
});
