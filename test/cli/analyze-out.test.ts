import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MANIFEST } from '../../src/cli/out-folder.js';
import { runCli, tempDir } from '../helpers.js';

/** Fictional articles written for these tests: two on a ferry, one on an unrelated library. */
const FERRY_A =
  'Saltmarsh ferry returns after winter refit\n\nThe Saltmarsh ferry resumed crossings on Friday after a winter refit that replaced both diesel engines. The operator, Dunmore Lines, said the boat would run every forty minutes until the autumn storms. Harbour master Ilse Varga said the new engines were quieter.\n';
const FERRY_B =
  'Dunmore Lines restarts Saltmarsh crossings\n\nDunmore Lines restarted its Saltmarsh ferry crossings on Friday after the winter refit of the boat and its two diesel engines. Crossings will run every forty minutes until the autumn storms, the operator said. Harbour master Ilse Varga welcomed the quieter engines.\n';
const LIBRARY =
  'Brackenfield library opens a seed exchange\n\nThe Brackenfield public library opened a seed exchange in its lobby on Tuesday. Gardeners may leave packets of tomato, bean and marigold seeds and take others home, librarian Oskar Penhale said.\n';

function corpus(files: Record<string, string>): string {
  const dir = tempDir('tri-analyze-in-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('analyze --out writes an index listing every story, prints the titles, and says "1 article"', async () => {
  const out = tempDir('tri-analyze-out-');
  const result = await runCli(['analyze', corpus({ 'a.txt': FERRY_A, 'b.txt': FERRY_B, 'c.txt': LIBRARY }), '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as { stories: Array<{ id: string; title: string; articleIds: string[] }> };
  assert.ok(analysis.stories.length >= 2, 'the ferry and the library are different stories');
  const indexMd = readFileSync(join(out, 'index.md'), 'utf8');
  const indexHtml = readFileSync(join(out, 'index.html'), 'utf8');
  for (const story of analysis.stories) {
    assert.ok(result.stdout.includes(story.title), `the title "${story.title}" is printed`);
    assert.ok(indexMd.includes(`](${story.id}.md)`), `index.md links ${story.id}.md`);
    assert.ok(indexHtml.includes(`href="${story.id}.html"`), `index.html links ${story.id}.html`);
    assert.ok(existsSync(join(out, `${story.id}.md`)) && existsSync(join(out, `${story.id}.html`)));
  }
  const single = analysis.stories.find((s) => s.articleIds.length === 1);
  assert.ok(single, 'the library article is a story of its own');
  assert.match(readFileSync(join(out, `${single.id}.md`), 'utf8'), /^1 article from 1 independent source, of unknown outlet\.$/m);
  assert.match(result.stdout, /· 1 article · 1 source ·/);
  assert.doesNotMatch(`${result.stdout}${indexMd}`, /\b1 (articles|sources|stories)\b/);
});

test('analyze --out into a used folder replaces the previous analysis and leaves other files alone', async () => {
  const out = tempDir('tri-analyze-out-');
  const first = await runCli(['analyze', corpus({ 'a.txt': FERRY_A, 'b.txt': FERRY_B, 'c.txt': LIBRARY }), '--out', out]);
  assert.equal(first.code, 0, first.stderr);
  const firstIds = (JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as { stories: Array<{ id: string }> }).stories.map((s) => s.id);
  // A file of the user's, and one shaped like a dossier that no analysis wrote: neither may be deleted.
  writeFileSync(join(out, 'notes.txt'), 'my own notes');
  writeFileSync(join(out, 's-0123456789abcdef.md'), 'kept: not in the manifest');
  // A tampered manifest naming files outside the analysis's own names must not delete them either.
  const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { files: string[] };
  writeFileSync(join(out, MANIFEST), JSON.stringify({ files: [...manifest.files, 'notes.txt', '../escape.md'] }));

  const second = await runCli(['analyze', corpus({ 'c.txt': LIBRARY }), '--out', out]);
  assert.equal(second.code, 0, second.stderr);
  const secondIds = (JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as { stories: Array<{ id: string }> }).stories.map((s) => s.id);
  assert.equal(secondIds.length, 1);
  const expected = new Set([
    'index.html',
    'index.md',
    'analysis.json',
    MANIFEST,
    'notes.txt',
    's-0123456789abcdef.md',
    ...secondIds.flatMap((id) => [`${id}.md`, `${id}.html`]),
  ]);
  assert.deepEqual(new Set(readdirSync(out)), expected, `stale dossiers of ${firstIds.join(', ')} are gone, nothing else is`);
  assert.equal(readFileSync(join(out, 'notes.txt'), 'utf8'), 'my own notes');
  assert.doesNotMatch(readFileSync(join(out, 'index.md'), 'utf8'), /Saltmarsh/);
});

test('analyze --out into a path that is a file ends with one line naming it (exit 73), no stack', async () => {
  const blocker = join(tempDir('tri-analyze-blocked-'), 'not-a-folder');
  writeFileSync(blocker, 'a file where the output folder should be\n');
  const result = await runCli(['analyze', corpus({ 'c.txt': LIBRARY }), '--out', join(blocker, 'out')]);
  assert.equal(result.code, 73, result.stderr);
  assert.match(result.stderr, /cannot write into .*not-a-folder/);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
});
