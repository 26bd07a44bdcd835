import ExcelJS from 'exceljs';
import { labelsOf } from '../../common/enums';
import { ImportKind, ORG_CODE_HEADER } from './import.columns';
import { columnLetter } from './sheet-reader';

/** How many rows of a template carry the drop-downs and formats (a clerk pasting more keeps the first row's). */
const TEMPLATE_ROWS = 5000;


/**
 * The workbook a clerk fills in for a kind of record: one sheet headed in Chinese (frozen
 * header row), a drop-down on every enum column (in Chinese) and on the org code (the orgs the
 * user may write to, listed on the 组织代码 sheet with their names), date, money and text
 * formats, and a 填表说明 sheet explaining each column and the checks an import makes.
 */
export async function writeTemplate(kind: ImportKind, orgs: Array<{ code: string; name: string }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '关工委工作报表平台';
  const sheet = workbook.addWorksheet(kind.label, { views: [{ state: 'frozen', ySplit: 1 }] });
  const codes = workbook.addWorksheet(ORG_CODE_HEADER);
  const help = workbook.addWorksheet('填表说明');

  sheet.columns = kind.columns.map((c) => ({
    header: c.header, key: c.field, width: Math.max(12, [...c.header].length * 2 + 4),
    style: {
      numFmt: c.spec?.type === 'date' ? 'yyyy-mm-dd' : c.spec?.type === 'money' ? '0.00' : c.spec === null || c.spec.type === 'idNumber' || c.spec.type === 'phone' ? '@' : undefined,
    } as Partial<ExcelJS.Style>,
  }));
  sheet.getRow(1).font = { bold: true };
  const rows = `2:${TEMPLATE_ROWS + 1}`;
  const validations = (sheet as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  kind.columns.forEach((c, i) => {
    const range = `${columnLetter(i + 1)}${rows.replace(':', `:${columnLetter(i + 1)}`)}`;
    const list = c.spec === null ? [`'${ORG_CODE_HEADER}'!$A$2:$A$${orgs.length + 1}`]
      : c.spec.type === 'enum' ? [`"${Object.values(labelsOf(c.spec.values)).join(',')}"`]
        : c.spec.type === 'bool' ? ['"是,否"'] : null;
    if (list) {
      validations.add(range, {
        type: 'list', allowBlank: !c.spec?.required && c.spec !== null, formulae: list,
        showErrorMessage: true, errorStyle: 'stop', errorTitle: c.header, error: `请从下拉列表中选择${c.header}`,
      });
    }
  });

  codes.columns = [{ header: '组织代码', key: 'code', width: 18, style: { numFmt: '@' } }, { header: '组织名称', key: 'name', width: 30 }];
  codes.getRow(1).font = { bold: true };
  for (const o of orgs) codes.addRow(o);

  help.columns = [{ header: '列', width: 6 }, { header: '表头', width: 20 }, { header: '填写说明', width: 90 }];
  help.getRow(1).font = { bold: true };
  kind.columns.forEach((c, i) => help.addRow([columnLetter(i + 1), c.header, c.help]));
  help.addRow([]);
  for (const line of [
    `每行一条${kind.label}记录,从第 2 行开始填写;不要改动、合并或隐藏表头,不要增删列。`,
    '先“试导入”(只检查、不写入):所有问题一次列出,写明第几行、哪一列、填的是什么、错在哪里;改好后再正式导入。',
    '正式导入要么全部成功,要么一条都不写入;已上报、已审核或已结账期间的数据不能导入,请先由上级退回或重开。',
    `同一条记录重复导入不会重复计数:按 ${kind.keys.map((k) => k.map((f) => kind.columns.find((c) => c.field === f)!.header).join(' + ')).join(',或 ')} 识别已有记录,内容相同的不变,不同的更新。`,
  ]) help.addRow(['', '', line]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}


const BAD_CELL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

/**
 * The file given back with its problems: every row as it was read, a 错误 column saying what is
 * wrong with it, its bad cells filled red; and a 问题 sheet listing every problem (those of the
 * whole file too). Written as a stream, row by row.
 */
export async function writeErrorWorkbook(
  kind: ImportKind,
  rows: AsyncIterable<{ row: number; values: Record<string, unknown> }>,
  problems: Array<{ row: number | null; column: string | null; header: string | null; value: unknown; message: string }>,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve, reject) => { out.on('end', resolve); out.on('error', reject); });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(kind.label, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = kind.columns.map((c) => c.header);
  sheet.columns = [...headers.map((h) => ({ header: h, width: Math.max(12, [...h].length * 2 + 4) })), { header: '错误', width: 60 }];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const byRow = new Map<number, typeof problems>();
  for (const p of problems) {
    if (p.row === null) continue;
    const list = byRow.get(p.row);
    if (list) list.push(p);
    else byRow.set(p.row, [p]);
  }
  let next = 2;
  for await (const r of rows) {
    // keep the clerk's row numbers: a skipped empty row stays empty here too
    while (next < r.row) sheet.getRow(next++).commit();
    const row = sheet.getRow(r.row);
    headers.forEach((h, i) => { row.getCell(i + 1).value = (r.values[h] ?? null) as ExcelJS.CellValue; });
    const mine = byRow.get(r.row) ?? [];
    row.getCell(headers.length + 1).value = mine.map((p) => (p.column ? `${p.column}列:${p.message}` : p.message)).join(';') || null;
    for (const p of mine) {
      const i = p.header ? headers.indexOf(p.header) : -1;
      if (i >= 0) row.getCell(i + 1).fill = BAD_CELL;
    }
    row.commit();
    next = r.row + 1;
  }
  sheet.commit();
  const list = workbook.addWorksheet('问题');
  list.columns = [{ header: '行', width: 8 }, { header: '列', width: 6 }, { header: '表头', width: 16 }, { header: '填写内容', width: 24 }, { header: '问题', width: 80 }];
  for (const p of problems) list.addRow([p.row, p.column, p.header, p.value === null || p.value === undefined ? null : String(p.value), p.message]).commit();
  list.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
