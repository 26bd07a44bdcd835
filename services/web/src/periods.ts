/**
 * Periods as the API names them: 2020 (a year), 2020Q3 (a quarter), 2020-06 (a month).
 * Without one in the address, the dashboard shows the last complete year.
 */
export type PeriodKind = 'YEAR' | 'QUARTER' | 'MONTH';

export interface PeriodParts {
  kind: PeriodKind;
  year: number;
  /** quarter 1–4 or month 1–12 */
  part: number;
}

export function defaultPeriod(today = new Date()): string {
  return String(today.getFullYear() - 1);
}

export function parsePeriod(period: string): PeriodParts | null {
  let m = /^(\d{4})$/.exec(period);
  if (m) return { kind: 'YEAR', year: Number(m[1]), part: 0 };
  m = /^(\d{4})Q([1-4])$/.exec(period);
  if (m) return { kind: 'QUARTER', year: Number(m[1]), part: Number(m[2]) };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return { kind: 'MONTH', year: Number(m[1]), part: Number(m[2]) };
  return null;
}

export function formatPeriod(p: PeriodParts): string {
  if (p.kind === 'YEAR') return String(p.year);
  if (p.kind === 'QUARTER') return `${p.year}Q${p.part}`;
  return `${p.year}-${String(p.part).padStart(2, '0')}`;
}

/** 2020年, 2020年第三季度, 2020年6月 */
export function periodName(period: string): string {
  const p = parsePeriod(period);
  if (!p) return period;
  if (p.kind === 'YEAR') return `${p.year}年`;
  if (p.kind === 'QUARTER') return `${p.year}年第${'一二三四'[p.part - 1]}季度`;
  return `${p.year}年${p.part}月`;
}

/** The years a picker offers: the last ten, newest first. */
export function pickerYears(today = new Date()): number[] {
  return Array.from({ length: 10 }, (_, i) => today.getFullYear() - i);
}
