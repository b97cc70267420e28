/**
 * L2-regularized logistic regression fitted by Newton's method on standardized features: a handful of features and
 * tens of thousands of pairs converge in a few exact steps, deterministically, with no library.
 */

/** Pull towards zero weights, per example: keeps rare features (a quote on both sides) from taking extreme weights. */
const L2 = 1e-3;
const NEWTON_STEPS = 25;

export function trainLogistic(
  xs: readonly number[][],
  ys: readonly number[],
  /** Per-example weights (default 1): a hand-judged pair can count for many chain-labelled ones. */
  ws: readonly number[] = xs.map(() => 1),
): { mean: number[]; scale: number[]; weights: number[]; bias: number } {
  const n = ws.reduce((s, w) => s + w, 0);
  const d = xs[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, k) => xs.reduce((s, x, i) => s + (ws[i] as number) * (x[k] as number), 0) / Math.max(1, n));
  const scale = mean.map((m, k) => Math.sqrt(xs.reduce((s, x, i) => s + (ws[i] as number) * ((x[k] as number) - m) ** 2, 0) / Math.max(1, n)) || 1);
  // Standardized rows with a leading 1 for the bias.
  const rows = xs.map((x) => [1, ...x.map((v, k) => (v - (mean[k] as number)) / (scale[k] as number))]);
  const w = new Array<number>(d + 1).fill(0);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (const [i, r] of rows.entries()) {
      const p = 1 / (1 + Math.exp(-r.reduce((s, v, k) => s + v * (w[k] as number), 0)));
      const e = (ws[i] as number) * (p - (ys[i] as number));
      const c = (ws[i] as number) * p * (1 - p);
      for (let a = 0; a <= d; a++) {
        grad[a] = (grad[a] as number) + e * (r[a] as number);
        const ha = hess[a] as number[];
        for (let b = a; b <= d; b++) ha[b] = (ha[b] as number) + c * (r[a] as number) * (r[b] as number);
      }
    }
    for (let a = 0; a <= d; a++) {
      for (let b = 0; b < a; b++) (hess[a] as number[])[b] = (hess[b] as number[])[a] as number;
      // The bias is not pulled towards zero.
      if (a > 0) {
        grad[a] = (grad[a] as number) + L2 * n * (w[a] as number);
        (hess[a] as number[])[a] = ((hess[a] as number[])[a] as number) + L2 * n;
      }
    }
    const delta = solve(hess, grad);
    let moved = 0;
    for (let a = 0; a <= d; a++) {
      w[a] = (w[a] as number) - (delta[a] as number);
      moved = Math.max(moved, Math.abs(delta[a] as number));
    }
    if (moved < 1e-8) break;
  }
  return { mean, scale, weights: w.slice(1), bias: w[0] as number };
}

/** Gaussian elimination with partial pivoting (the Hessian is small and positive definite). */
function solve(m: number[][], v: number[]): number[] {
  const n = v.length;
  const a = m.map((row, i) => [...row, v[i] as number]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((a[r] as number[])[c] as number) > Math.abs((a[pivot] as number[])[c] as number)) pivot = r;
    [a[c], a[pivot]] = [a[pivot] as number[], a[c] as number[]];
    const p = (a[c] as number[])[c] as number;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = ((a[r] as number[])[c] as number) / p;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) (a[r] as number[])[k] = ((a[r] as number[])[k] as number) - f * ((a[c] as number[])[k] as number);
    }
  }
  return a.map((row, i) => (Math.abs(row[i] as number) < 1e-12 ? 0 : (row[n] as number) / (row[i] as number)));
}
