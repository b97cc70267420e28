import { readFileSync } from 'node:fs';
import starter from './data/sources.json' with { type: 'json' };
import { domainName, squash } from './title.js';

/**
 * The source registry: one entry per publisher, so that "NYT", "The New York Times" and nytimes.com are one outlet.
 * It is data (src/clean/data/sources.json, format in docs/sources.md): a starter list of major outlets and wire
 * services, extended by a user's own file named in `TRIANGULATE_SOURCES` (its entries win on a clash).
 */
export interface RegistryEntry {
  name: string;
  domains: string[];
  variants: string[];
  type: 'outlet' | 'wire';
}

/** What an article's outlet resolves to: the canonical name, and whether the registry knows it. */
export interface CanonicalOutlet {
  name: string;
  /** Comparison key: the same key is the same outlet. */
  key: string;
  known: boolean;
}

/** Largest user registry file read (a list of outlets, not a data dump). */
const MAX_REGISTRY_BYTES = 2_000_000;

let cached: Map<string, RegistryEntry> | null = null;

/** Lookup table from every squashed name, variant and domain name to its entry. */
function table(): Map<string, RegistryEntry> {
  if (cached) return cached;
  const entries = [...parseRegistry(starter), ...userEntries()];
  const map = new Map<string, RegistryEntry>();
  for (const entry of entries) {
    for (const key of [entry.name, ...entry.variants].map(squash)) if (key.length >= 2) map.set(key, entry);
    for (const domain of entry.domains) map.set(`domain:${domain.toLowerCase().replace(/^www\./, '')}`, entry);
  }
  cached = map;
  return map;
}

function userEntries(): RegistryEntry[] {
  const path = process.env.TRIANGULATE_SOURCES;
  if (!path) return [];
  const text = readFileSync(path, 'utf8');
  if (text.length > MAX_REGISTRY_BYTES) throw new Error(`source registry ${path} is larger than ${MAX_REGISTRY_BYTES} bytes`);
  return parseRegistry(JSON.parse(text));
}

/** Validates a registry document (`{ "version": 1, "outlets": [...] }`); malformed entries are an error, not skipped. */
export function parseRegistry(data: unknown): RegistryEntry[] {
  const outlets = (data as { outlets?: unknown })?.outlets;
  if (!Array.isArray(outlets)) throw new Error('source registry: expected { "version": 1, "outlets": [ … ] }');
  return outlets.map((o, i) => {
    const e = o as Partial<RegistryEntry>;
    const strings = (xs: unknown): xs is string[] => Array.isArray(xs) && xs.every((x) => typeof x === 'string');
    if (typeof e.name !== 'string' || e.name.trim() === '') throw new Error(`source registry: outlet ${i} has no name`);
    return {
      name: e.name.trim(),
      domains: strings(e.domains) ? e.domains : [],
      variants: strings(e.variants) ? e.variants : [],
      type: e.type === 'wire' ? 'wire' : 'outlet',
    };
  });
}

function hostOf(url: string | null): string | null {
  return url
    ? (/^[a-z]+:\/\/([^/:?#]+)/i
        .exec(url)?.[1]
        ?.toLowerCase()
        .replace(/^www\d?\./, '') ?? null)
    : null;
}

/** The registry entry for a URL's host or any of its parent domains ("edition.cnn.com" → cnn.com). */
function byDomain(url: string | null): RegistryEntry | null {
  const host = hostOf(url);
  if (!host) return null;
  const parts = host.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const entry = table().get(`domain:${parts.slice(i).join('.')}`);
    if (entry) return entry;
  }
  return null;
}

/**
 * The canonical outlet of an article from its outlet name and URL: the registry's entry when the name, a variant or
 * the domain is listed; else the article's own name (its squashed form is the key, so "The Harbour Gazette" and
 * "THE HARBOUR GAZETTE" are one); else the URL's domain; else null (unknown outlet).
 */
export function canonicalOutlet(outlet: string | null, url: string | null = null): CanonicalOutlet | null {
  const named = outlet ? table().get(squash(outlet)) : undefined;
  const entry = named ?? byDomain(url);
  if (entry) return { name: entry.name, key: squash(entry.name), known: true };
  if (outlet && squash(outlet).length >= 2) return { name: outlet.trim(), key: squash(outlet.replace(/^the\s+/i, '')), known: false };
  const domain = domainName(url);
  return domain ? { name: hostOf(url) ?? domain, key: squash(domain), known: false } : null;
}

/** Whether the registry lists a name or variant (`canonicalOutlet(name)?.known` without a URL, cheaper). */
export function isKnownOutlet(name: string): boolean {
  return table().has(squash(name));
}

/** Whether the registry lists a name or variant as a wire service (its name on a page is often a credit, not the site). */
export function isWireService(name: string): boolean {
  return table().get(squash(name))?.type === 'wire';
}

let namePattern: RegExp | null = null;

/**
 * Registry outlets a line names as a whole word or phrase ("Subscribe to The Harbour Gazette"), by canonical name.
 * One alternation of the escaped names, built once; matched case-sensitively (so "time" in a sentence is not Time).
 */
export function knownOutletsIn(line: string): string[] {
  if (!namePattern) {
    const names = [...new Set([...table().values()].flatMap((e) => [e.name, ...e.variants]))].filter((n) => n.length >= 3);
    names.sort((a, b) => b.length - a.length);
    namePattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }
  const out = new Set<string>();
  for (const m of line.matchAll(namePattern)) {
    const entry = table().get(squash(m[0]));
    if (entry) out.add(entry.name);
  }
  return [...out];
}

/** Forgets the loaded registry (tests that set `TRIANGULATE_SOURCES`). */
export function resetRegistry(): void {
  cached = null;
  namePattern = null;
}
