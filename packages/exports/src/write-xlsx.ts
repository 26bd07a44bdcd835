import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { EXPORT_FORMATS, ORG_TYPE_LABELS, OrgLevel } from '@ggw/domain';
import { changeOf, changeUnit, Metric, METRICS } from '@ggw/rollup';
import { ExportSource, OrgFigures, TABLE_METRICS } from './export-content';
import { committeeName, computationText, figureStateText, generatedLine, periodLabel } from './labels';

/** Rates as percentages with one decimal; money with fen; counts as integers. */
export function valueFormat(m: Metric): string {
  if (m.unit === '比率') return '0.0%';
  if (m.unit === '元') return '#,##0.00';
  return '#,##0';
}

/** A change with its sign: percentage points for rates, else the figure's own unit. */
export function changeFormat(m: Metric): string {
  if (m.unit === '比率') return '+0.0;-0.0;0.0';
  if (m.unit === '元') return '+#,##0.00;-#,##0.00;0.00';
  return '+#,##0;-#,##0;0';
}

/** A money figure's 万元 column: one decimal, as the Word summary writes money. */
const WAN_FORMAT = '#,##0.0';

const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };

/**
 * How a sheet prints, as a county office hands it in: A4, one page wide and as many pages tall as
 * needed, `titleRows` (the column headers) and `titleColumns` (code and name) repeated on every
 * page so a continuation page still says which org and which figure, and the page number.
 */
function printSetup(orientation: 'portrait' | 'landscape', titleRows: string, titleColumns?: string): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9 as ExcelJS.PaperSize, // A4 (PaperSize is a type-only enum in exceljs's typings)
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: titleRows,
      ...(titleColumns ? { printTitlesColumn: titleColumns } : {}),
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  };
}

/** A title line over the whole width of the table (merged, so it prints centred and is not cut). */
function addTitle(sheet: ExcelJS.Worksheet, text: string, width: number, subtitle = false): void {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, width);
  const cell = row.getCell(1);
  cell.font = subtitle ? { size: 9 } : TITLE_FONT;
  cell.alignment = subtitle ? { wrapText: true, vertical: 'middle' } : { horizontal: 'center', vertical: 'middle' };
  // a merged cell's wrapped text does not grow its row: give the subtitle two lines, the title room for its size
  row.height = subtitle ? 26 : 24;
  row.commit();
}

/** A header row: bold, wrapped (a long figure name takes two or three lines rather than being cut), bordered. */
function addHeader(sheet: ExcelJS.Worksheet, cells: string[], height: number): void {
  const row = sheet.addRow(cells);
  row.height = height;
  cells.forEach((_, i) => {
    const cell = row.getCell(i + 1);
    cell.font = HEADER_FONT;
    cell.alignment = { wrapText: true, horizontal: 'center', vertical: 'middle' };
    cell.border = BORDER;
  });
  row.commit();
}

/**
 * How many lines `text` wraps to in a column `width` characters wide (a Chinese character is two):
 * spreadsheets do not grow a written row to its wrapped text on opening, so the writer sets it.
 */
function linesIn(text: string, width: number): number {
  const units = [...text].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  return Math.max(1, Math.ceil(units / width));
}

/** Thin borders on every cell of a table row. */
function bordered(row: ExcelJS.Row, width: number): ExcelJS.Row {
  for (let i = 1; i <= width; i++) row.getCell(i).border = BORDER;
  return row;
}

/** A figure of the tables: money is shown in 万元 (one decimal), with the exact 元 beside it. */
interface TableColumn {
  metric: Metric;
  header: string;
  /** 10000 for the 万元 column of a money figure */
  divisor: number;
}

const TABLE_COLUMNS: readonly TableColumn[] = TABLE_METRICS.flatMap((m): TableColumn[] => m.unit === '元'
  ? [{ metric: m, header: `${m.label}(万元)`, divisor: 10000 }, { metric: m, header: `${m.label}(元)`, divisor: 1 }]
  : [{ metric: m, header: `${m.label}(${m.unit === '比率' ? '%' : m.unit})`, divisor: 1 }]);

function addFigureRow(sheet: ExcelJS.Worksheet, cells: string[], row: OrgFigures): void {
  const value = (c: TableColumn) => {
    const v = row.now[c.metric.key] ?? null;
    return v === null ? null : v / c.divisor;
  };
  const added = bordered(sheet.addRow([...cells, ...TABLE_COLUMNS.map(value)]), cells.length + TABLE_COLUMNS.length);
  TABLE_COLUMNS.forEach((c, i) => (added.getCell(cells.length + i + 1).numFmt = c.divisor === 1 ? valueFormat(c.metric) : WAN_FORMAT));
  // a name longer than its column wraps and the row grows, rather than being cut by the next cell
  const lines = Math.max(...cells.map((text, i) => linesIn(text, sheet.getColumn(i + 1).width ?? 9)));
  if (lines > 1) {
    added.height = 15 * lines;
    cells.forEach((_, i) => (added.getCell(i + 1).alignment = { wrapText: true, vertical: 'middle' }));
  }
  added.commit();
}

export interface WorkbookInput {
  source: ExportSource;
  generatedAt: Date;
  /** orgs read per roll-up statement for the village table */
  pageSize: number;
  /** called with the share of the work done (0 to 1) */
  onProgress: (done: number) => Promise<void>;
}

/**
 * Writes the export workbook to `out` with exceljs's streaming writer: each row is committed
 * to the zip as it is written, so a province's villages never sit in memory as a sheet.
 *
 * - 汇总: every figure of the catalogue for the org, the same period last year, and the change;
 * - 下级单位: the org and its direct children side by side (a county's townships and departments);
 * - 村社区: every village, community, school and enterprise committee below, with its township;
 * - 说明: each figure's definition from the metric catalogue.
 *
 * Each sheet prints as handed in (printSetup): a title row, bordered cells, wrapped headers, A4 one
 * page wide with the headers and names on every page, numbered pages. Money is also given in 万元,
 * as the Word summary writes it, beside the exact 元; every cell holds a number, not text.
 */
export async function writeWorkbook(out: Writable, input: WorkbookInput): Promise<void> {
  const { source, generatedAt } = input;
  const { org, period, previous } = source;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '关工委工作报表平台';
  workbook.created = generatedAt;
  const villages = await source.count(OrgLevel.VILLAGE);
  const steps = 2 + villages;
  let done = 0;
  const progress = (n: number) => input.onProgress((done += n) / steps);

  const committee = committeeName(org);
  const total = await source.total();
  // 8 columns: the 万元 column beside this period's figure is filled for money only
  const summary = workbook.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 3 }], ...printSetup('portrait', '3:3', 'A:A') });
  summary.columns = [{ width: 24 }, { width: 6 }, { width: 15 }, { width: 14 }, { width: 15 }, { width: 11 }, { width: 8 }, { width: 26 }];
  addTitle(summary, `${committee} ${periodLabel(period)}工作数据汇总`, 8);
  addTitle(summary, `${generatedLine(generatedAt)}。${figureStateText(source.state)}`, 8, true);
  addHeader(summary, ['指标', '单位', periodLabel(period), `${periodLabel(period)}(万元)`, `上年同期(${periodLabel(previous)})`, '比上年', '变化单位', '指标代码'], 30);
  for (const m of METRICS) {
    const now = total.now[m.key] ?? null;
    const before = total.before[m.key] ?? null;
    const wan = m.unit === '元' && now !== null ? now / 10000 : null;
    const row = bordered(summary.addRow([m.label, m.unit, now, wan, before, changeOf(m, now, before), changeUnit(m), m.key]), 8);
    row.getCell(3).numFmt = valueFormat(m);
    if (m.unit === '元') row.getCell(4).numFmt = WAN_FORMAT;
    row.getCell(5).numFmt = valueFormat(m);
    row.getCell(6).numFmt = changeFormat(m);
    row.commit();
  }
  summary.commit();
  await progress(1);

  // a wide table: landscape, the code and name columns on every page
  const tableWidth = (first: number) => first + TABLE_COLUMNS.length;
  const tableHeader = (first: string[]) => [...first, ...TABLE_COLUMNS.map((c) => c.header)];
  const figureColumns = TABLE_COLUMNS.map((c) => ({ width: c.divisor === 1 && c.metric.unit === '元' ? 13 : 9 }));
  const children = workbook.addWorksheet('下级单位', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }], ...printSetup('landscape', '2:2', 'A:B') });
  children.columns = [{ width: 11 }, { width: 16 }, { width: 10 }, ...figureColumns];
  addTitle(children, `${committee} ${periodLabel(period)}下级单位工作数据(第一行为本级合计)`, tableWidth(3));
  addHeader(children, tableHeader(['代码', '名称', '类型']), 58);
  addFigureRow(children, [org.code, `${org.name}(合计)`, ORG_TYPE_LABELS[org.type]], total);
  for (const row of await source.children()) addFigureRow(children, [row.org.code, row.org.name, ORG_TYPE_LABELS[row.org.type]], row);
  children.commit();
  await progress(1);

  const names = await source.namesAboveVillages();
  const sheet = workbook.addWorksheet('村社区', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }], ...printSetup('landscape', '2:2', 'A:B') });
  sheet.columns = [{ width: 14 }, { width: 16 }, { width: 6 }, { width: 10 }, ...figureColumns];
  addTitle(sheet, `${committee} ${periodLabel(period)}所有村、社区、学校、企业关工小组工作数据(共${villages}个)`, tableWidth(4));
  addHeader(sheet, tableHeader(['代码', '名称', '类型', '上级单位']), 58);
  for await (const page of source.descendants(OrgLevel.VILLAGE, input.pageSize)) {
    for (const row of page) {
      addFigureRow(sheet, [row.org.code, row.org.name, ORG_TYPE_LABELS[row.org.type], names.get(row.org.parentId ?? '') ?? ''], row);
    }
    await progress(page.length);
  }
  sheet.commit();

  // definitions are long: wrapped in their columns, each row as tall as its longest cell needs
  const notes = workbook.addWorksheet('说明', printSetup('landscape', '3:3', 'A:B'));
  const noteWidths = [36, 26, 6, 60, 44];
  notes.columns = noteWidths.map((width) => ({ width }));
  addTitle(notes, `${committee} ${periodLabel(period)}数据说明`, 5);
  addTitle(notes, `${generatedLine(generatedAt)}。${EXPORT_FORMATS.XLSX.label}。${figureStateText(source.state)};比率为合计后再相除,不是各单位比率的平均;“比上年”对比率以百分点计,其余以本单位计;金额另列万元(保留一位小数),元为精确数。`, 5, true);
  addHeader(notes, ['指标代码', '指标名称', '单位', '定义', '计算方式'], 20);
  for (const m of METRICS) {
    const cells = [m.key, m.label, m.unit, m.definition, computationText(m)];
    const row = bordered(notes.addRow(cells), 5);
    row.eachCell((cell) => (cell.alignment = { wrapText: true, vertical: 'top' }));
    row.height = 15 * Math.max(...cells.map((text, i) => linesIn(text, noteWidths[i])));
    row.commit();
  }
  notes.commit();

  await workbook.commit();
}
