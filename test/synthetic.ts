import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PLACES = ['Portville', 'Ashford', 'Lindenmoor', 'Carrow Bay', 'Eastmarch', 'Hollin', 'Redfield', 'Saltmere'];
const TOPICS = ['a bridge closure', 'a water shortage', 'a teachers strike', 'a festival', 'a budget vote', 'a factory fire'];

/** Writes `count` distinct fictional articles as .txt files into `dir` and returns their paths. */
export function writeSyntheticArticles(dir: string, count: number, offset = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = offset; i < offset + count; i++) {
    const place = PLACES[i % PLACES.length] as string;
    const topic = TOPICS[i % TOPICS.length] as string;
    const text = `${place} officials respond to ${topic} (report ${i})\n\n${place.toUpperCase()} — Officials in ${place} said on Monday that ${topic} had affected ${100 + i} residents, and promised an update within ${(i % 9) + 2} days.\n\n"We are working around the clock," the mayor said, adding that report number ${i} would be published soon.\n`;
    const path = join(dir, `article-${String(i).padStart(5, '0')}.txt`);
    writeFileSync(path, text);
    paths.push(path);
  }
  return paths;
}
