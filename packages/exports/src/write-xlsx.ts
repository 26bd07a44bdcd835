import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { EXPORT_FORMATS, ORG_TYPE_LABELS, OrgLevel } from '@ggw/domain';
import { changeOf, changeUnit, Metric, METRICS } from '@ggw/rollup';
import { ExportSource, OrgFigures, TABLE_METRICS } from './export-content';
import { computationText, figureStateText, generatedLine, periodLabel } from './labels';

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

const BOLD = { bold: true } as const;

/** A table's column headers: the org columns, then each figure with its unit. */
function tableHeader(first: string[]): string[] {
  return [...first, ...TABLE_METRICS.map((m) => `${m.label}(${m.unit === '比率' ? '%' : m.unit})`)];
}

function addFigureRow(sheet: ExcelJS.Worksheet, cells: string[], row: OrgFigures): void {
  const added = sheet.addRow([...cells, ...TABLE_METRICS.map((m) => row.now[m.key] ?? null)]);
  TABLE_METRICS.forEach((m, i) => (added.getCell(cells.length + i + 1).numFmt = valueFormat(m)));
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

  const total = await source.total();
  const summary = workbook.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 3 }] });
  summary.columns = [{ width: 30 }, { width: 8 }, { width: 16 }, { width: 16 }, { width: 14 }, { width: 10 }, { width: 30 }];
  summary.addRow([`${org.name}关工委 ${periodLabel(period)}汇总`]).commit();
  summary.addRow([`${generatedLine(generatedAt)}。${figureStateText(source.state)}`]).commit();
  const summaryHeader = summary.addRow(['指标', '单位', periodLabel(period), `上年同期(${periodLabel(previous)})`, '比上年', '变化单位', '指标代码']);
  summaryHeader.font = BOLD;
  summaryHeader.commit();
  for (const m of METRICS) {
    const now = total.now[m.key] ?? null;
    const before = total.before[m.key] ?? null;
    const row = summary.addRow([m.label, m.unit, now, before, changeOf(m, now, before), changeUnit(m), m.key]);
    row.getCell(3).numFmt = valueFormat(m);
    row.getCell(4).numFmt = valueFormat(m);
    row.getCell(5).numFmt = changeFormat(m);
    row.commit();
  }
  summary.commit();
  await progress(1);

  const children = workbook.addWorksheet('下级单位', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  children.columns = [{ width: 16 }, { width: 22 }, { width: 10 }, ...TABLE_METRICS.map(() => ({ width: 14 }))];
  children.addRow([`${org.name}关工委 下级单位 ${periodLabel(period)}(第一行为本级合计)`]).commit();
  const childHeader = children.addRow(tableHeader(['代码', '名称', '类型']));
  childHeader.font = BOLD;
  childHeader.commit();
  addFigureRow(children, [org.code, `${org.name}(合计)`, ORG_TYPE_LABELS[org.type]], total);
  for (const row of await source.children()) addFigureRow(children, [row.org.code, row.org.name, ORG_TYPE_LABELS[row.org.type]], row);
  children.commit();
  await progress(1);

  const names = await source.namesAboveVillages();
  const sheet = workbook.addWorksheet('村社区', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  sheet.columns = [{ width: 18 }, { width: 22 }, { width: 10 }, { width: 18 }, ...TABLE_METRICS.map(() => ({ width: 14 }))];
  sheet.addRow([`${org.name}关工委 所有村、社区、学校、企业关工小组 ${periodLabel(period)}(共${villages}个)`]).commit();
  const villageHeader = sheet.addRow(tableHeader(['代码', '名称', '类型', '上级单位']));
  villageHeader.font = BOLD;
  villageHeader.commit();
  for await (const page of source.descendants(OrgLevel.VILLAGE, input.pageSize)) {
    for (const row of page) {
      addFigureRow(sheet, [row.org.code, row.org.name, ORG_TYPE_LABELS[row.org.type], names.get(row.org.parentId ?? '') ?? ''], row);
    }
    await progress(page.length);
  }
  sheet.commit();

  const notes = workbook.addWorksheet('说明');
  notes.columns = [{ width: 30 }, { width: 30 }, { width: 8 }, { width: 60 }, { width: 40 }];
  notes.addRow([`${org.name}关工委 ${periodLabel(period)}数据说明`]).commit();
  notes.addRow([`${generatedLine(generatedAt)}。${EXPORT_FORMATS.XLSX.label}。${figureStateText(source.state)};比率为合计后再相除,不是各单位比率的平均;“比上年”对比率以百分点计,其余以本单位计。`]).commit();
  const notesHeader = notes.addRow(['指标代码', '指标名称', '单位', '定义', '计算方式']);
  notesHeader.font = BOLD;
  notesHeader.commit();
  for (const m of METRICS) notes.addRow([m.key, m.label, m.unit, m.definition, computationText(m)]).commit();
  notes.commit();

  await workbook.commit();
}
