/**
 * Gini coefficient of selection probabilities, as reported by Flanigan et al. (2021, Table 1):
 * G = Σ_i Σ_j |p_i − p_j| / (2 n² mean), computed on the sorted values as
 * G = Σ_i (2i − n − 1) p_(i) / (n Σ p) with i = 1..n. 0 = everyone equally likely.
 */
export function computeGini(values: readonly number[]): number {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  if (n === 0 || total <= 0) return 0;
  let weighted = 0;
  sorted.forEach((value, index) => (weighted += (2 * (index + 1) - n - 1) * value));
  return Math.max(0, weighted / (n * total));
}
