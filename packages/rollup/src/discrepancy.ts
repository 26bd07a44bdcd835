/**
 * Whether a hand-published figure disagrees with the computed one. A published figure is
 * rounded to the digits it shows, so it agrees when the computed value rounds to it:
 * "0.807" (80.7%) agrees with 176/218 = 0.80733; "0.29" (29%) does not with 802/2503 = 0.3204.
 */
export function disagrees(reported: string, computed: number | null): boolean {
  if (computed === null) return true;
  const decimals = (reported.split('.')[1] ?? '').length;
  const tolerance = 0.5 * 10 ** -decimals;
  return Math.abs(Number(reported) - computed) > tolerance + 1e-12;
}
