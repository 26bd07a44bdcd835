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
