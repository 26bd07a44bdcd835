/**
 * Masking of personal data for viewers who may not see it in full: 张三明 → 张*明, 李四 → 李*,
 * 13812345678 → 138****5678, ID numbers keep their first 6 and last 4 characters. Keeps the
 * shape (length, first character) so a list stays readable without identifying anyone.
 */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function maskPhone(phone: string): string {
  const digits = [...phone];
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3).join('')}${'*'.repeat(digits.length - 7)}${digits.slice(-4).join('')}`;
}

export function maskIdNumber(id: string): string {
  const chars = [...id];
  if (chars.length <= 10) return '*'.repeat(chars.length);
  return `${chars.slice(0, 6).join('')}${'*'.repeat(chars.length - 10)}${chars.slice(-4).join('')}`;
}

/**
 * Free text (an activity's title) with every occurrence of the given people's names masked
 * (张凤林宣讲《民法典》 → 张*林宣讲《民法典》). Longer names first, so a name inside a longer
 * one is masked as part of the longer; single characters are not names to look for.
 */
export function maskNamesInText(text: string, names: readonly string[]): string {
  const wanted = [...new Set(names)].filter((n) => [...n].length >= 2).sort((a, b) => [...b].length - [...a].length);
  let out = text;
  for (const name of wanted) if (out.includes(name)) out = out.split(name).join(maskName(name));
  return out;
}
