import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Analysis } from '../src/model/contract.js';
import { runCli, tempDir } from './helpers.js';

// Three fictional reports of one invented happening, written for this test: a bulleted wire digest, a story whose
// quote spans two sentences, and a short rewrite. Names, places and figures are made up.
const ARTICLES: Record<string, string> = {
  'harbor-wire.txt': `Port of Valmara reopens after storm
VALMARA — The Valmara port authority reopened the northern harbour to cargo ships on Tuesday after a four-day closure.
Key points
- The port authority reopened the northern harbour to cargo ships on Tuesday.
- Harbour master Ilse Brandt said the breakwater held.
- Repairs to the ferry pier will take three more weeks.
Harbour master Ilse Brandt told reporters that the breakwater had held through the worst of the storm.
"The breakwater did its job. We lost two cranes and one warehouse roof," Brandt said.
Repairs to the ferry pier will take three more weeks, the authority said.`,
  'coast-daily.txt': `Valmara harbour back in business
The Valmara port authority reopened the northern harbour to cargo ships on Tuesday after a four-day closure.
"The breakwater did its job. We lost two cranes and one warehouse roof," harbour master Ilse Brandt said at the quay.
Shipping agents said twelve vessels had waited at anchor outside the harbour since Friday.
Repairs to the ferry pier will take three more weeks, according to the port authority.`,
  'island-news.txt': `Cargo ships return to Valmara
The port authority in Valmara reopened the northern harbour to cargo ships on Tuesday, ending a four-day closure.
Twelve vessels had waited at anchor outside the harbour since Friday, shipping agents said.
Fishermen in the old town said the storm was the worst in a decade.`,
};

test('the summary is whole sentences with source counts; Markdown lists every fact (nothing cut)', async () => {
  const dir = tempDir();
  const input = join(dir, 'in');
  const out = join(dir, 'out');
  (await import('node:fs')).mkdirSync(input);
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(input, name), text);
  const run = await runCli(['analyze', input, '--json']);
  assert.equal(run.code, 0, run.stderr);
  const analysis = JSON.parse(run.stdout) as Analysis;
  const story = analysis.stories[0];
  assert.ok(story);
  assert.ok(story.summary.length >= 2, JSON.stringify(story.summary));
  for (const s of story.summary) {
    assert.match(s.text, /^[\p{Lu}\p{N}“"]/u, `summary line starts mid-sentence: ${s.text}`);
    assert.doesNotMatch(s.text, /^[-–—•*]\s/u, `summary line starts with a list marker: ${s.text}`);
    assert.equal((s.text.match(/"/g) ?? []).length % 2, 0, `summary line starts or ends inside a quote: ${s.text}`);
    assert.ok((s.independentSources ?? 0) >= 1);
    const article = analysis.articles.find((a) => a.id === s.citations[0]?.articleId);
    assert.equal(article?.text.slice(s.citations[0]?.start, s.citations[0]?.end), s.text, 'the first citation is the exact words shown');
  }
  // The reopening, told by every outlet, leads.
  assert.match(story.summary[0]?.text ?? '', /reopened the northern harbour/);
  assert.ok((story.summary[0]?.independentSources ?? 0) >= 2);

  const written = await runCli(['analyze', input, '-o', out, '-f', 'md']);
  assert.equal(written.code, 0, written.stderr);
  const md = readdirSync(out)
    .filter((f) => f.endsWith('.md') && f.startsWith('s-'))
    .map((f) => readFileSync(join(out, f), 'utf8'))
    .join('\n');
  assert.doesNotMatch(md, /… and \d+ more/);
  for (const f of story.facts)
    assert.ok(
      md.includes(
        f.text
          .replace(/\s+/g, ' ')
          .slice(0, 30)
          .replace(/[\\`*_{}[\]<>#|!~]/g, (c) => `\\${c}`),
      ),
      `missing fact: ${f.text}`,
    );
});
