import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeDocument } from '../../ingest/records.js';
import { cleanDocument } from '../index.js';
import { splitTitle } from '../title.js';
import { cleanHtml } from './clean-html.js';
import { domainConfirms } from './metadata.js';

// Invented pages: the <title> fallback, its site suffix, og:site_name and JSON-LD kinds.

const BODY = '<p>The harbour council approved the new budget on a narrow vote after a long debate about the ferry subsidy.</p>'.repeat(3);

function page(head: string): string {
  return `<!doctype html><html><head>${head}</head><body><main>${BODY}</main></body></html>`;
}

test('the <title> is the title when nothing else gives one, with its site suffix split off into the outlet', () => {
  const meta = cleanHtml(page('<title>Council passes harbour budget | Harbour Gazette</title>'), { url: 'https://www.harbourgazette.example/a' }).metadata;
  assert.equal(meta.title, 'Council passes harbour budget');
  assert.equal(meta.outlet, 'Harbour Gazette');
  // No URL: the canonical link's domain confirms it; with neither, the guess is all there is.
  const canonical = '<link rel="canonical" href="https://harbourgazette.example/a">';
  assert.equal(cleanHtml(page(`<title>Council passes harbour budget | Harbour Gazette</title>${canonical}`)).metadata.outlet, 'Harbour Gazette');
  assert.equal(cleanHtml(page('<title>Council passes harbour budget | Harbour Gazette</title>')).metadata.outlet, 'Harbour Gazette');
});

test('a <title> suffix the domain does not confirm is not the outlet (a section or a tagline); the domain stands', () => {
  const html = page('<title>Council passes harbour budget | Politics</title>');
  assert.equal(cleanHtml(html, { url: 'https://www.harbourgazette.example/a' }).metadata.outlet, null);
  const article = cleanDocument(makeDocument({ kind: 'html', path: 'a.html' }, 'html', html, { url: 'https://www.harbourgazette.example/a' }));
  assert.equal(article.outlet, 'harbourgazette.example');
  assert.ok(domainConfirms('Erzbistum Köln', 'erzbistum-koeln'));
  assert.ok(domainConfirms('Harbour Gazette', 'harbourgazette'));
  assert.ok(!domainConfirms('Seite 34', 'harbourgazette'));
});

test('og:site_name names the outlet and confirms the suffix to split; og:title keeps a dash that is part of it', () => {
  const meta = cleanHtml(
    page('<meta property="og:site_name" content="Harbour Gazette"><meta property="og:title" content="Ferries – the long wait"><title>x</title>'),
    {},
  ).metadata;
  assert.equal(meta.title, 'Ferries – the long wait');
  assert.equal(meta.outlet, 'Harbour Gazette');
});

test('splitTitle: suffix and prefix site names, sections before the site, titles without a site', () => {
  assert.deepEqual(splitTitle('Council passes budget - Harbour Gazette'), { headline: 'Council passes budget', site: 'Harbour Gazette' });
  assert.deepEqual(splitTitle('Council passes budget - Politics | Harbour Gazette', ['Harbour Gazette']), {
    headline: 'Council passes budget - Politics',
    site: 'Harbour Gazette',
  });
  assert.deepEqual(splitTitle('Harbour Gazette | Council passes budget', ['harbourgazette']), { headline: 'Council passes budget', site: 'Harbour Gazette' });
  assert.deepEqual(splitTitle('Council passes budget'), { headline: 'Council passes budget', site: null });
  // Without a known site name, og:title-like text is never guessed apart.
  assert.deepEqual(splitTitle('Ferries - the long wait', [], false), { headline: 'Ferries - the long wait', site: null });
});

test('JSON-LD @type and articleSection give the kind; publisher the outlet', () => {
  const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
  const opinion = cleanHtml(
    page(ld({ '@type': 'OpinionNewsArticle', headline: 'We need more ferries', publisher: { '@type': 'Organization', name: 'Harbour Gazette' } })),
    {},
  );
  assert.equal(opinion.metadata.kind, 'opinion');
  assert.equal(opinion.metadata.outlet, 'Harbour Gazette');
  assert.equal(cleanHtml(page(ld({ '@type': 'NewsArticle', headline: 'H', articleSection: 'Análisis' })), {}).metadata.kind, 'analysis');
  assert.equal(cleanHtml(page(ld({ '@type': 'LiveBlogPosting', headline: 'H' })), {}).metadata.kind, 'live-blog');
  assert.equal(cleanHtml(page(ld({ '@type': 'NewsArticle', headline: 'H', articleSection: 'World' })), {}).metadata.kind, null);
});
