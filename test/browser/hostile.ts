/**
 * A hostile input written for the XSS test: every field a page shows carries markup that would run script if it were
 * ever inserted as HTML (script tags, event-handler attributes, `javascript:` links, a `</script>` that would close
 * an inline script). Each sets `window.__pwned`, which the test checks is never defined.
 */
const plain = {
  title: 'Budget vote </script><script>window.__pwned = "title"</script> delayed',
  outlet: '<b onmouseover="window.__pwned = \'outlet\'">Harbour Gazette</b>',
  url: 'javascript:window.__pwned = "url"',
  authors: ['<img src=x onerror="window.__pwned = \'author\'">'],
  published: '2026-03-04',
  text: [
    'Budget vote delayed in Brackwater <script>window.__pwned = "text"</script> after a long night.',
    '',
    'Councillors in Brackwater postponed the budget vote on Tuesday. <img src=x onerror="window.__pwned = \'img\'"> The treasurer said the figures would return next week.',
    '',
    '"We need <a href="javascript:window.__pwned = \'link\'">more time</a> to read the tables," the treasurer said. <svg onload="window.__pwned = \'svg\'"></svg>',
    '',
    'The council will meet again on 11 March; <iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe> residents may attend.',
  ].join('\n'),
};

const html = {
  title: 'Budget </script><script>window.__pwned = "story title"</script> hearing',
  html: [
    '<h1>Brackwater budget hearing <script>window.__pwned = "html"</script></h1>',
    '<p>The Brackwater budget hearing opened with a statement from the treasurer, who said the council would cut road spending by a tenth this year and delay the new library.</p>',
    '<p>Residents asked about the library <a href="javascript:window.__pwned = \'html-link\'">plans</a>, and the treasurer answered that the design work would go on. <img src=x onerror="window.__pwned = \'html-img\'"></p>',
    '<p>The text &lt;script&gt;window.__pwned = "escaped"&lt;/script&gt; appears here as words, the way a page quoting markup shows it.</p>',
  ].join('\n'),
  published: '2026-03-05',
};

/** The two records as a JSONL upload: one plain-text record, one HTML record. */
export const HOSTILE_JSONL = `${JSON.stringify(plain)}\n${JSON.stringify(html)}\n`;

/** Strings that must appear on the page as text wherever they survive cleaning. */
export const HOSTILE_MARKERS = ['<script>', '</script>', 'onerror=', 'javascript:', '<svg onload', '<iframe'];
