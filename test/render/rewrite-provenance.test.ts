import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, tempDir } from '../helpers.js';
import { REWRITE, WIRE } from '../link/rewrite-texts.js';

test('the dossier lists a rewrite under its original’s source with the reason, escaped in HTML', async () => {
  const dir = tempDir('tri-rewrite-');
  const records = [
    { title: 'Ferry terminal <b>closes</b> & commuters wait', text: WIRE, outlet: 'Coastal Wire Service', published: '2031-05-01' },
    { title: 'Kestrel Point terminal to shut for repairs', text: REWRITE, outlet: 'Dunmore Daily', published: '2031-05-02' },
  ];
  writeFileSync(join(dir, 'in.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
  const out = join(dir, 'out');
  const result = await runCli(['analyze', join(dir, 'in.jsonl'), '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const dossier = (ext: string) => readFileSync(join(out, readdirSync(out).find((f) => f.startsWith('s-') && f.endsWith(ext)) as string), 'utf8');
  const md = dossier('.md');
  assert.match(md, /1 independent source/);
  assert.match(
    md,
    /Kestrel Point terminal to shut for repairs \(rewrite of Ferry terminal \\<b\\>closes\\<\/b\\> & commuters wait: \d+ of its \d+ sentences retell/,
  );
  const html = dossier('.html');
  assert.match(
    html,
    /<em>\(rewrite of <a href="#a-[0-9a-f]+">Ferry terminal &lt;b&gt;closes&lt;\/b&gt; &amp; commuters wait<\/a>: \d+ of its \d+ sentences retell the original&#39;s, in the same order\)<\/em>/,
  );
  assert.doesNotMatch(html, /<b>closes<\/b>/);
});
