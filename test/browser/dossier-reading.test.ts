import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { type Analysis, type ArticleView, ingest, openStore, type Store, type StoryPage } from '../../src/index.js';
import { type RunningServer, startServer } from '../../src/server/index.js';
import { ROOT, tempDir } from '../helpers.js';
import { BROWSER_SKIP, buildUi, launchBrowser, screenshot, watchForScript } from './harness.js';

/** A box on the page, as getBoundingClientRect gives it. */
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  text: string;
}

/** Sub-pixel rounding of glyph boxes: two labels that merely touch are not overlapping. */
const TOUCH = 0.5;

/** Pairs of boxes that overlap by more than TOUCH in both directions. */
function overlaps(boxes: readonly Box[]): string[] {
  const out: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > TOUCH && y > TOUCH) out.push(`"${a.text}" overlaps "${b.text}"`);
    }
  });
  return out;
}

/** Bounding boxes of every element matching `selector` (SVG text boxes are the drawn glyphs' extent). */
function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: el.textContent ?? '' };
    }),
  );
}

/**
 * Where a summary sentence may start in its article: at a sentence start, or after what only introduces a sentence
 * — a list marker ("- ", "• ") or a dateline ("PORT AUGUSTA — ") — which the summary leaves out.
 */
const SENTENCE_LEAD = /^(?:[-–•*]\s{1,3}|\p{Lu}[\p{Lu}\p{M}\s.,'’()/-]{1,60}[—–-]\s{0,3})?$/u;

/** Why a summary line does not read as a whole sentence, or null when it does. */
function notWhole(text: string): string | null {
  if (/^[-–•*]\s/.test(text)) return 'starts with a list marker';
  if (/^\p{Ll}/u.test(text)) return 'starts in lower case';
  // The first quotation mark must open a quotation: a closing one first means the line starts inside a quote.
  const first = text.search(/[“”"]/);
  const mark = text[first];
  if (mark === '”' || (mark === '"' && /[,.!?]/.test(text[first - 1] ?? ''))) return 'starts inside a quotation';
  return null;
}

/**
 * The corpora read: the bundled sample corpus (outlets named, the story list and the API page are shot there), and
 * fictional pasted articles with what confused readers of real ones (hash file names and no outlet in the text, a
 * bullet list, a dateline, a quotation spanning sentences).
 */
const CORPORA = [
  { name: 'sample', path: join(ROOT, 'samples', 'corpus') },
  { name: 'pasted', path: join(ROOT, 'test', 'fixtures', 'reading') },
];

for (const corpus of CORPORA) {
  describe(`a dossier as a reader sees it, in Chromium (${corpus.name} articles)`, { skip: BROWSER_SKIP }, () => {
    let browser: BrowserContext;
    let server: RunningServer;
    let store: Store;
    let analysis: Analysis;
    let fileStems: string[];

    before(async () => {
      const web = await buildUi();
      store = await openStore(tempDir('tri-reading-store-'));
      const report = await ingest(store, [corpus.path]);
      assert.ok(report.added > 0, `the ${corpus.name} corpus ingested: ${JSON.stringify(report.problems)}`);
      server = await startServer({ store, port: 0, webRoot: web, log: () => undefined });
      browser = await launchBrowser();
      const top = (await get<StoryPage>('/api/stories?limit=1')).items[0];
      assert.ok(top, 'the sample corpus forms a story');
      analysis = await get<Analysis>(`/api/stories/${top.id}`);
      const articles = await get<{ items: Array<{ path: string }> }>('/api/articles?limit=200');
      // The start of each input file's name: a chip showing it would be naming the file, not the outlet.
      fileStems = articles.items.map((a) => basename(a.path).slice(0, 6));
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      await store?.close();
    });

    async function get<T>(path: string): Promise<T> {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 200, path);
      return (await response.json()) as T;
    }

    async function open(path: string): Promise<{ page: Page; script: string[] }> {
      const page = await browser.newPage();
      const script = watchForScript(page);
      await page.goto(`${server.url}${path}`);
      return { page, script };
    }

    test('the story list', async () => {
      const { page, script } = await open('/');
      await page.locator('table.story-list tbody tr').first().waitFor();
      await screenshot(page, `reading-${corpus.name}-story-list`);
      assert.deepEqual(script, []);
      await page.close();
    });

    test('the dossier: whole summary sentences, a Conflicts section, chips that name outlets, a timeline whose labels do not overlap', async () => {
      const story = analysis.stories[0];
      assert.ok(story);
      const { page, script } = await open(`/#/story/${story.id}`);
      await page.locator('#summary').waitFor();
      await screenshot(page, `reading-${corpus.name}-dossier`);
      for (const section of ['summary', 'conflicts', 'timeline', 'matrix']) {
        assert.equal(await page.locator(`section#${section}`).count(), 1, `the ${section} section is there`);
        await screenshot(page, `reading-${corpus.name}-${section}`, `section#${section}`);
      }

      // Summary: each line is a whole sentence, and its citation starts where a sentence of its article starts.
      assert.ok(story.summary.length > 0, 'the sample story has a summary');
      const shown = await page.locator('#summary li').allTextContents();
      assert.equal(shown.length, story.summary.length);
      for (const [i, line] of story.summary.entries()) {
        assert.equal(notWhole(line.text), null, `summary line ${i + 1} "${line.text.slice(0, 80)}"`);
        assert.ok(shown[i]?.startsWith(line.text.slice(0, 40)), `summary line ${i + 1} is shown as written`);
        const cited = line.citations[0];
        assert.ok(cited, `summary line ${i + 1} is cited`);
        const view = await get<ArticleView>(`/api/articles/${cited.articleId}`);
        const sentence = (view.layers.sentences ?? []).find((s) => s.start <= cited.start && cited.start < s.end);
        assert.ok(sentence, `summary line ${i + 1} cites text inside a sentence`);
        const lead = view.article.text.slice(sentence.start, cited.start);
        assert.match(lead, SENTENCE_LEAD, `summary line ${i + 1} starts at a sentence start, not after "${lead.slice(-60)}"`);
      }

      // Conflicts: the section is there even when nothing conflicts (it then says so).
      assert.match((await page.locator('#conflicts h2').textContent()) ?? '', /^Conflicts/);

      // Chips name outlets or sources, never an input file.
      const chips = (await page.locator('a.chip').allTextContents()).map((t) => t.replace(/…$/, ''));
      assert.ok(chips.length > 0, 'the dossier has citation chips');
      for (const chip of new Set(chips)) {
        assert.doesNotMatch(chip, /\.(txt|md|html?|jsonl?|xml|warc)\b|[/\\]/i, `chip "${chip}" is not a file name`);
        for (const stem of fileStems) assert.ok(!chip.includes(stem), `chip "${chip}" does not show the file name starting "${stem}"`);
      }

      // Timeline: labels overlap neither each other nor another item's marker, and stay inside the picture.
      const picture = (await boxes(page, '#timeline svg.timeline'))[0];
      assert.ok(picture, 'the sample story has a timeline picture');
      const labels = await boxes(page, '#timeline svg .marker text');
      assert.ok(labels.length >= 2, 'several labelled markers');
      assert.deepEqual(overlaps(labels), []);
      const marks = await boxes(page, '#timeline svg .marker circle, #timeline svg .marker rect');
      for (const label of labels) {
        assert.ok(label.left >= picture.left - TOUCH && label.right <= picture.right + TOUCH, `"${label.text}" inside the picture`);
        for (const mark of marks) assert.deepEqual(overlaps([label, { ...mark, text: 'a marker' }]), []);
      }
      // A shortened label shows its whole text when pointed at.
      const shortened = page.locator('#timeline svg .marker').filter({ hasText: '…' }).first();
      if ((await shortened.count()) > 0) {
        await shortened.hover();
        const whole = (await shortened.getAttribute('aria-label')) ?? '';
        const detail = (await page.locator('#timeline .timeline-detail').textContent()) ?? '';
        assert.ok(detail.includes(whole.slice(whole.indexOf(': ') + 2)), 'hovering a shortened label shows the whole statement');
        await screenshot(page, `reading-${corpus.name}-timeline-hover`, 'section#timeline');
      }
      assert.deepEqual(script, []);
      await page.close();
    });

    test('the exported HTML dossier draws a labelled timeline whose labels do not overlap', async () => {
      const story = analysis.stories[0];
      assert.ok(story);
      const { page } = await open(`/api/stories/${story.id}?format=html`);
      const picture = page.locator('svg.timeline');
      await picture.waitFor();
      await screenshot(page, `reading-${corpus.name}-export-timeline`, 'svg.timeline');
      const labels = await boxes(page, 'svg.timeline a text.label');
      assert.ok(labels.length >= 2, 'the static picture has labels, not bare dots');
      assert.deepEqual(overlaps(labels), []);
      for (const link of await page.locator('svg.timeline a').all()) {
        const target = ((await link.getAttribute('href')) ?? '').slice(1);
        assert.equal(await page.locator(`li[id="${target}"]`).count(), 1, `marker links to its list item ${target}`);
        assert.ok(((await link.locator('title').textContent()) ?? '').length > 0, 'each marker has its whole text as a tooltip');
      }
      // The Conflicts section is always there (issue 13 adds it when nothing conflicts; the heading is the anchor).
      assert.equal(await page.locator('h2', { hasText: /^Conflicts$/ }).count(), 1, 'the exported dossier has a Conflicts section');
      await page.close();
    });

    test('the API reference page', async () => {
      const { page, script } = await open('/');
      await page.locator('header.top a', { hasText: 'API' }).click();
      await page.waitForURL(/\/api\/reference$/);
      await page.locator('h1').waitFor();
      assert.equal(await page.locator('h1').textContent(), 'Triangulate API');
      assert.ok((await page.locator('section.op').count()) >= 5, 'the operations are listed');
      await screenshot(page, `reading-${corpus.name}-api-reference`);
      assert.deepEqual(script, []);
      await page.close();
    });
  });
}
