import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { canonicalOutlet, parseRegistry, resetRegistry } from '../clean/outlet-registry.js';
import { groupSources, type SourceMember, sourceCountPhrase } from './sources.js';

const member = (id: string, outlet: string | null, origin: string | null = null): SourceMember => ({ id, outlet, origin, copyOf: null, label: `${id}.txt` });

test('two articles from one outlet count once, under any of its names', () => {
  const sources = groupSources([member('a', 'NYT'), member('b', 'The New York Times'), member('c', 'Harbour Gazette')]);
  assert.equal(sources.length, 2);
  const nyt = sources.find((s) => s.articleIds.includes('a'));
  assert.deepEqual(nyt?.articleIds, ['a', 'b']);
  assert.equal(nyt?.name, 'The New York Times');
  // Outlets the registry does not know are one source when their names agree but for case and spacing.
  assert.equal(groupSources([member('a', 'Harbour Gazette'), member('b', 'HARBOUR GAZETTE')]).length, 1);
});

test("an outlet's own article and another's copy crediting it are one source", () => {
  const sources = groupSources([member('a', 'Agence France-Presse'), member('b', 'Harbour Gazette', 'AFP')]);
  assert.equal(sources.length, 1);
  assert.equal(sources[0]?.name, 'AFP');
});

test('an unknown outlet is shown as unknown, and the count says how many rest on one', () => {
  const sources = groupSources([member('a', 'Harbour Gazette'), member('b', null), member('c', null)]);
  assert.equal(sources.length, 3);
  const unknown = sources.filter((s) => s.unknown);
  assert.equal(unknown.length, 2);
  assert.match(unknown[0]?.name ?? '', /^unknown outlet \(/);
  assert.equal(sourceCountPhrase(sources), '3 independent sources, 2 of them of unknown outlet');
  assert.equal(sourceCountPhrase(sources.filter((s) => !s.unknown)), '1 independent source');
  assert.equal(sourceCountPhrase(unknown.slice(0, 1)), '1 independent source, of unknown outlet');
});

test('the registry resolves names, variants and domains (subdomains too); unknown names keep their own', () => {
  assert.deepEqual(canonicalOutlet('Agence France Presse'), { name: 'AFP', key: 'afp', known: true });
  assert.equal(canonicalOutlet(null, 'https://edition.cnn.com/2026/03/10/x')?.name, 'CNN');
  assert.deepEqual(canonicalOutlet('The Harbour Gazette'), { name: 'The Harbour Gazette', key: 'harbourgazette', known: false });
  assert.equal(canonicalOutlet(null, 'https://www.harbourgazette.example/x')?.name, 'harbourgazette.example');
  assert.equal(canonicalOutlet(null, null), null);
});

test('a user registry file extends the starter list; a malformed one is an error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'registry-'));
  const file = join(dir, 'sources.json');
  writeFileSync(
    file,
    JSON.stringify({ version: 1, outlets: [{ name: 'Harbour Gazette', domains: ['harbourgazette.example'], variants: ['HG'], type: 'outlet' }] }),
  );
  process.env.TRIANGULATE_SOURCES = file;
  resetRegistry();
  try {
    assert.deepEqual(canonicalOutlet('HG'), { name: 'Harbour Gazette', key: 'harbourgazette', known: true });
    assert.equal(canonicalOutlet(null, 'https://harbourgazette.example/a')?.known, true);
  } finally {
    delete process.env.TRIANGULATE_SOURCES;
    resetRegistry();
  }
  assert.throws(() => parseRegistry({ outlets: [{ domains: [] }] }), /no name/);
  assert.throws(() => parseRegistry([]), /expected/);
});
