/** Throughput and memory of one measured run. */
export interface Figures {
  articles: number;
  mb: number;
  seconds: number;
  /** CPU seconds (user + system) of this process: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  articlesPerS: number;
  mbPerS: number;
  /** MB per CPU second: the throughput one core gives. */
  mbPerCpuS: number;
  peakRssMb: number;
}

/** Times `work` over a batch and reads the process's peak RSS afterwards (maxRSS is a high-water mark). */
export function measure(articles: number, bytes: number, work: () => void): Figures {
  const cpu = process.cpuUsage();
  const t = performance.now();
  work();
  const used = process.cpuUsage(cpu);
  return summarize(articles, bytes, (performance.now() - t) / 1000, (used.user + used.system) / 1e6);
}

/** Figures from counts and durations (CPU seconds default to the wall time when not measured). */
export function summarize(articles: number, bytes: number, seconds: number, cpuSeconds = seconds): Figures {
  const mb = bytes / 1024 / 1024;
  return {
    articles,
    mb,
    seconds,
    cpuSeconds,
    articlesPerS: articles / seconds,
    mbPerS: mb / seconds,
    mbPerCpuS: mb / cpuSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}
