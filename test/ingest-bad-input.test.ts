import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXIT } from '../src/cli/io.js';
import { runCli, tempDir } from './helpers.js';

const GOOD =
  'Harbour workers end strike\n\nPORTVILLE — Dock workers in Portville ended a nine-day strike on Friday after the port authority agreed to raise wages by 6 percent, union leaders said.\n\nThe agreement still needs a vote by members next week, according to the union.\n';

function corpus(): string {
  const dir = tempDir();
  const inputs = join(dir, 'in');
  mkdirSync(inputs);
  writeFileSync(join(inputs, 'good.txt'), GOOD);
  writeFileSync(join(inputs, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(inputs, 'empty.txt'), '');
  writeFileSync(join(inputs, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'a'));
  writeFileSync(
    join(inputs, 'latin1.txt'),
    Buffer.from('Caf\xe9 owners in Portville said the strike hurt trade for nine days, and the council promised help.\n', 'latin1'),
  );
  writeFileSync(
    join(inputs, 'dump.jsonl'),
    [
      JSON.stringify({
        title: 'Council meets',
        text: 'The Portville council met on Monday to discuss the port budget, the mayor said in a statement to reporters.',
        outlet: 'Portville Post',
        published: '2025-03-10',
      }),
      '{ this is not json',
      JSON.stringify({ title: 'No text here' }),
      '',
    ].join('\n'),
  );
  return inputs;
}

test('bad inputs each get a clear error naming file (and line); the good ones are stored', async () => {
  const inputs = corpus();
  const db = join(tempDir(), 'db');
  const missing = join(inputs, 'does-not-exist.txt');
  const result = await runCli(['ingest', inputs, missing, '--db', db]);
  assert.equal(result.code, EXIT.partial, result.stderr);
  const err = result.stderr;
  assert.match(err, /binary\.txt: binary data/);
  assert.match(err, /empty\.txt: empty file/);
  assert.match(err, /huge\.txt: file is 50\.0 MB, over the 16\.0 MB limit/);
  assert.match(err, /warning: .*latin1\.txt: invalid UTF-8: decoded as windows-1252/);
  assert.match(err, /does-not-exist\.txt: no such file or folder/);
  assert.match(err, /dump\.jsonl:2: not JSON/);
  assert.match(err, /dump\.jsonl:3: not an article record/);
  assert.match(result.stdout, /ingested 3 new articles/);

  const listed = await runCli(['stories', '--db', db, '--json']);
  const stories = listed.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { articleCount: number });
  assert.equal(
    stories.reduce((n, s) => n + s.articleCount, 0),
    3,
  );
});

test('nothing readable at all is exit code 5', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'empty.txt'), '');
  const result = await runCli(['ingest', join(dir, 'empty.txt'), '--db', join(dir, 'db')]);
  assert.equal(result.code, EXIT.noInput);
});

test('stdin is read with -', async () => {
  const db = join(tempDir(), 'db');
  const result = await runCli(['ingest', '-', '--db', db, '--json'], { stdin: GOOD });
  assert.equal(result.code, EXIT.ok, result.stderr);
  assert.equal((JSON.parse(result.stdout) as { added: number }).added, 1);
});

test('usage errors are exit code 2 with a message', async () => {
  const unknown = await runCli(['frobnicate']);
  assert.equal(unknown.code, EXIT.usage);
  assert.match(unknown.stderr, /unknown command/);
  const format = await runCli(['dossier', 's-x', '--format', 'pdf', '--db', join(tempDir(), 'db')]);
  assert.equal(format.code, EXIT.usage);
  assert.match(format.stderr, /unknown format "pdf"/);
});

test('an unknown story is exit code 3', async () => {
  const db = join(tempDir(), 'db');
  assert.equal((await runCli(['ingest', '-', '--db', db, '--budget-ms', '0'], { stdin: GOOD })).code, EXIT.ok);
  const result = await runCli(['show', 's-nope', '--db', db]);
  assert.equal(result.code, EXIT.notFound);
  assert.match(result.stderr, /no story "s-nope"/);
});
