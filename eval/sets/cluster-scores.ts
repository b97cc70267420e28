/**
 * Clustering scores against gold labels: B³ (Bagga & Baldwin 1998) precision, recall and F1 averaged over items,
 * and the adjusted Rand index (Hubert & Arabie 1985). Both take one label per item, in the same item order.
 */

/** B³ precision/recall/F1: for each item, the share of its predicted cluster that is gold-correct, and vice versa. */
export function bcubed(predicted: readonly string[], gold: readonly string[]): { p: number; r: number; f1: number } {
  const n = predicted.length;
  if (n === 0) return { p: 0, r: 0, f1: 0 };
  const pair = counts(predicted.map((p, i) => `${p}\u0000${gold[i]}`));
  const pred = counts(predicted);
  const truth = counts(gold);
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const both = pair.get(`${predicted[i]}\u0000${gold[i]}`) ?? 0;
    p += both / (pred.get(predicted[i] as string) ?? 1);
    r += both / (truth.get(gold[i] as string) ?? 1);
  }
  p /= n;
  r /= n;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Adjusted Rand index: pair agreement corrected for chance (1 = identical partitions, about 0 = random). */
export function adjustedRand(predicted: readonly string[], gold: readonly string[]): number {
  const n = predicted.length;
  const choose2 = (k: number) => (k * (k - 1)) / 2;
  let index = 0;
  for (const c of counts(predicted.map((p, i) => `${p}\u0000${gold[i]}`)).values()) index += choose2(c);
  let a = 0;
  for (const c of counts(predicted).values()) a += choose2(c);
  let b = 0;
  for (const c of counts(gold).values()) b += choose2(c);
  const expected = (a * b) / Math.max(1, choose2(n));
  const max = (a + b) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

function counts(labels: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of labels) out.set(l, (out.get(l) ?? 0) + 1);
  return out;
}
