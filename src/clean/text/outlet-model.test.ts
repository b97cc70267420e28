import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeDocument } from '../../ingest/records.js';
import { cleanDocument } from '../index.js';
import { resetRegistry } from '../outlet-registry.js';
import type { OutletCandidate } from './outlet-features.js';
import { registryName } from './outlet-model.js';

/** An invented pasted page: menu, headline, byline, body paragraphs, then whatever furniture the test adds. */
function page(top: string[], bottom: string[], body: string[] = BODY): string {
  return [...top, '', 'Council approves a new ferry timetable for the winter months', '', 'By Ana Ruiz', '', ...body.flatMap((p) => [p, '']), ...bottom].join(
    '\n',
  );
}

const BODY = [
  'The harbour council voted on Tuesday to approve a new ferry timetable that adds two early crossings on weekdays and drops the last boat on Sundays.',
  'Councillors said the change follows a survey of commuters who asked for earlier boats, and that the cost will be met from the existing transport budget.',
  'The new timetable takes effect on the first Monday of November and will be reviewed after three months, the council said in a statement.',
];
const MENU = ['Home', 'News', 'Sport', 'Opinion', 'Weather'];

function outletOf(text: string): string | null {
  return cleanDocument(makeDocument({ kind: 'text', path: 'pasted.txt' }, 'text', text)).outlet;
}

test('a copyright footer and the site furniture name the outlet', () => {
  const text = page(MENU, ['About Harbour Gazette', 'Contact us', 'Privacy policy', '© 2026 Harbour Gazette. All rights reserved.']);
  assert.equal(outletOf(text), 'Harbour Gazette');
});

test('a masthead line repeated in the footer names the outlet', () => {
  const text = page(['Valley Ledger', ...MENU], ['Valley Ledger Newsletters', 'Subscribe to Valley Ledger', 'Terms of use']);
  assert.equal(outletOf(text), 'Valley Ledger');
});

test("a page title's site part names the outlet when the site's furniture agrees", () => {
  const top = ['Council approves a new ferry timetable | Northfield Courier', ...MENU];
  const text = page(top, ['Northfield Courier Staff', 'Northfield Courier Events', 'Northfield Courier Jobs', 'Terms of use', 'Privacy policy']);
  assert.equal(outletOf(text), 'Northfield Courier');
});

test('a photo credit names where a photo came from, never the outlet', () => {
  const body = [...BODY.slice(0, 2), 'Photo: Meridian Wire', 'A ferry leaves the harbour at dawn. Photo: Meridian Wire', BODY[2] as string];
  const outlet = outletOf(page(MENU, ['Terms of use', 'Privacy policy'], body));
  assert.notEqual(outlet, 'Meridian Wire');
  assert.equal(outletOf(page(MENU, ['About Harbour Gazette', '© 2026 Harbour Gazette. All rights reserved.'], body)), 'Harbour Gazette');
});

test('an outlet a report is attributed to ("according to …") is not the page outlet', () => {
  const body = [
    ...BODY,
    'According to the Coastline Courier, the ferry operator had asked for the change last year.',
    'The Coastline Courier reported that two boats will be refitted.',
  ];
  const outlet = outletOf(page(MENU, ['Terms of use', 'Privacy policy'], body));
  assert.notEqual(outlet, 'Coastline Courier');
  assert.equal(outletOf(page(MENU, ['About Harbour Gazette', '© 2026 Harbour Gazette. All rights reserved.'], body)), 'Harbour Gazette');
});

test('a page that names no outlet has none', () => {
  assert.equal(outletOf(page(MENU, ['Terms of use', 'Privacy policy'])), null);
});

test('"Follow X on …", "Download the X app" and "Subscribe to the X" name the outlet', () => {
  const top = ['Lakeside Ledger', ...MENU];
  const bottom = ['Follow Lakeside Ledger on social media', 'Download the Lakeside Ledger app', 'Subscribe to the Lakeside Ledger', 'Terms of use'];
  assert.equal(outletOf(page(top, bottom)), 'Lakeside Ledger');
});

test('the words of a rights notice are never the outlet', () => {
  const outlet = outletOf(page(MENU, ['Terms of use', 'Privacy policy', '© 2026 All Rights Reserved.', 'Alle Rechte vorbehalten.']));
  assert.ok(outlet === null || !/rights|rechte/i.test(outlet), `got ${outlet}`);
});

test('a wire service credited on a syndicated copy is not the outlet', () => {
  const body = [`${BODY[0]} (Associated Press)`, 'Photo: Associated Press', 'A ferry leaves the harbour at dawn. (Associated Press)', ...BODY.slice(1)];
  assert.notEqual(outletOf(page(MENU, ['Terms of use', 'Privacy policy'], body)), 'Associated Press');
  assert.equal(
    outletOf(page(['Harbour Gazette', ...MENU], ['About Harbour Gazette', '© 2026 Harbour Gazette. All rights reserved.'], body)),
    'Harbour Gazette',
  );
});

test('a syndication note names where the text first ran, not the page outlet', () => {
  const bottom = ['This article originally appeared in The Meridian Times. © 2026 The Meridian Times', 'More On This Topic'];
  const outlet = outletOf(page(['© 2026 Harbour Gazette', 'Listen Live', ...MENU], bottom));
  assert.notEqual(outlet, 'The Meridian Times');
});

test('a span of one registry outlet name written on the page is given as that outlet; a middle word or two outlets are not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'registry-'));
  const file = join(dir, 'sources.json');
  const outlets = [
    { name: 'The Northfield Courier', domains: ['northfieldcourier.example'], variants: ['Northfield Courier'] },
    { name: 'Southport Courier', domains: ['southportcourier.example'] },
    { name: 'Cable Harbour Network', domains: ['chn.example'] },
  ];
  writeFileSync(file, JSON.stringify({ version: 1, outlets }));
  process.env.TRIANGULATE_SOURCES = file;
  resetRegistry();
  try {
    const line = { index: 0, start: 0, end: 7, text: 'Courier', words: 1 };
    const candidate = (name: string, key: string): OutletCandidate => ({ name, key, line, features: [] });
    const courier = candidate('Courier', 'courier');
    assert.equal(registryName(0, [courier, candidate('The Northfield Courier', 'thenorthfieldcourier')]), 1);
    assert.equal(registryName(0, [candidate('Northfield', 'northfield'), candidate('Northfield Courier', 'northfieldcourier')]), 1);
    assert.equal(registryName(0, [candidate('Harbour', 'harbour'), candidate('Cable Harbour Network', 'cableharbournetwork')]), 0);
    assert.equal(registryName(0, [courier, candidate('Northfield Courier', 'northfieldcourier'), candidate('Southport Courier', 'southportcourier')]), 0);
  } finally {
    delete process.env.TRIANGULATE_SOURCES;
    resetRegistry();
    rmSync(dir, { recursive: true, force: true });
  }
});
