import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repairText } from '../../src/clean/encoding/repair.js';
import { EXIT } from '../../src/cli/io.js';
import { terminalSafe } from '../../src/model/terminal.js';
import { runCli, tempDir } from '../helpers.js';

/** An OSC window-title change, a screen clear, a bell and an 8-bit CSI: what a hostile page puts in its title. */
const HOSTILE = '\u001b]0;owned\u0007\u001b[2J\u009b31m';
/** Any character a terminal acts on (tab and newline are layout, and allowed). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const RECORD = {
  title: `Harbour strike ends ${HOSTILE}`,
  outlet: `Portville ${HOSTILE}Post`,
  published: '2025-03-10',
  text: `Dock workers in Portville ended a nine-day strike on Friday ${HOSTILE} after the port authority agreed to raise wages by 6 percent, union leaders said. The agreement still needs a vote.`,
};

test('terminalSafe shows every control a terminal acts on as an inert escape, keeps tab and newline, and keeps JSON valid', () => {
  const safe = terminalSafe(`a${HOSTILE}\tb\nc`);
  assert.doesNotMatch(safe, RAW_CONTROL);
  assert.match(safe, /\\u001b\]0;owned\\u0007/);
  assert.match(safe, /\tb\nc$/);
  const json = terminalSafe(JSON.stringify({ t: `x\u009by` }));
  assert.deepEqual(JSON.parse(json), { t: 'x\u009by' });
});

test('stories --table, show, Markdown, JSON lines and problem lines print no raw control character', async () => {
  const dir = tempDir();
  const db = join(dir, 'db');
  const input = join(dir, 'feed.jsonl');
  writeFileSync(input, `${JSON.stringify(RECORD)}\n`);
  const empty = join(dir, `empty${HOSTILE}.txt`);
  writeFileSync(empty, '');
  const ingested = await runCli(['ingest', input, empty, '--db', db, '--budget-ms', '0']);
  assert.equal(ingested.code, EXIT.partial, ingested.stderr);
  assert.match(ingested.stderr, /empty\\u001b\]0;owned/);

  const tableOut = await runCli(['stories', '--db', db, '--table']);
  const lines = await runCli(['stories', '--db', db, '--json']);
  const id = (JSON.parse(lines.stdout.split('\n')[0] ?? '') as { id: string }).id;
  const shown = await runCli(['show', id, '--db', db]);
  const markdown = await runCli(['dossier', id, '--db', db, '--format', 'md']);
  const html = await runCli(['dossier', id, '--db', db, '--format', 'html']);
  for (const out of [ingested, tableOut, lines, shown, markdown, html]) {
    assert.equal(out.code === EXIT.ok || out === ingested, true, out.stderr);
    assert.doesNotMatch(out.stdout, RAW_CONTROL);
    assert.doesNotMatch(out.stderr, RAW_CONTROL);
  }
  assert.match(tableOut.stdout, /Harbour strike ends/);
  assert.match(shown.stdout, /Portville/);
});

test('cleaning removes control characters from stored text and records each removal as a repair', () => {
  const repaired = repairText(RECORD.text);
  assert.doesNotMatch(repaired.text, RAW_CONTROL);
  assert.match(repaired.text, /Friday \]0;owned\[2J/);
  const removed = repaired.repairs.filter((r) => r.reason === 'control characters removed');
  assert.deepEqual(
    removed.map((r) => r.from),
    ['\u001b', '\u0007\u001b'],
  );
});
