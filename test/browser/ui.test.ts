import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { ArticleView, Store, StoryPage } from '../../src/index.js';
import type { RunningServer } from '../../src/server/index.js';
import { BROWSER_SKIP, buildUi, launchBrowser, sampleServer, screenshot, watchForScript } from './harness.js';
import { HOSTILE_JSONL, HOSTILE_MARKERS } from './hostile.js';

/** A fictional article written for this test, uploaded through the UI. */
const UPLOADED = {
  name: 'saltmarsh-ferry.txt',
  text: 'Saltmarsh ferry returns after winter refit\n\nThe Saltmarsh ferry resumed crossings on Friday after a winter refit that replaced both diesel engines and widened the car deck. The operator said the boat would run every forty minutes until the autumn storms.\n',
};

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  assert.equal(response.status, 200, url);
  return (await response.json()) as T;
}

describe('web UI in Chromium', { skip: BROWSER_SKIP }, () => {
  let browser: BrowserContext;
  let server: RunningServer;
  let store: Store;

  before(async () => {
    const web = await buildUi();
    ({ server, store } = await sampleServer(web));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  async function open(path: string): Promise<{ page: Page; script: string[] }> {
    const page = await browser.newPage();
    const script = watchForScript(page);
    await page.goto(`${server.url}${path}`);
    return { page, script };
  }

  test('the story list shows every story with its counts', async () => {
    const { page, script } = await open('/');
    const rows = page.locator('table.story-list tbody tr');
    await rows.first().waitFor();
    const api = await json<StoryPage>(`${server.url}/api/stories?limit=25`);
    assert.ok(api.items.length >= 1, 'the sample corpus forms stories');
    assert.equal(await rows.count(), api.items.length);
    const first = api.items[0];
    assert.ok(first);
    const cells = await rows.first().locator('td').allTextContents();
    assert.equal(cells[0], first.title);
    assert.equal(cells[2], String(first.articleCount));
    assert.equal(cells[3], String(first.sourceCount));
    await screenshot(page, 'stories');
    assert.deepEqual(script, []);
    await page.close();
  });

  test('a citation opens the article scrolled to the exact span, highlighted', async () => {
    const top = (await json<StoryPage>(`${server.url}/api/stories?limit=1`)).items[0];
    assert.ok(top);
    const { page, script } = await open(`/#/story/${top.id}`);
    await page.locator('#summary').waitFor();
    assert.equal(await page.locator('h1').first().textContent(), top.title);
    await screenshot(page, 'dossier');
    await screenshot(page, 'timeline', '#timeline');
    await screenshot(page, 'matrix', '#matrix');
    // A chip far down the page (facts, else any section), so the reader must scroll to reach the span.
    const chips = page.locator('#facts a.chip[data-citation]');
    const chip = (await chips.count()) > 0 ? chips.last() : page.locator('a.chip[data-citation]').last();
    const citation = await chip.getAttribute('data-citation');
    assert.ok(citation, 'the dossier has at least one citation chip');
    const [articleId = '', start = 0, end = 0] = citation.split(':').map((part, i) => (i === 0 ? part : Number(part))) as [string, number, number];
    await chip.click();
    const mark = page.locator('mark.cited');
    await mark.waitFor();
    const view = await json<ArticleView>(`${server.url}/api/articles/${articleId}`);
    assert.equal(await mark.textContent(), view.article.text.slice(start, end), 'the highlight covers exactly the cited span');
    assert.match(page.url(), new RegExp(`#/article/${articleId}\\?start=${start}&end=${end}$`));
    const inView = await mark.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, height: window.innerHeight, background: getComputedStyle(el).backgroundColor };
    });
    assert.ok(inView.top >= 0 && inView.top < inView.height, `span top ${inView.top} inside the ${inView.height}px viewport`);
    assert.notEqual(inView.background, 'rgba(0, 0, 0, 0)', 'the span has a highlight background');
    await screenshot(page, 'article-cited');
    assert.deepEqual(script, []);
    await page.close();
  });

  test('a file ingested through the UI shows progress, then a report, and lands in the store', async () => {
    const { page, script } = await open('/#/ingest');
    await page.locator('input[type=file]').setInputFiles({ name: UPLOADED.name, mimeType: 'text/plain', buffer: Buffer.from(UPLOADED.text) });
    await page.locator('button.primary').click();
    const report = page.locator('.report');
    await report.waitFor({ timeout: 60_000 });
    assert.match((await report.textContent()) ?? '', /1 new article, 0 already stored, 0 problems/);
    await screenshot(page, 'ingest');
    const found = await json<{ items: Array<{ path: string }> }>(`${server.url}/api/articles?q=Saltmarsh`);
    assert.deepEqual(
      found.items.map((a) => a.path),
      [`upload/${UPLOADED.name}`],
    );
    assert.deepEqual(script, []);
    await page.close();
  });

  test('a hostile article is shown as text and runs no script', async () => {
    const { page, script } = await open('/#/ingest');
    await page.locator('input[type=file]').setInputFiles({ name: 'hostile.jsonl', mimeType: 'application/json', buffer: Buffer.from(HOSTILE_JSONL) });
    await page.locator('button.primary').click();
    await page.locator('.report').waitFor({ timeout: 60_000 });
    const reports = await page.evaluate(() => document.querySelector('.report')?.textContent ?? '');
    assert.match(reports, /2 new articles/);
    const ids = (await json<{ items: Array<{ id: string; path: string }> }>(`${server.url}/api/articles?limit=200`)).items
      .filter((a) => a.path === 'upload/hostile.jsonl')
      .map((a) => a.id);
    assert.equal(ids.length, 2);

    const pwned = (): Promise<boolean> => page.evaluate(() => '__pwned' in window);
    for (const id of ids) {
      const view = await json<ArticleView>(`${server.url}/api/articles/${id}`);
      await page.goto(`${server.url}/#/article/${id}`);
      await page.locator('.reader-text').waitFor();
      const shown = (await page.locator('.reader').textContent()) ?? '';
      const kept = HOSTILE_MARKERS.filter((m) => view.article.text.includes(m) || (view.article.title ?? '').includes(m));
      assert.ok(kept.length > 0, 'the hostile markup reached the stored article');
      for (const marker of kept) assert.ok(shown.includes(marker), `"${marker}" is shown as text`);
      assert.equal(await page.locator('.reader script, .reader img, .reader iframe, .reader svg').count(), 0, 'no element came from article data');
      for (const link of await page.locator('.reader a').all()) {
        const href = (await link.getAttribute('href')) ?? '';
        assert.doesNotMatch(href, /^\s*javascript:/i, 'no javascript: link');
        await link.hover();
      }
      for (const details of await page.locator('.reader details').all()) await details.locator('summary').click();
      assert.equal(await pwned(), false);

      if (view.storyId) {
        await page.goto(`${server.url}/#/story/${view.storyId}`);
        await page.locator('#summary').waitFor();
        await page.goto(`${server.url}/api/stories/${view.storyId}?format=html`);
        await page.goto(`${server.url}/#/?q=budget`);
        await page.locator('a.story-link').first().waitFor();
        const titles = await page.locator('a.story-link').allTextContents();
        assert.ok(
          titles.some((t) => t.includes('</script><script>')),
          `a title holding </script> is listed as text: ${titles.join(' | ')}`,
        );
        assert.equal(await pwned(), false);
      }
    }
    await screenshot(page, 'hostile');
    assert.equal(await pwned(), false);
    assert.deepEqual(script, []);
    await page.close();
  });
});
