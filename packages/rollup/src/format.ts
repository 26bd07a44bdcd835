/** Numbers as Chinese work summaries write them. */

/** 0.80733 → "80.7%" (one decimal, as 003 does). */
export function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

/** 356000 → "35.6万元"; amounts under 1万 stay in 元: 1800 → "1800元". */
export function yuan(amount: number): string {
  if (Math.abs(amount) >= 10000) return `${trimZero((amount / 10000).toFixed(1))}万元`;
  return `${trimZero(amount.toFixed(2))}元`;
}

/** Percentage points, rounded to an integer when it is one after one decimal: 7.98 → "8", 2.35 → "2.4". */
export function points(value: number): string {
  return trimZero(Math.abs(value).toFixed(1));
}

function trimZero(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
