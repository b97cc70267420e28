import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { Analysis } from '../../src/model/contract.js';
import { esc } from '../../src/render/escape.js';
import { md } from '../../src/render/markdown.js';
import { ROOT, runCli, tempDir } from '../helpers.js';

/**
 * Snapshots of what `triangulate analyze samples/corpus --out` writes: the index and every story's Markdown and HTML
 * dossier, so any change to what a reader sees shows up as a diff to review. After an intended change, accept the
 * new output with `npm run snapshots` (or `node scripts/test.mjs --update-snapshots sample-snapshots`) and commit it.
 */
const SNAPSHOTS = join(ROOT, 'test', 'snapshots', 'sample-corpus');
const UPDATE = process.env.TRIANGULATE_UPDATE_SNAPSHOTS === '1';

let files: Map<string, string>;
let analysis: Analysis;

/** Output made comparable across machines: the checkout's path is the only machine-specific text in it. */
function normalise(text: string): string {
  return text.split(ROOT).join('<root>');
}

before(async () => {
  const out = tempDir('tri-snapshots-');
  const result = await runCli(['analyze', join(ROOT, 'samples', 'corpus'), '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  files = new Map(
    readdirSync(out)
      .filter((name) => name.endsWith('.md') || name.endsWith('.html'))
      .sort()
      .map((name) => [name, normalise(readFileSync(join(out, name), 'utf8'))]),
  );
  analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as Analysis;
});

test("the sample corpus's index and dossiers match their snapshots", () => {
  if (UPDATE) {
    rmSync(SNAPSHOTS, { recursive: true, force: true });
    mkdirSync(SNAPSHOTS, { recursive: true });
    for (const [name, text] of files) writeFileSync(join(SNAPSHOTS, name), text);
  }
  const stored = readdirSync(SNAPSHOTS).sort();
  assert.deepEqual([...files.keys()], stored, 'the same files (a changed story id or story count shows here); `npm run snapshots` accepts the change');
  for (const [name, text] of files) {
    const expected = readFileSync(join(SNAPSHOTS, name), 'utf8');
    if (text === expected) continue;
    const lines = text.split('\n');
    const old = expected.split('\n');
    const at = lines.findIndex((line, i) => line !== old[i]);
    assert.fail(
      `${name} differs from its snapshot at line ${at + 1}:\n- ${old[at]?.slice(0, 300)}\n+ ${lines[at]?.slice(0, 300)}\n(\`npm run snapshots\` accepts the new output)`,
    );
  }
});

test('nothing is silently cut: every fact of every story is in its Markdown and its HTML', () => {
  for (const story of analysis.stories) {
    const markdown = files.get(`${story.id}.md`) ?? '';
    const html = files.get(`${story.id}.html`) ?? '';
    const missingMd = story.facts.filter((f) => !markdown.includes(md(f.text)));
    const missingHtml = story.facts.filter((f) => !html.includes(esc(f.text)));
    assert.deepEqual(
      missingMd.map((f) => f.text.slice(0, 80)),
      [],
      `${story.id}.md lists every fact${/… and \d+ more/.test(markdown) ? ' (it says "… and N more")' : ''}`,
    );
    assert.deepEqual(
      missingHtml.map((f) => f.text.slice(0, 80)),
      [],
      `${story.id}.html lists every fact`,
    );
  }
});
