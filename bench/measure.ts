/** Throughput and memory of one measured run. */
export interface Figures {
  articles: number;
  mb: number;
  seconds: number;
  articlesPerS: number;
  mbPerS: number;
  peakRssMb: number;
}

/** Times `work` over a batch and reads the process's peak RSS afterwards (maxRSS is a high-water mark). */
export function measure(articles: number, bytes: number, work: () => void): Figures {
  const t = performance.now();
  work();
  const seconds = (performance.now() - t) / 1000;
  return summarize(articles, bytes, seconds);
}

/** Figures from counts and a duration. */
export function summarize(articles: number, bytes: number, seconds: number): Figures {
  const mb = bytes / 1024 / 1024;
  return { articles, mb, seconds, articlesPerS: articles / seconds, mbPerS: mb / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}
