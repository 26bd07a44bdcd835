import { Writable } from 'node:stream';
import { ORG_LEVEL_LABELS, ORG_TYPE_LABELS } from '@ggw/domain';
import { percent } from '@ggw/rollup';
import { ExportSource, OrgFigures, TABLE_METRICS } from './export-content';

/** A CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // a name like "=HYPERLINK(...)" would run as a formula when opened in Excel
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(row: OrgFigures): string {
  const figures = TABLE_METRICS.map((m) => {
    const v = row.now[m.key] ?? null;
    return v === null ? '' : m.unit === '比率' ? percent(v) : String(v);
  });
  const o = row.org;
  return [csvField(ORG_LEVEL_LABELS[o.level]), csvField(o.code), csvField(o.name), csvField(ORG_TYPE_LABELS[o.type]), ...figures].join(',');
}

function write(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(text)) resolve();
    else out.once('drain', resolve).once('error', reject);
  });
}

/**
 * Writes the org and every org below it, one line each in tree order, with the table figures:
 * UTF-8 with a byte-order mark so that Excel opens Chinese correctly; rates as "80.7%".
 */
export async function writeCsv(out: Writable, source: ExportSource, pageSize: number, onProgress: (done: number) => Promise<void>): Promise<void> {
  const total = await source.count(null);
  const header = ['层级', '代码', '名称', '类型', ...TABLE_METRICS.map((m) => `${m.label}(${m.unit === '比率' ? '%' : m.unit})`)];
  await write(out, `\uFEFF${header.map(csvField).join(',')}\r\n`);
  await write(out, `${line(await source.total())}\r\n`);
  let done = 0;
  for await (const page of source.descendants(null, pageSize)) {
    await write(out, page.map((row) => `${line(row)}\r\n`).join(''));
    done += page.length;
    await onProgress(done / Math.max(total, 1));
  }
  out.end();
}
