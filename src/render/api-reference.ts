import { esc } from './escape.js';

/**
 * A readable API reference page generated from an OpenAPI 3.1 document: every operation with its parameters, body
 * and answers, and every named schema as a table of fields (nested objects indented), types linking to the schemas
 * they name. Our own small renderer rather than Swagger UI or Redoc: those are megabytes of script, and this page
 * runs none (it is served under the same no-script Content-Security-Policy as an HTML dossier). Every string from the
 * document is escaped, and nesting and row counts are bounded, so a large or odd schema cannot blow the page up.
 */

type Json = Record<string, unknown>;

/** Deepest object nesting spelled out in a field table; deeper objects are named by type only. */
const MAX_DEPTH = 6;
/** Most rows one schema table holds (the analysis schema, the largest, has about 150). */
const MAX_ROWS = 600;
/** Bounds zod writes for any integer (±2^53-1): saying nothing about a range, so not shown. */
const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd}h3{margin:1.6rem 0 .3rem;font-size:1.05rem}
code{font:13px ui-monospace,monospace;background:#f3f4f6;border-radius:3px;padding:0 3px}
.method{font:600 12px ui-monospace,monospace;color:#fff;border-radius:3px;padding:1px 6px;margin-right:6px;text-transform:uppercase}
.get{background:#2f6fb7}.post{background:#2f8f4e}.put,.patch{background:#a4671b}.delete{background:#b33a3a}
table{border-collapse:collapse;width:100%;margin:.3rem 0 .8rem}td,th{border-bottom:1px solid #e5e7eb;padding:3px 8px;text-align:left;vertical-align:top}
th{font-weight:600;color:#444;font-size:13px}.muted{color:#666}.req{color:#b33a3a;font-size:12px}
nav ul{columns:2;padding-left:1.2rem}.op{border-left:3px solid #e5e7eb;padding-left:1rem;margin:1.4rem 0}
section:target>h3{background:#fffbe6}`;

/** The whole page: overview, operations, schemas. */
export function renderApiReference(doc: Json, links: { json: string; ui: string }): string {
  const info = obj(doc.info);
  const title = str(info.title) || 'API reference';
  const schemas = obj(obj(doc.components).schemas);
  const operations = Object.entries(obj(doc.paths)).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (obj(item)[method] ? [{ path, method, op: obj(obj(item)[method]) }] : [])),
  );
  const body: string[] = [
    `<h1>${esc(title)}</h1>`,
    `<p class="muted">Version ${esc(str(info.version))} · OpenAPI ${esc(str(doc.openapi))} · <a href="${esc(links.json)}">the OpenAPI document as JSON</a> · <a href="${esc(links.ui)}">back to the app</a></p>`,
  ];
  if (str(info.description)) body.push(`<p>${prose(str(info.description))}</p>`);
  body.push(
    '<nav><h2>Operations</h2><ul>',
    ...operations.map(
      ({ path, method, op }) =>
        `<li><a href="#${esc(opId(method, path))}"><code>${esc(method.toUpperCase())} ${esc(path)}</code></a> — ${esc(str(op.summary))}</li>`,
    ),
    '</ul>',
  );
  if (Object.keys(schemas).length > 0)
    body.push('<h2>Schemas</h2><ul>', ...Object.keys(schemas).map((name) => `<li><a href="#${esc(schemaId(name))}">${esc(name)}</a></li>`), '</ul>');
  body.push('</nav>', '<h2>Operations</h2>');
  for (const { path, method, op } of operations) body.push(operation(path, method, op));
  if (Object.keys(schemas).length > 0) {
    body.push('<h2>Schemas</h2>');
    for (const [name, schema] of Object.entries(schemas)) {
      const s = obj(schema);
      body.push(`<section id="${esc(schemaId(name))}"><h3>${esc(name)}</h3>`);
      if (str(s.description)) body.push(`<p>${prose(str(s.description))}</p>`);
      body.push(fieldTable(s), '</section>');
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} — reference</title><style>${STYLE}</style></head>
<body>${body.join('\n')}</body></html>
`;
}

function operation(path: string, method: string, op: Json): string {
  const out = [
    `<section class="op" id="${esc(opId(method, path))}"><h3><span class="method ${esc(method)}">${esc(method)}</span><code>${esc(path)}</code></h3>`,
    `<p><strong>${esc(str(op.summary))}</strong>${str(op.description) ? ` ${prose(str(op.description))}` : ''}</p>`,
  ];
  if (Array.isArray(op.security) && op.security.some((s) => Object.keys(obj(s)).length > 0))
    out.push('<p class="muted">Needs <code>Authorization: Bearer &lt;token&gt;</code> when the server was started with a token.</p>');
  const parameters = Array.isArray(op.parameters) ? op.parameters.map(obj) : [];
  if (parameters.length > 0) {
    out.push('<table><thead><tr><th>parameter</th><th>in</th><th>type</th><th>description</th></tr></thead><tbody>');
    for (const p of parameters) {
      const schema = obj(p.schema);
      out.push(
        `<tr><td><code>${esc(str(p.name))}</code>${p.required === true ? ' <span class="req">required</span>' : ''}</td><td>${esc(str(p.in))}</td><td>${typeOf(schema)}</td><td>${prose(str(p.description) || str(schema.description))}${constraints(schema)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  const request = obj(op.requestBody);
  if (Object.keys(request).length > 0)
    out.push(`<p><strong>Request body</strong>${request.required === true ? ' (required)' : ''}:</p>`, content(obj(request.content)));
  const responses = Object.entries(obj(op.responses));
  if (responses.length > 0) {
    out.push('<table><thead><tr><th>status</th><th>meaning</th><th>body</th></tr></thead><tbody>');
    for (const [status, answer] of responses) {
      const a = obj(answer);
      out.push(`<tr><td><code>${esc(status)}</code></td><td>${prose(str(a.description))}</td><td>${content(obj(a.content))}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

/** Media types with the type of each one's body. */
function content(c: Json): string {
  const entries = Object.entries(c);
  if (entries.length === 0) return '<span class="muted">—</span>';
  return entries.map(([media, m]) => `<code>${esc(media)}</code>: ${typeOf(obj(obj(m).schema))}`).join('<br>');
}

/**
 * A schema's fields as rows: name (indented by depth), type, and description with constraints. Object fields,
 * array items that are objects, and the object branches of `anyOf`/`oneOf` are spelled out beneath their field.
 */
function fieldTable(schema: Json): string {
  const rows: string[] = [];
  const walk = (s: Json, depth: number): void => {
    const properties = obj(s.properties);
    const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
    for (const [name, field] of Object.entries(properties)) {
      if (rows.length >= MAX_ROWS) return;
      const f = obj(field);
      rows.push(
        `<tr><td style="padding-left:${0.5 + depth * 1.2}rem"><code>${esc(name)}</code>${required.has(name) ? '' : ' <span class="muted">optional</span>'}</td><td>${typeOf(f)}</td><td>${prose(str(f.description))}${constraints(f)}</td></tr>`,
      );
      if (depth < MAX_DEPTH) for (const inner of objectsWithin(f)) walk(inner, depth + 1);
    }
  };
  walk(schema, 0);
  for (const branch of variants(schema)) if (Object.keys(obj(branch.properties)).length > 0) walk(branch, 0);
  if (rows.length === 0) return `<p>${typeOf(schema)}${constraints(schema)}</p>`;
  const cut = rows.length >= MAX_ROWS ? `<p class="muted">The first ${MAX_ROWS} fields are shown; the JSON document has all of them.</p>` : '';
  return `<table><thead><tr><th>field</th><th>type</th><th>description</th></tr></thead><tbody>${rows.join('')}</tbody></table>${cut}`;
}

/** The inline object schemas under a field: itself, its array items, its anyOf/oneOf branches (named schemas are linked, not repeated). */
function objectsWithin(s: Json): Json[] {
  if (s.$ref) return [];
  if (s.properties) return [s];
  if (s.items) return objectsWithin(obj(s.items));
  return variants(s).flatMap(objectsWithin);
}

function variants(s: Json): Json[] {
  return [...(Array.isArray(s.anyOf) ? s.anyOf : []), ...(Array.isArray(s.oneOf) ? s.oneOf : [])].map(obj);
}

/** A schema's type in a few words: `string`, `integer`, `array of Story`, `"md" | "html"`, `string | null`. */
function typeOf(s: Json, depth = 0): string {
  if (depth > MAX_DEPTH) return 'value';
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace(/^#\/components\/schemas\//, '');
    return `<a href="#${esc(schemaId(name))}">${esc(name)}</a>`;
  }
  if (s.const !== undefined) return `<code>${esc(JSON.stringify(s.const))}</code>`;
  if (Array.isArray(s.enum)) return s.enum.map((v) => `<code>${esc(JSON.stringify(v))}</code>`).join(' | ');
  const branches = variants(s);
  if (branches.length > 0) return branches.map((b) => typeOf(b, depth + 1)).join(' | ');
  const types = Array.isArray(s.type) ? s.type.map(String) : typeof s.type === 'string' ? [s.type] : [];
  if (types.includes('array')) return `array of ${s.items ? typeOf(obj(s.items), depth + 1) : 'values'}`;
  if (types.includes('object') && !s.properties && s.additionalProperties && typeof s.additionalProperties === 'object')
    return `map of ${typeOf(obj(s.additionalProperties), depth + 1)}`;
  const format = typeof s.format === 'string' ? ` (${esc(s.format)})` : '';
  return types.length > 0 ? `${types.map(esc).join(' | ')}${format}` : 'any';
}

/** Bounds, lengths, patterns and defaults, as a short note after the description. */
function constraints(s: Json): string {
  const notes: string[] = [];
  const num = (key: string): number | null => (typeof s[key] === 'number' && Math.abs(s[key] as number) < SAFE_INTEGER ? (s[key] as number) : null);
  const [min, max] = [num('minimum'), num('maximum')];
  if (min !== null && max !== null) notes.push(`${min} to ${max}`);
  else if (min !== null) notes.push(`at least ${min}`);
  else if (max !== null) notes.push(`at most ${max}`);
  if (num('maxLength') !== null) notes.push(`at most ${num('maxLength')} characters`);
  if (num('minItems') !== null) notes.push(`at least ${num('minItems')} items`);
  if (typeof s.pattern === 'string') notes.push(`matches <code>${esc(s.pattern)}</code>`);
  if (s.default !== undefined) notes.push(`default <code>${esc(JSON.stringify(s.default))}</code>`);
  return notes.length > 0 ? ` <span class="muted">(${notes.join('; ')})</span>` : '';
}

/** Description text: escaped, with `backticked` spans shown as code (the document's only markup). */
function prose(text: string): string {
  return esc(text).replace(/`([^`\n]{1,200})`/g, '<code>$1</code>');
}

function opId(method: string, path: string): string {
  return `op-${method}-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

function schemaId(name: string): string {
  return `schema-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

function obj(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
