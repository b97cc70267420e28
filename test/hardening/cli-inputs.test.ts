import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXIT } from '../../src/cli/io.js';
import { isProblem, type ReadItem, readDocuments } from '../../src/ingest/read.js';
import { openStore } from '../../src/store/index.js';
import { ROOT, runCli, tempDir } from '../helpers.js';

const GOOD =
  'Harbour workers end strike\n\nPORTVILLE — Dock workers in Portville ended a nine-day strike on Friday after the port authority agreed to raise wages by 6 percent, union leaders said.\n';

async function storeWithOneStory(): Promise<{ dir: string; db: string; id: string }> {
  const dir = tempDir();
  const db = join(dir, 'db');
  assert.equal((await runCli(['ingest', '-', '--db', db, '--budget-ms', '0'], { stdin: GOOD })).code, EXIT.ok);
  const id = (JSON.parse((await runCli(['stories', '--db', db, '--json'])).stdout.split('\n')[0] ?? '') as { id: string }).id;
  return { dir, db, id };
}

async function readAll(paths: string[], options: Parameters<typeof readDocuments>[1] = {}): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readDocuments(paths, options)) items.push(item);
  return items;
}

test('a write error names the path and the reason, exits 73, and prints no stack', async () => {
  const { db, id } = await storeWithOneStory();
  const missing = await runCli(['dossier', id, '--db', db, '-o', '/nonexistent/dir/x.md']);
  assert.equal(missing.code, EXIT.cannotWrite);
  assert.match(missing.stderr, /^triangulate: cannot write \/nonexistent\/dir\/x\.md: no such file or folder \(ENOENT\)\n$/);
  if (existsSync('/dev/full')) {
    const full = await runCli(['dossier', id, '--db', db, '-o', '/dev/full']);
    assert.equal(full.code, EXIT.cannotWrite);
    assert.match(full.stderr, /^triangulate: cannot write \/dev\/full: no space left on the device \(ENOSPC\)\n$/);
  }
});

test('read commands on a store that does not exist say so (exit 4) and create nothing', async () => {
  const typo = join(tempDir(), 'tyop');
  for (const args of [['stories'], ['show', 's-x'], ['dossier', 's-x']]) {
    const result = await runCli([...args, '--db', typo]);
    assert.equal(result.code, EXIT.store, result.stderr);
    assert.match(result.stderr, /no store at .*tyop/);
  }
  assert.equal(existsSync(typo), false);
});

test('a reader that closes the pipe early ends the CLI quietly with exit 0', async () => {
  const { db } = await storeWithOneStory();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/cli-entry.ts'), 'stories', '--json', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy(); // like `| head -0`: the reader is gone before the first line is written
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, EXIT.ok, stderr);
  assert.doesNotMatch(stderr, /EPIPE|Error/);
});

test('devices, FIFOs and sockets are refused with a clear message at once; /dev/stdin reads standard input', async () => {
  const dir = tempDir();
  const started = Date.now();
  const zero = await runCli(['ingest', '/dev/zero', '--db', join(dir, 'db')]);
  assert.equal(zero.code, EXIT.noInput);
  assert.match(zero.stderr, /\/dev\/zero: a device, not a regular file/);
  const fifo = join(dir, 'pipe.txt');
  if (spawnSync('mkfifo', [fifo]).status === 0) {
    const result = await runCli(['ingest', fifo, '--db', join(dir, 'db')]);
    assert.equal(result.code, EXIT.noInput);
    assert.match(result.stderr, /pipe\.txt: a pipe \(FIFO\), not a regular file/);
  }
  assert.ok(Date.now() - started < 5_000, 'refused without reading');
  const stdin = await runCli(['ingest', '/dev/stdin', '--db', join(dir, 'db'), '--budget-ms', '0', '--json'], { stdin: GOOD });
  assert.equal(stdin.code, EXIT.ok, stdin.stderr);
  assert.equal((JSON.parse(stdin.stdout) as { added: number }).added, 1);
});

test('a file is read to at most the byte cap even when it reports a smaller size', async (t) => {
  // /proc files report size 0 and hold more: exactly a file whose reported size cannot be trusted.
  if (!existsSync('/proc/self/smaps')) return t.skip('needs /proc');
  const items = await readAll(['/proc/self/smaps'], { limits: { maxFileBytes: 1024 } });
  assert.equal(items.length, 1);
  const [item] = items;
  assert.ok(item && isProblem(item));
  assert.match(item.reason, /over the 1 KB limit for one article/);
});

test('pages and files without article text are refused per file, not stored', async () => {
  const dir = tempDir();
  const inputs = join(dir, 'in');
  mkdirSync(inputs);
  writeFileSync(join(inputs, 'empty-body.html'), '<!doctype html><html><head><title>Portville Post</title></head><body></body></html>');
  writeFileSync(
    join(inputs, 'chrome.html'),
    '<html><body><header><a href="/">Portville Post</a></header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></body></html>',
  );
  writeFileSync(join(inputs, 'attribute.html'), `<html><body><p title="${'x'.repeat(1024 * 1024)}`);
  writeFileSync(join(inputs, 'one-word.txt'), 'Hello\n');
  const db = join(dir, 'db');
  const result = await runCli(['ingest', inputs, '--db', db, '--budget-ms', '0']);
  assert.equal(result.code, EXIT.noInput, result.stderr);
  for (const name of ['empty-body.html', 'chrome.html', 'attribute.html', 'one-word.txt'])
    assert.match(result.stderr, new RegExp(`${name.replace('.', '\\.')}: (no article text|no sentence|only \\d+ letters)`));
  const store = await openStore(db);
  try {
    assert.equal(await store.countArticles(), 0);
    assert.equal(await store.countStories(), 0);
  } finally {
    await store.close();
  }
});

test('file names that are not UTF-8 are read (in a folder or named) and shown with the odd bytes escaped', async () => {
  const dir = tempDir();
  const folder = join(dir, 'in');
  mkdirSync(folder);
  const name = Buffer.concat([Buffer.from(`${folder}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]);
  writeFileSync(name, GOOD);
  const walked = await readAll([folder]);
  assert.equal(walked.length, 1);
  const [doc] = walked;
  assert.ok(doc && !isProblem(doc));
  assert.equal(doc.source.path, 'in/caf\\xe9.txt');
  // Node gives such an argument as U+FFFD for the invalid byte: the one file it can mean is found.
  const named = await readAll([`${folder}/caf\uFFFD.txt`]);
  assert.equal(named.length, 1);
  assert.ok(named[0] && !isProblem(named[0]));
  assert.equal(named[0].source.path, 'caf\\xe9.txt');
});

test('stored names are relative to the ingest root: the API never shows a path on this machine', async () => {
  const dir = tempDir();
  const folder = join(dir, 'desk');
  mkdirSync(join(folder, 'monday'), { recursive: true });
  writeFileSync(join(folder, 'monday', 'strike.txt'), GOOD);
  const items = await readAll([folder, join(folder, 'monday', 'strike.txt')]);
  const paths = items.map((i) => (isProblem(i) ? i.reason : i.source.path));
  assert.deepEqual(paths, ['desk/monday/strike.txt', 'strike.txt']);
});
