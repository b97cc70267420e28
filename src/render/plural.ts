/** "1 article", "2 articles", "1 story", "3 stories": a count with its noun in the right number. */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The line under a story's title: "3 articles from 2 independent sources". */
export function storyCounts(articles: number, sources: number): string {
  return `${counted(articles, 'article')} from ${counted(sources, 'independent source')}`;
}
