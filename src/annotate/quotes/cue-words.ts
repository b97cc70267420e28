import { EN_INTENT_VERBS, EN_IRREGULAR_FORMS, EN_SPEECH_VERBS, EN_STANCE_VERBS, ES_SPEECH_FORMS } from './vocabulary.js';

/** What a word form tells about speech: its lemma (Spanish forms are their own lemma) and language. */
export interface SpeechVerb {
  lemma: string;
  lang: 'en' | 'es';
}

/** Regular English inflections: "warn" → warns, warned, warning; "note" → notes, noted, noting; "deny" → denies… */
function englishForms(lemma: string): string[] {
  const forms = [lemma];
  if (/[^aeiou]y$/.test(lemma)) {
    const stem = lemma.slice(0, -1);
    forms.push(`${stem}ies`, `${stem}ied`, `${lemma}ing`);
  } else if (lemma.endsWith('e')) {
    forms.push(`${lemma}s`, `${lemma}d`, `${lemma.slice(0, -1)}ing`);
  } else {
    const plural = /(s|sh|ch|x|o)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
    forms.push(plural, `${lemma}ed`, `${lemma}ing`);
  }
  return forms;
}

function buildForms(): Map<string, SpeechVerb> {
  const map = new Map<string, SpeechVerb>();
  for (const lemma of [...EN_SPEECH_VERBS, ...EN_INTENT_VERBS, ...EN_STANCE_VERBS])
    for (const form of englishForms(lemma)) map.set(form, { lemma, lang: 'en' });
  for (const [form, lemma] of Object.entries(EN_IRREGULAR_FORMS)) map.set(form, { lemma, lang: 'en' });
  for (const form of ES_SPEECH_FORMS) map.set(form, { lemma: form, lang: 'es' });
  return map;
}

const FORMS = buildForms();

/** The speech verb a lower-cased word form belongs to, or undefined. */
export function speechVerb(lowerForm: string): SpeechVerb | undefined {
  return FORMS.get(lowerForm);
}

const INTENT_LEMMAS: ReadonlySet<string> = new Set(EN_INTENT_VERBS);
const REPORT_ONLY_LEMMAS: ReadonlySet<string> = new Set([...EN_INTENT_VERBS, ...EN_STANCE_VERBS]);

/** Whether a cue lemma is a verb of intention ("plan", "want"). */
export function isIntentVerb(lemma: string): boolean {
  return INTENT_LEMMAS.has(lemma);
}

/** Whether a cue lemma reports a plan or a stance ("plan", "cite") and never introduces a quote. */
export function isReportOnlyVerb(lemma: string): boolean {
  return REPORT_ONLY_LEMMAS.has(lemma);
}

/** Every word form `speechVerb` knows. */
export function speechForms(): Iterable<string> {
  return FORMS.keys();
}
