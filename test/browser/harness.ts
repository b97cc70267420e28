import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { ingest, openStore, type Store } from '../../src/index.js';
import { type RunningServer, startServer } from '../../src/server/index.js';
import { ROOT, tempDir } from '../helpers.js';

/** Debian's Chromium; CI installs it with apt-get (.ci/run). Playwright's own browser downloads are never used. */
export const CHROMIUM = '/usr/bin/chromium';

/** `skip` value for browser tests: false when Chromium is there, else a note saying why they did not run. */
export const BROWSER_SKIP: false | string = existsSync(CHROMIUM)
  ? false
  : `Chromium not found at ${CHROMIUM} (apt-get install chromium): browser tests skipped`;

/** Where screenshots go (gitignored); CI keeps the folder as the run's artefacts. */
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** The UI built from the current sources into a temporary folder, so the tests never run a stale build. */
export async function buildUi(): Promise<string> {
  const outDir = tempDir('tri-ui-');
  const root = join(ROOT, 'web');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** A server on a free loopback port over a fresh store holding the sample corpus. */
export async function sampleServer(webRoot: string): Promise<{ server: RunningServer; store: Store }> {
  const store = await openStore(tempDir('tri-ui-store-'));
  const report = await ingest(store, [join(ROOT, 'samples', 'corpus')]);
  if (report.added === 0) throw new Error(`the sample corpus ingested nothing: ${JSON.stringify(report.problems)}`);
  const server = await startServer({ store, port: 0, webRoot, log: () => undefined });
  return { server, store };
}

/** Headless Chromium with a fresh profile and nothing that phones home. */
export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir('tri-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Saves a screenshot as test-artifacts/<name>.png (the whole page unless an element is given). */
export async function screenshot(page: Page, name: string, selector?: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  if (selector) await page.locator(selector).first().screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

/**
 * Records anything that would show script ran where it must not: a dialog (alert, confirm, prompt), a page error, or
 * a Content-Security-Policy violation reported on the console.
 */
export function watchForScript(page: Page): string[] {
  const events: string[] = [];
  page.on('dialog', (dialog) => {
    events.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => events.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) events.push(`csp on ${page.url()}: ${message.text()}`);
  });
  return events;
}
