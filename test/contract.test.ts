import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AnalysisSchema } from '../src/model/contract.js';
import { contractJsonSchema } from '../src/model/contract-schema.js';
import { allCitations, ROOT, runCli } from './helpers.js';

const SEEDS = join(ROOT, '..', 'shared', 'seeds');

test('docs/contract.schema.json is generated from the zod schemas (run `npm run schema`)', () => {
  const committed = JSON.parse(readFileSync(join(ROOT, 'docs', 'contract.schema.json'), 'utf8'));
  assert.deepEqual(committed, contractJsonSchema());
});

test('analyze --json on the seeds validates against the contract, with body text and valid citations', {
  skip: existsSync(SEEDS) ? false : `seeds not found at ${SEEDS}`,
}, async () => {
  const result = await runCli(['analyze', SEEDS, '--json']);
  assert.equal(result.code, 0, result.stderr);
  const analysis = AnalysisSchema.parse(JSON.parse(result.stdout));
  assert.equal(analysis.articles.length, 5);
  for (const a of analysis.articles) {
    assert.ok(a.text.length > 1000, `${a.path}: body text expected`);
    assert.doesNotMatch(a.text, /^0:00$/m, `${a.path}: player chrome left in text`);
  }
  const texts = new Map(analysis.articles.map((a) => [a.id, a.text]));
  const citations = allCitations(analysis);
  assert.ok(citations.length > 0);
  for (const c of citations) {
    const text = texts.get(c.articleId);
    assert.ok(text !== undefined && c.start < c.end && c.end <= text.length, `citation ${JSON.stringify(c)} out of range`);
  }
});
