/**
 * The formats offices get wrong, each checked in one place: dates, money, phone numbers and
 * resident ID numbers (身份证). Each check returns null when the text is right, or what is
 * wrong with it in Chinese, for a clerk.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character of the first 17 digits of a resident ID number. */
export function idNumberCheckChar(body17: string): string {
  const sum = body17.split('').reduce((s, c, i) => s + Number(c) * ID_WEIGHTS[i], 0);
  return ID_CHECK[sum % 11];
}

/** A calendar date `YYYY-MM-DD` that exists (no 2 月 30 日). */
export function dateProblem(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return '日期格式应为 YYYY-MM-DD,如 2021-03-01';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return `不存在的日期:${text}`;
  return null;
}

/** 18 digits (the last may be X), a real birth date, and the right check character. */
export function idNumberProblem(text: string): string | null {
  if (!/^\d{17}[\dX]$/.test(text)) return '身份证号应为 18 位,最后一位可为数字或大写 X';
  const birth = `${text.slice(6, 10)}-${text.slice(10, 12)}-${text.slice(12, 14)}`;
  if (dateProblem(birth)) return `身份证号中的出生日期 ${birth} 不存在`;
  if (idNumberCheckChar(text.slice(0, 17)) !== text[17]) return '身份证号校验位不对,请核对是否有输错的数字';
  return null;
}

/** A mainland mobile number (11 digits from 1) or a landline with its area code (0435-1234567). */
export function phoneProblem(text: string): string | null {
  if (/^1[3-9]\d{9}$/.test(text) || /^0\d{2,3}-?\d{7,8}$/.test(text)) return null;
  return '电话应为 11 位手机号(如 13800001111)或带区号的固定电话(如 0435-1234567)';
}

/** Money in 元 as a decimal string: digits, at most two places, within `numeric(14,2)`. */
export function moneyProblem(text: string): string | null {
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(text)) return '金额应为以元为单位的数字,最多两位小数,如 1500 或 1500.50';
  return null;
}
