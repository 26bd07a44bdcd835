import { AppError, dateProblem, FieldError, FieldErrors, idNumberProblem, isUuid, moneyProblem, parsePeriod, phoneProblem } from '@ggw/domain';
import { metric } from '@ggw/rollup';

/**
 * What one writable field is: its kind of value, its label (in Chinese, for the schema and the
 * error messages), and whether a create must give it. The GraphQL input types, the checks and
 * the SQL of a write are all made from these.
 */
export type FieldSpec = {
  label: string;
  required?: boolean;
  description?: string;
  /** what a create that leaves the field out gets (the column's default); such a field cannot be cleared */
  default?: unknown;
} & (
  | { type: 'text'; max: number }
  /** `values`: a domain enum registered with GraphQL (common/enums.ts) */
  | { type: 'enum'; values: Record<string, string> }
  /** a date that is not in the future and not before the org was founded */
  | { type: 'date' }
  /** money in 元 as a decimal string, more than zero unless `zero` */
  | { type: 'money'; zero?: boolean }
  | { type: 'int'; min: number; max: number }
  /** a year from the org's founding to this year (`ahead`: that many years later, for plans) */
  | { type: 'year'; ahead?: number }
  /** a decimal number as a string (a published figure: a rate as a fraction, 0.29) */
  | { type: 'decimal' }
  /** the key of a figure of the metric catalogue */
  | { type: 'metric' }
  /** a period (2020, 2020Q3 or 2020-06) that has begun, and not before the org was founded */
  | { type: 'period' }
  | { type: 'bool' }
  | { type: 'phone' }
  | { type: 'idNumber' }
  /** the id of another record of the same org (`table`) */
  | { type: 'ref'; table: string }
);

export type FieldSpecs = Record<string, FieldSpec>;

/** What a date is checked against: today, and the org's founding date. */
export interface DateBounds {
  today: string;
  foundedOn: string;
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Nothing but spaces a reader cannot see (zero-width characters, the byte-order mark). */
const INVISIBLE_ONLY = /^[\s\u200b-\u200d\u2060\ufeff]*$/u;

/** Half of a character: a UTF-16 surrogate without its pair (no font can show it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The problem of one present value, or null. Texts are trimmed before this. */
function problemOf(spec: FieldSpec, value: unknown, bounds: DateBounds): string | null {
  switch (spec.type) {
    case 'text':
      if (typeof value !== 'string') return '应为文字';
      if (LONE_SURROGATE.test(value) || INVISIBLE_ONLY.test(value)) return '含有无法显示的字符,请重新输入';
      return [...value].length > spec.max ? `最多 ${spec.max} 个字` : null;
    case 'enum':
      return typeof value === 'string' && value in spec.values ? null : `应为以下之一:${Object.keys(spec.values).join('、')}`;
    case 'date': {
      if (typeof value !== 'string') return '应为日期文字 YYYY-MM-DD';
      const p = dateProblem(value);
      if (p) return p;
      if (value > bounds.today) return `不能晚于今天(${bounds.today})`;
      if (value < bounds.foundedOn) return `不能早于本组织成立日期(${bounds.foundedOn})`;
      return null;
    }
    case 'money': {
      if (typeof value !== 'string') return '金额应为文字形式的数字,如 "1500.50"(不用浮点数)';
      const p = moneyProblem(value);
      if (p) return p;
      return !spec.zero && Number(value) === 0 ? '金额应大于 0' : null;
    }
    case 'int':
      return Number.isInteger(value) && (value as number) >= spec.min && (value as number) <= spec.max ? null : `应为 ${spec.min} 到 ${spec.max} 之间的整数`;
    case 'decimal':
      return typeof value === 'string' && /^-?\d{1,12}(\.\d{1,6})?$/.test(value) ? null : '应为文字形式的十进制数,最多六位小数,如 "0.29" 或 "176"';
    case 'year': {
      const first = Number(bounds.foundedOn.slice(0, 4));
      const last = Number(bounds.today.slice(0, 4)) + (spec.ahead ?? 0);
      return Number.isInteger(value) && (value as number) >= first && (value as number) <= last ? null : `应在 ${first}(组织成立)到 ${last} 年之间`;
    }
    case 'metric':
    case 'period':
      if (typeof value !== 'string') return '应为文字';
      try {
        if (spec.type === 'metric') {
          metric(value);
          return null;
        }
        const period = parsePeriod(value);
        if (period.start > bounds.today) return `${value} 还没有开始`;
        if (period.end <= bounds.foundedOn) return `${value} 早于本组织成立(${bounds.foundedOn})`;
        return null;
      } catch (error) {
        if (error instanceof AppError) return `:${error.message}`;
        throw error;
      }
    case 'bool':
      return typeof value === 'boolean' ? null : '应为 true 或 false';
    case 'phone':
      return typeof value === 'string' ? phoneProblem(value) : '应为文字';
    case 'idNumber':
      return typeof value === 'string' ? idNumberProblem(value) : '应为文字';
    case 'ref':
      return isUuid(value) ? null : '应为记录的 id(UUID)';
  }
}

/**
 * Checks an input against its field specs and returns the values to write, keyed by property
 * (texts trimmed, blanks of optional fields as null, or as their default in a create). `create`: required fields must be there;
 * a patch may leave anything out, and may clear only optional fields. Every wrong field is
 * reported at once (FieldErrors, BAD_USER_INPUT). `extra` adds errors found elsewhere.
 */
export function checkFields(
  specs: FieldSpecs,
  input: Record<string, unknown>,
  mode: 'create' | 'patch',
  bounds: DateBounds,
  extra: FieldError[] = [],
): Record<string, unknown> {
  const errors: FieldError[] = [...extra];
  const values: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(specs)) {
    if (input[field] === undefined && (mode === 'patch' || (spec.default !== undefined && !spec.required))) {
      if (mode === 'create') values[field] = spec.default;
      continue;
    }
    let value = input[field];
    if (typeof value === 'string') value = value.trim();
    if (isBlank(value)) {
      if (spec.required) errors.push({ field, message: `${spec.label}不能为空` });
      else if (spec.default === undefined) values[field] = null;
      else if (mode === 'create') values[field] = spec.default;
      else errors.push({ field, message: `${spec.label}不能清空;不填时为 ${String(spec.default)}` });
      continue;
    }
    const problem = problemOf(spec, value, bounds);
    if (problem) errors.push({ field, message: `${spec.label}${/^[应不最:]/.test(problem) ? '' : ':'}${problem}` });
    else values[field] = value;
  }
  if (mode === 'patch' && Object.keys(values).length === 0 && errors.length === 0) errors.push({ field: 'patch', message: '没有要修改的字段' });
  if (errors.length) throw new FieldErrors(errors);
  return values;
}
