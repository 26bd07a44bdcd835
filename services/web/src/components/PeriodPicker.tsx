import { formatPeriod, parsePeriod, PeriodKind, PeriodParts, pickerYears } from '../periods';

/** 期间: a year, a quarter or a month; changing any part names the new period at once. */
export function PeriodPicker({ period, onChange }: { period: string; onChange: (period: string) => void }) {
  const p = parsePeriod(period) ?? { kind: 'YEAR' as const, year: new Date().getFullYear() - 1, part: 0 };
  const set = (next: Partial<PeriodParts>) => {
    const merged = { ...p, ...next };
    if (merged.kind === 'YEAR') merged.part = 0;
    else if (merged.part === 0 || (merged.kind === 'QUARTER' && merged.part > 4)) merged.part = 1;
    onChange(formatPeriod(merged));
  };
  return (
    <fieldset className="period">
      <legend>期间</legend>
      <label>年度
        <select value={p.year} onChange={(e) => set({ year: Number(e.target.value) })}>
          {pickerYears().map((y) => <option key={y} value={y}>{y}年</option>)}
        </select>
      </label>
      <label>类型
        <select value={p.kind} onChange={(e) => set({ kind: e.target.value as PeriodKind })}>
          <option value="YEAR">全年</option>
          <option value="QUARTER">季度</option>
          <option value="MONTH">月份</option>
        </select>
      </label>
      {p.kind === 'QUARTER' && (
        <label>季度
          <select value={p.part} onChange={(e) => set({ part: Number(e.target.value) })}>
            {[1, 2, 3, 4].map((q) => <option key={q} value={q}>第{'一二三四'[q - 1]}季度</option>)}
          </select>
        </label>
      )}
      {p.kind === 'MONTH' && (
        <label>月份
          <select value={p.part} onChange={(e) => set({ part: Number(e.target.value) })}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => <option key={m} value={m}>{m}月</option>)}
          </select>
        </label>
      )}
    </fieldset>
  );
}
