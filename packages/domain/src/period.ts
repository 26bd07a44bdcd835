import { BadUserInputError } from './errors';

export type PeriodKind = 'YEAR' | 'QUARTER' | 'MONTH';

/** A reporting period: a calendar year, quarter or month, as a half-open date range. */
export interface Period {
  /** Canonical text form: `2020`, `2020Q3`, `2020-06`. */
  readonly key: string;
  readonly kind: PeriodKind;
  readonly year: number;
  /** First day, ISO date, inclusive. */
  readonly start: string;
  /** First day after the period, ISO date, exclusive. */
  readonly end: string;
}

export const PERIOD_FORMATS = '年 `2020`、季度 `2020Q3` 或月份 `2020-06`';

const pad = (n: number) => String(n).padStart(2, '0');
const firstOfMonth = (year: number, month: number) =>
  month > 12 ? `${year + 1}-${pad(month - 12)}-01` : `${year}-${pad(month)}-01`;

function build(kind: PeriodKind, year: number, index: number): Period {
  if (kind === 'YEAR') return { key: `${year}`, kind, year, start: `${year}-01-01`, end: `${year + 1}-01-01` };
  if (kind === 'QUARTER') {
    const m = (index - 1) * 3 + 1;
    return { key: `${year}Q${index}`, kind, year, start: firstOfMonth(year, m), end: firstOfMonth(year, m + 3) };
  }
  return { key: `${year}-${pad(index)}`, kind, year, start: firstOfMonth(year, index), end: firstOfMonth(year, index + 1) };
}

/**
 * Parses `2020`, `2020Q3` or `2020-06`. Anything else is a BAD_USER_INPUT that says what is
 * accepted; `field` names the argument in that error.
 */
export function parsePeriod(text: string, field = 'period'): Period {
  const m = /^(\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(text.trim());
  const year = m ? Number(m[1]) : NaN;
  if (!m || year < 1900 || year > 2999) {
    throw new BadUserInputError(`无效的期间 "${text}":应为${PERIOD_FORMATS}`, field, { accepted: ['YYYY', 'YYYYQn', 'YYYY-MM'] });
  }
  if (m[2]) return build('QUARTER', year, Number(m[2]));
  if (m[3]) return build('MONTH', year, Number(m[3]));
  return build('YEAR', year, 0);
}

/** The same period one year earlier (for 比上年 comparisons). */
export function previousYear(p: Period): Period {
  const index = p.kind === 'QUARTER' ? Number(p.key.slice(5)) : p.kind === 'MONTH' ? Number(p.key.slice(5)) : 0;
  return build(p.kind, p.year - 1, index);
}
