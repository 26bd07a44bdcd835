import { useMemo, useState } from 'react';
import { FigureLike, formatValue, sortValue } from '../format';
import { Link } from '../router';

export interface ChildRow {
  org: { code: string; name: string };
  figures: Array<{ key: string; value?: number | null }>;
}

/**
 * The children side by side: one row each, a link down; any column sorts (again: the other
 * way); the parent's total below, never sorted away.
 */
export function ChildTable({ columns, rows, total, period, caption }: {
  columns: FigureLike[]; rows: ChildRow[]; total: ChildRow['figures']; period: string; caption: string;
}) {
  const [sort, setSort] = useState<{ key: string; descending: boolean } | null>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const value = (r: ChildRow) => sortValue(r.figures.find((f) => f.key === sort.key)?.value);
    const byName = (a: ChildRow, b: ChildRow) => a.org.code.localeCompare(b.org.code);
    return [...rows].sort((a, b) => (sort.descending ? value(b) - value(a) : value(a) - value(b)) || byName(a, b));
  }, [rows, sort]);
  const cell = (figures: ChildRow['figures'], c: FigureLike) => formatValue({ unit: c.unit, value: figures.find((f) => f.key === c.key)?.value }).text;
  const order = (key: string) => (sort?.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none');
  return (
    <div className="table-scroll">
      <table className="children">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">组织</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={order(c.key)}>
                <button type="button" onClick={() => setSort({ key: c.key, descending: sort?.key === c.key ? !sort.descending : true })}>
                  {c.label}({formatValue({ unit: c.unit, value: 0 }).unit}){sort?.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.org.code}>
              <th scope="row"><Link to={`/org/${r.org.code}?period=${period}`}>{r.org.name}</Link></th>
              {columns.map((c) => <td key={c.key}>{cell(r.figures, c)}</td>)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">合计</th>
            {columns.map((c) => <td key={c.key}>{cell(total, c)}</td>)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
