import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanDocument } from '../../src/clean/index.js';
import { makeDocument } from '../../src/ingest/records.js';
import { Linker } from '../../src/link/index.js';
import { defaultStages } from '../../src/pipeline/registry.js';
import { createPipeline } from '../../src/pipeline/runner.js';

/**
 * Words that name Object.prototype's members, written where the stages look words up in tables: before a number,
 * as a unit, as a speaker, as a name. A table that is a plain object answered these with a function.
 */
const TEXT = [
  'Valueof Constructor said on Tuesday that the constructor 5 units arrived in Tostring City.',
  '"We are ready," said toString, the hasOwnProperty of the group.',
  'The __proto__ of 3 constructor dollars was paid, valueOf 12 million isPrototypeOf.',
  'Constructor Constructor told reporters on 3 constructor 2025 that prices rose 4 toString.',
].join(' ');

/** Paths of every function-valued field inside a value. */
function functionsIn(value: unknown, path: string, out: string[] = []): string[] {
  if (typeof value === 'function') out.push(path);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) functionsIn(v, `${path}.${k}`, out);
  return out;
}

test('words named like Object.prototype members are plain words to every stage and to the linker', () => {
  const doc = makeDocument({ kind: 'text', path: 'object-words.txt' }, 'text', TEXT);
  const article = createPipeline(defaultStages()).run(cleanDocument(doc));
  assert.deepEqual(functionsIn(article.layers, 'layers'), []);
  const units = (article.layers.quantities ?? []).map((q) => q.unit ?? null);
  assert.ok(
    units.every((u) => u === null || typeof u === 'string'),
    `units: ${JSON.stringify(units)}`,
  );
  const five = (article.layers.quantities ?? []).find((q) => q.value === 5);
  assert.equal(five?.unit ?? null, null, 'a word that is not a currency is no unit');
  const linker = new Linker();
  linker.add(article);
  assert.deepEqual(functionsIn(JSON.parse(JSON.stringify(linker.serialize())), 'state'), []);
  assert.ok(!JSON.stringify(linker.serialize()).includes('function'), 'no member function was turned into text');
});
