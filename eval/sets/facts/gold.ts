import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One mention of a gold fact: the article (file name, `#n` for the n-th JSONL record) and its exact sentence. */
export interface GoldMention {
  article: string;
  sentence: string;
}

export interface GoldFact {
  id: string;
  story: string;
  status: 'corroborated' | 'conflicting' | 'single-source';
  independentSources: number;
  hedged: boolean;
  values: Array<{ value: string; independentSources: number; mentions: GoldMention[] }>;
  notMentions?: GoldMention[];
}

export interface GoldQuote {
  article: string;
  speaker: string;
  text?: string;
  parts?: string[];
}

export interface Gold {
  articles: Record<string, { story: string | null; event: string | null; syndicatedFrom: string | null; copyOf: string | null }>;
  facts: GoldFact[];
  quotes: GoldQuote[];
}

/** Reads samples/gold/facts.json (format: samples/gold/README.md). */
export function readGold(samples: string): Gold {
  return JSON.parse(readFileSync(join(samples, 'gold', 'facts.json'), 'utf8')) as Gold;
}
