import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { readSheetRows } from '../../services/api/src/modules/imports/sheet-reader';
import { writeErrorWorkbook } from '../../services/api/src/modules/imports/import.template';

it('scratch', async () => {
  for (let round = 0; round < 5; round++)
  for (const f of fs.readdirSync('/tmp/keep').filter((x) => x.startsWith('cells'))) {
    const p = `/tmp/keep/${f}`;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(p) as any);
    const headers = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1).map(String);
    const kind: any = { label: 'x', columns: headers.map((h) => ({ header: h })) };
    const read = () => readSheetRows(p, 'a.xlsx', headers, headers.slice(3));
    try {
      let n = 0;
      for await (const r of read()) n++;
      const out = await writeErrorWorkbook(kind, read(), [{ row: 2, column: 'A', header: '组织代码', value: 'x', message: '错' }]);
      console.log(f, 'ok', n, out.length);
    } catch (e: any) {
      console.log(f, e.reason, e.cause?.stack ?? e.cause ?? e.stack);
    }
  }
}, 60000);
