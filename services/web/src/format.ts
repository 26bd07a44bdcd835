/** Figures as an office writes them: counts with separators, rates in %, money in 万元. */

export interface FigureLike {
  key: string;
  label: string;
  unit: string;
  value?: number | null;
  change?: number | null;
  changeUnit: string;
}

const count = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** 35.6 万元 for 356000 元: one decimal, as the summaries write money. */
export function wanYuan(yuan: number): string {
  return (yuan / 10000).toFixed(1);
}

/** The value with the unit it is shown in. */
export function formatValue(f: Pick<FigureLike, 'unit' | 'value'>): { text: string; unit: string } {
  if (f.value === null || f.value === undefined) return { text: '—', unit: '' };
  if (f.unit === '比率') return { text: (f.value * 100).toFixed(1), unit: '%' };
  if (f.unit === '元') return { text: wanYuan(f.value), unit: '万元' };
  return { text: count.format(f.value), unit: f.unit };
}

/** "比上年提高 8 个百分点", "比上年增加 135 人", "与上年持平". */
export function formatChange(f: Pick<FigureLike, 'unit' | 'change' | 'changeUnit'>): string | null {
  if (f.change === null || f.change === undefined) return null;
  if (f.change === 0) return '与上年持平';
  const up = f.change > 0;
  const size = Math.abs(f.change);
  if (f.unit === '比率') return `比上年${up ? '提高' : '降低'} ${Number(size.toFixed(1))} 个百分点`;
  if (f.unit === '元') return `比上年${up ? '增加' : '减少'} ${wanYuan(size)} 万元`;
  return `比上年${up ? '增加' : '减少'} ${count.format(size)} ${f.changeUnit}`;
}

/** A number for sorting: a missing value sorts below every number. */
export function sortValue(v: number | null | undefined): number {
  return v === null || v === undefined ? Number.NEGATIVE_INFINITY : v;
}
