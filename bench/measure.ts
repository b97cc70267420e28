import { readFileSync } from 'node:fs';

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
  /**
   * CPU seconds of the measuring thread alone (null off Linux): the process's less V8's helper threads, whose
   * background compiling of code meeting new object maps goes on for thousands of articles and varies from run to run.
   */
  threadCpuSeconds: number | null;
  mbPerThreadCpuS: number | null;
  peakRssMb: number;
}

/** CPU seconds this thread has run, in nanoseconds from the scheduler (/proc/thread-self/schedstat); null off Linux. */
export function threadCpuNow(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e9;
  } catch {
    return null;
  }
}

/** Times `work` over a batch and reads the process's peak RSS afterwards (maxRSS is a high-water mark). */
export function measure(articles: number, bytes: number, work: () => void): Figures {
  const cpu = process.cpuUsage();
  const thread = threadCpuNow();
  const t = performance.now();
  work();
  const used = process.cpuUsage(cpu);
  const threadAfter = threadCpuNow();
  const threadSeconds = thread === null || threadAfter === null ? null : threadAfter - thread;
  return summarize(articles, bytes, (performance.now() - t) / 1000, (used.user + used.system) / 1e6, threadSeconds);
}

/** Figures from counts and durations (CPU seconds default to the wall time when not measured). */
export function summarize(articles: number, bytes: number, seconds: number, cpuSeconds = seconds, threadCpuSeconds: number | null = null): Figures {
  const mb = bytes / 1024 / 1024;
  return {
    articles,
    mb,
    seconds,
    cpuSeconds,
    articlesPerS: articles / seconds,
    mbPerS: mb / seconds,
    mbPerCpuS: mb / cpuSeconds,
    threadCpuSeconds,
    mbPerThreadCpuS: threadCpuSeconds === null ? null : mb / threadCpuSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}
