import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { toRawSpan } from '../../model/offset-map.js';
import { cleanHtml } from './clean-html.js';

const PAGE = readFileSync(new URL('../../../test/fixtures/html/harbor-bridge.html', import.meta.url), 'utf8');
const URL_OF_PAGE = 'https://lantern.example/news/harbor-bridge-reopens';
/** The fictional page is dated 2031: clean it as if read a few weeks later. */
const NOW = new Date('2031-05-01T00:00:00Z');

test('keeps the article body and leaves out navigation, share bar, related links, comments and sidebar', () => {
  const { text } = cleanHtml(PAGE, { url: URL_OF_PAGE, now: NOW });
  assert.match(text, /^PORT ELLIS — The Harbor Street bridge reopened/);
  assert.match(text, /Crews replaced 212 beams/);
  assert.match(text, /\n\nTraffic returns\n\n/);
  assert.match(text, /in the autumn & will publish the findings, the mayor’s office said/);
  for (const chrome of [
    'Home',
    'Share on Facebook',
    'Ferry service ends',
    'Great news, finally',
    'Mayor race heats up',
    'All rights reserved',
    'cookies',
    'tracking pixel',
  ]) {
    assert.ok(!text.includes(chrome), `"${chrome}" leaked into the text`);
  }
  assert.ok(!text.includes('Harbor bridge reopens after two years'), 'the headline is metadata, not body text');
});

test('captions and embedded posts become embeds with their own dates, outside the text', () => {
  const { text, embeds } = cleanHtml(PAGE, { url: URL_OF_PAGE, now: NOW });
  const caption = embeds.find((e) => e.kind === 'caption');
  const post = embeds.find((e) => e.kind === 'social-post');
  assert.ok(caption && post);
  assert.equal(caption.date, '2031-04-11');
  assert.equal(caption.inText, false);
  assert.ok(!text.includes('Photo: Mara Lindqvist'));
  assert.equal(post.text, 'Bridge is open! First crossing in two years, and it only took 4 minutes.');
  assert.equal(post.author, 'Port Ellis Commuters (@ellis_commute)');
  assert.equal(post.date, '2031-04-12');
  assert.ok(!text.includes('Bridge is open!'));
  // Embed places are raw HTML spans that hold the embed.
  assert.match(PAGE.slice(post.place.start, post.place.end), /^<blockquote class="twitter-tweet">[\s\S]*<\/blockquote>$/);
});

test('metadata: title, authors, outlet, dates with basis (as written, not shifted to UTC), canonical URL, language', () => {
  const { metadata } = cleanHtml(PAGE, { url: URL_OF_PAGE, now: NOW });
  assert.equal(metadata.title, 'Harbor bridge reopens after two years of repairs');
  assert.deepEqual(metadata.authors, ['Ines Calloway', 'Tomas Reyes']);
  assert.equal(metadata.outlet, 'The Lantern Gazette');
  assert.deepEqual(metadata.published, { value: '2031-04-11', basis: 'json-ld' });
  assert.equal(metadata.modified, '2031-04-13');
  assert.equal(metadata.url, URL_OF_PAGE);
  assert.equal(metadata.language, 'en');
});

test('every character of the text maps back exactly: copied runs equal the raw HTML, entities and spaces are replacements', () => {
  const { text, map, blocks } = cleanHtml(PAGE, { now: NOW });
  const runs = map.runs;
  assert.ok(runs.length > 0);
  for (let i = 0; i < runs.length; i += 4) {
    const [c, r, cl, rl] = runs.slice(i, i + 4) as [number, number, number, number];
    const clean = text.slice(c, c + cl);
    const raw = PAGE.slice(r, r + rl);
    if (cl === rl) assert.equal(clean, raw, `copied run at ${c}`);
    else if (rl === 0) assert.match(clean, /^\n+$/, 'generated text is only block breaks');
    else if (raw.startsWith('&')) assert.equal(clean.length, 1, `entity ${raw} decodes to one character`);
    else assert.ok(clean === ' ' && /^\s+$/.test(raw), `collapsed whitespace at ${c}`);
  }
  // A block's raw span starts on its first word in the saved page.
  for (const block of blocks) {
    const span = toRawSpan(map, block);
    assert.equal(PAGE.slice(span.start, span.start + 5), text.slice(block.start, block.start + 5));
  }
  const dash = text.indexOf('—');
  assert.equal(PAGE.slice(toRawSpan(map, { start: dash, end: dash + 1 }).start, toRawSpan(map, { start: dash, end: dash + 1 }).end), '&mdash;');
});

test('removed page furniture inside the article is recorded with its reason and raw span', () => {
  const { removed } = cleanHtml(PAGE, { now: NOW });
  const related = removed.find((r) => r.text.includes('Ferry service ends'));
  assert.ok(related, 'the related-links box is a removal');
  assert.match(related.reason, /furniture|link list/);
  assert.ok(PAGE.slice(related.raw.start, related.raw.end).includes('related-stories'));
});

test('a page with a date only in its URL and a caption date is dated by the URL, never by the caption', () => {
  const html = `<html><body><article><p>${'A long enough paragraph about a local election, with details. '.repeat(6)}</p>
    <figure><img src="a.jpg"><figcaption>Voters queue on 3 March 2030.</figcaption></figure></article></body></html>`;
  const byUrl = cleanHtml(html, { url: 'https://news.example/2030/03/05/election-day', now: NOW });
  assert.deepEqual(byUrl.metadata.published, { value: '2030-03-05', basis: 'url' });
  const none = cleanHtml(html, { url: 'https://news.example/election-day', now: NOW });
  assert.equal(none.metadata.published, null, 'a caption date never dates the article');
});

test('prompt lines left at the end of an article are trimmed into removed, and the map still fits the text', () => {
  const prose = 'Water levels at the reservoir rose for a third week, the regional authority said on Monday, easing fears of rationing. ';
  const html = `<html><body><div class="story"><p>${prose.repeat(3)}</p><p>${prose.repeat(2)}</p><p>Share this article</p><p>Read also</p></div></body></html>`;
  const { text, map, removed } = cleanHtml(html);
  assert.ok(text.endsWith('rationing.'), text.slice(-40));
  assert.deepEqual(
    removed.filter((r) => r.reason === 'trailing prompt').map((r) => r.text),
    ['Share this article', 'Read also'],
  );
  const last = map.runs.length - 4;
  assert.equal((map.runs[last] as number) + (map.runs[last + 2] as number), text.length);
});

test('dates: a UTC instant one day off the date shown under the headline gives the shown day; unspecified date metas rank below it', () => {
  const body = `<p>${'The ferry timetable changes from next month, the harbour office said in a statement to residents. '.repeat(6)}</p>`;
  const shown = '<h1>Ferry timetable changes</h1><p class="date">06.12.2030</p>';
  const utc = `<html><head><meta itemprop="datePublished" content="2030-12-05T23:15:00Z"></head><body><article>${shown}${body}</article></body></html>`;
  assert.deepEqual(cleanHtml(utc, { now: NOW }).metadata.published, { value: '2030-12-06', basis: 'meta' });
  // The same instant with the writer's offset is the writer's day, whatever the page shows.
  const offset = utc.replace('23:15:00Z', '23:15:00-05:00');
  assert.equal(cleanHtml(offset, { now: NOW }).metadata.published?.value, '2030-12-05');
  const unspecified = `<html><head><meta name="date" content="2030-12-09"></head><body><article>${shown}${body}</article></body></html>`;
  assert.equal(cleanHtml(unspecified, { now: NOW }).metadata.published?.value, '2030-12-06');
});

test('dates: a container of the headline is the article’s own whatever its class; a long date-classed container is not a date line', () => {
  const body = `<p>${'Work on the new bridge starts in spring, the council said, after a year of delays and two tenders. '.repeat(6)}</p>`;
  const html = `<html><body><article class="post status-publish sticky-sidebar-parent"><h1>Bridge works to start</h1>
    <span class="date">8 January 2030, 3:51 pm</span>${body}<p>The works end on 9 March 2031.</p></article></body></html>`;
  assert.deepEqual(cleanHtml(html, { now: NOW }).metadata.published, { value: '2030-01-08', basis: 'text' });
});

test('a prose block beside the best container joins it, an all-link span inside a paragraph does not, a trailing list item stays', () => {
  const prose = (topic: string): string =>
    `<p>${`The ${topic} report was published on Monday, with figures for every district and a summary of changes. `.repeat(3)}</p>`;
  const deep = (inner: string): string => `<div class="block"><div><div><div><div><div><div>${inner}</div></div></div></div></div></div></div>`;
  const card = `<span class="card">${'<a href="/x">Another headline about something else entirely, in a hover card</a> '.repeat(3)}</span>`;
  const html = `<html><body><div class="body">${deep(prose('housing'))}<div class="block">${prose('transport')}${prose('schools')}<p>Rents rose ${card} again.</p>
    <ul><li>Read the full report online</li></ul></div></div></body></html>`;
  const { text } = cleanHtml(html);
  assert.ok(text.includes('The housing report'), 'the first block, too deep to be scored, joins as prose');
  assert.ok(text.includes('The schools report'));
  assert.ok(!text.includes('Another headline'), 'the hover card is a link list');
  assert.ok(text.endsWith('Read the full report online'), text.slice(-60));
});
