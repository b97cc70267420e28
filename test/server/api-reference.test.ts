import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderApiReference } from '../../src/render/api-reference.js';
import { testApp } from './helpers.js';

test('the API reference page is served as HTML under a no-script policy and covers every operation and schema', async () => {
  const { app, store } = await testApp();
  try {
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: object } };
    const response = await app.request('/api/reference');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const policy = response.headers.get('content-security-policy') ?? '';
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /\bsandbox\b/);
    assert.doesNotMatch(policy, /script-src/);
    const page = await response.text();
    assert.doesNotMatch(page, /<script/i);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        assert.ok(page.includes(`<span class="method ${method}">${method}</span><code>${path}</code>`), `${method.toUpperCase()} ${path} is documented`);
      }
    }
    for (const name of Object.keys(doc.components.schemas)) assert.ok(page.includes(`id="schema-${name}"`), `schema ${name} has a section`);
    assert.ok(page.includes('<a href="#schema-StoryPage">StoryPage</a>'), 'a response type links to its schema');
    assert.match(page, /<code>limit<\/code>.*?integer.*?\(1 to 200; default <code>50<\/code>\)/s, 'bounds and defaults are shown');
    assert.doesNotMatch(page, /9007199254740991/, 'the safe-integer bounds zod writes for any integer are not shown');
  } finally {
    await store.close();
  }
});

test('the reference escapes everything it takes from the document', () => {
  const hostile = '<img src=x onerror="alert(1)">';
  const page = renderApiReference(
    {
      openapi: '3.1.0',
      info: { title: hostile, version: '"1"', description: `see \`${hostile}\`` },
      paths: {
        [`/api/${hostile}`]: { get: { summary: hostile, parameters: [{ name: hostile, in: 'query', schema: { enum: [hostile], pattern: hostile } }] } },
      },
      components: { schemas: { [hostile]: { type: 'object', properties: { [hostile]: { type: 'string', description: hostile } } } } },
    },
    { json: '/openapi.json', ui: '/' },
  );
  assert.doesNotMatch(page, /<img/);
  assert.ok(page.includes('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'));
});
