import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeDocument } from '../../ingest/records.js';
import type { Article } from '../../model/article.js';
import { cleanDocument } from '../index.js';
import { numericDate } from './header.js';

// Invented pages (fictional outlets and people): each header, byline and date-line shape in English and Spanish.

const BODY = 'The harbour council approved the new budget on a narrow vote after a long debate about the ferry subsidy and the repairs to the old pier.';
const BODY_ES = 'El consejo del puerto aprobó el nuevo presupuesto por una votación ajustada tras un largo debate sobre el subsidio del ferry.';
const HEADLINE = 'Harbour council passes budget after long ferry debate';

/**
 * The site's copyright footer: a header cell naming the outlet is one cue, and the outlet model (outlet-model.ts)
 * gives an outlet on the agreement of two, so the pages that must yield an outlet carry their footer too.
 */
const FOOTER = '\n© 2026 Harbour Gazette. All rights reserved.\n';

function clean(raw: string): Article {
  return cleanDocument(makeDocument({ kind: 'text', path: 'page.txt' }, 'text', raw));
}

/** The line is metadata: recorded in metaLines and removals, and gone from the text. */
function assertMetadataLine(article: Article, line: string): void {
  assert.ok(!article.text.includes(line), `"${line}" left in the text`);
  assert.ok(
    (article.metaLines ?? []).some((m) => m.text === line),
    `"${line}" not recorded as metadata`,
  );
  assert.ok(article.removed.some((r) => r.text === line && r.reason.startsWith('metadata:')));
}

test('masthead line with pipes: outlet, weekday date and byline', () => {
  const line = 'Harbour Gazette | Tuesday, March 10, 2026 | By Ana Ruiz';
  const a = clean(`${HEADLINE}\n${line}\n\n${BODY}\n${FOOTER}`);
  assert.equal(a.outlet, 'Harbour Gazette');
  assert.equal(a.published.date, '2026-03-10');
  assert.equal(a.published.basis, 'dateline');
  assert.deepEqual(a.authors, ['Ana Ruiz']);
  assert.equal(a.title, HEADLINE);
  assertMetadataLine(a, line);
});

test('Spanish masthead with a written-out date', () => {
  const line = 'Diario del Valle | martes, 10 de marzo de 2026';
  const a = clean(`El puerto aprueba el presupuesto tras un largo debate\n${line}\n\n${BODY_ES}\n\n© 2026 Diario del Valle. Todos los derechos reservados.\n`);
  assert.equal(a.outlet, 'Diario del Valle');
  assert.equal(a.published.date, '2026-03-10');
  assertMetadataLine(a, line);
});

test('"By X, Outlet" gives the outlet, not a second author', () => {
  const a = clean(`${HEADLINE}\nBy Ana Ruiz, Harbour Gazette\n\n${BODY}\n${FOOTER}`);
  assert.deepEqual(a.authors, ['Ana Ruiz']);
  assert.equal(a.outlet, 'Harbour Gazette');
});

test('"X | Outlet" byline', () => {
  const a = clean(`${HEADLINE}\nAna Ruiz | Harbour Gazette\n\n${BODY}\n${FOOTER}`);
  assert.deepEqual(a.authors, ['Ana Ruiz']);
  assert.equal(a.outlet, 'Harbour Gazette');
});

test('"Por X" and "X y Y" bylines in Spanish, "By X and Y" in English', () => {
  assert.deepEqual(clean(`El puerto aprueba el presupuesto tras un largo debate\nPor María López\n\n${BODY_ES}\n`).authors, ['María López']);
  assert.deepEqual(clean(`El puerto aprueba el presupuesto tras un largo debate\nPor María López y Tomás Vidal\n\n${BODY_ES}\n`).authors, [
    'María López',
    'Tomás Vidal',
  ]);
  assert.deepEqual(clean(`${HEADLINE}\nBy Ana Ruiz and Tomás Vidal\n\n${BODY}\n`).authors, ['Ana Ruiz', 'Tomás Vidal']);
});

test('a wire byline names its agency', () => {
  const a = clean(`${HEADLINE}\nAna Ruiz (Meridian Wire)\n\n${BODY}\n`);
  assert.deepEqual(a.authors, ['Ana Ruiz']);
  assert.equal(a.provenance.syndicatedFrom, 'Meridian Wire');
  assert.equal(a.outlet, null, 'the wire is the origin, not the publishing outlet');
});

test('"Published … · Updated …" dates the publication, not the update; an "Updated" line alone dates nothing', () => {
  const line = 'Published March 10, 2026 · Updated March 11, 2026';
  const a = clean(`${HEADLINE}\n${line}\n\n${BODY}\n`);
  assert.equal(a.published.date, '2026-03-10');
  assertMetadataLine(a, line);
  const updated = clean(`${HEADLINE}\nUpdated March 11, 2026\n\n${BODY}\n`);
  assert.equal(updated.published.date, null);
  assert.equal(updated.modified, '2026-03-11');
});

test('numeric dates: day first unless only the other reading is possible; Spanish "Publicado el"', () => {
  assert.equal(numericDate('10/03/2026'), '2026-03-10');
  assert.equal(numericDate('03/25/2026'), '2026-03-25');
  assert.equal(numericDate('25.03.2026'), '2026-03-25');
  assert.equal(numericDate('31/31/2026'), null);
  assert.equal(clean(`El puerto aprueba el presupuesto tras un largo debate\nPublicado el 10/03/2026\n\n${BODY_ES}\n`).published.date, '2026-03-10');
});

test('kind labels: an "Opinion" kicker next to the headline, "Outlet — commentary", a Spanish "Análisis"', () => {
  assert.equal(clean(`Opinion\n${HEADLINE}\n\n${BODY}\n`).kind, 'opinion');
  const a = clean(`${HEADLINE}\nHarbour Gazette — Commentary\n\n${BODY}\n${FOOTER}`);
  assert.equal(a.kind, 'opinion');
  assert.equal(a.outlet, 'Harbour Gazette');
  assert.equal(clean(`Análisis\nEl puerto aprueba el presupuesto tras un largo debate\n\n${BODY_ES}\n`).kind, 'analysis');
  assert.equal(clean(`${HEADLINE}\n\n${BODY}\n`).kind ?? null, null, 'an unlabelled piece has no kind');
});

test('a slash-separated header line gives headline, outlet and author by the shape of each part', () => {
  const a = clean(`${HEADLINE}/ Harbour Gazette/ PORTVILLE/ J. Ruiz/ Evening Edition/ ${BODY}\n`);
  assert.equal(a.title, HEADLINE);
  assert.equal(a.outlet, 'Harbour Gazette');
  assert.deepEqual(a.authors, ['J. Ruiz']);
  assert.ok(a.text.includes(BODY), 'the first paragraph stays');
  assert.ok(!a.text.includes('Harbour Gazette'));
});

test('a menu of pipes is not a header line', () => {
  const a = clean(`Home | World | Politics | Sport\n${HEADLINE}\n\n${BODY}\n`);
  assert.equal(a.outlet, null);
  assert.deepEqual(a.authors, []);
});

test('with no headline line the title is the lead sentence, shortened', () => {
  const a = clean(`${BODY}\n\nA second paragraph follows here with more detail on the vote and the ferry.\n`);
  assert.equal(a.title, 'The harbour council approved the new budget on a narrow vote after a long…');
});

test('a section menu whose last link is "Opinión" is a menu: no outlet from its cells, no kind', () => {
  const a = clean(`Diario del Valle\nPortada | Regiones | Economía | Deportes | Opinión\n\n${HEADLINE}\n\nPor Ana Ruiz\n\n${BODY_ES}\n`);
  assert.notEqual(a.outlet, 'Regiones');
  assert.notEqual(a.outlet, 'Portada');
  assert.equal(a.kind ?? null, null);
});

test('a kicker beside the outlet still labels the piece: "Diario del Valle | Opinión"', () => {
  const a = clean(`${HEADLINE}\nDiario del Valle | Opinión\n\n${BODY_ES}\n`);
  assert.equal(a.kind, 'opinion');
});
