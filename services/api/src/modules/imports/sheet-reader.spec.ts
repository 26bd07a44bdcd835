import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { DEFAULT_READER_LIMITS, FileProblem, ImportFileError, parseChineseDate, ReaderLimits, readSheetRows, SheetRow } from './sheet-reader';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let seq = 0;
function file(name: string, content: Buffer | string): string {
  const p = path.join(dir, `${++seq}-${name}`);
  fs.writeFileSync(p, content);
  return p;
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const p = path.join(dir, `${++seq}.xlsx`);
  await wb.xlsx.writeFile(p);
  return p;
}

const HEADERS = ['姓名', '出生日期', '人数'];

async function readAll(p: string, name = path.basename(p), expected = HEADERS, optional: string[] = [], limits?: ReaderLimits): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readSheetRows(p, name, expected, optional, limits)) rows.push(row);
  return rows;
}

/** Reads the file expecting a refusal; checks the message is Chinese and shows nothing of the server. */
async function refusal(p: string, name = path.basename(p), expected = HEADERS, optional: string[] = [], limits?: ReaderLimits): Promise<ImportFileError> {
  try {
    await readAll(p, name, expected, optional, limits);
  } catch (e) {
    if (!(e instanceof ImportFileError)) throw e;
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.details.reason).toBe(e.reason);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(e.message).not.toContain(dir);
    expect(e.message).not.toContain(os.tmpdir());
    expect(e.message).not.toMatch(/Error|at \w+ \(|node_modules|exceljs|invalid|unexpected/i);
    expect(JSON.stringify(e.details)).not.toContain(dir);
    return e;
  }
  throw new Error('expected the file to be refused');
}
async function reason(...args: Parameters<typeof refusal>): Promise<FileProblem> {
  return (await refusal(...args)).reason;
}

// --- a zip written by hand: local headers, data, central directory, end record ---------------------
interface ZipItem {
  name: string;
  data: Buffer;
  store?: boolean;
  /** what the central directory claims, if not the truth */
  declared?: number;
  flags?: number;
}
function crc32(data: Buffer): number {
  const z = zlib as unknown as { crc32?: (d: Buffer) => number };
  if (z.crc32) return z.crc32(data);
  let c = ~0;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function zip(items: ZipItem[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const item of items) {
    const name = Buffer.from(item.name);
    const body = item.store ? item.data : zlib.deflateRawSync(item.data);
    const size = item.declared ?? item.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(item.flags ?? 0, 6);
    local.writeUInt16LE(item.store ? 0 : 8, 8);
    local.writeUInt32LE(crc32(item.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(item.flags ?? 0, 8);
    central.writeUInt16LE(item.store ? 0 : 8, 10);
    central.writeUInt32LE(crc32(item.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('readSheetRows: xlsx values', () => {
  it('reads values keyed by header, with column letters, dates, rich text, formulas and empty cells', async () => {
    const p = await xlsx((wb) => {
      const ws = wb.addWorksheet('台账');
      ws.addRow(['人数', ' 姓名 ', '出生日期', '党员', '合计', '入会日期', '备注']);
      ws.addRow([3, { richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] }, new Date(Date.UTC(2021, 2, 1)), true, { formula: 'A2+1', result: 4 }, { formula: 'C2+1', result: 44257 }, '  ']);
      ws.getCell('F2').numFmt = 'yyyy-mm-dd';
      ws.addRow([null, '   ', null, null, null, null, null]); // every cell empty: skipped
      ws.addRow([2.5, '李四', '2021年3月1日', false, { formula: 'A4+1' }, null, ' 有 空格 ']);
      ws.getCell('A8').numFmt = '0.00'; // formatted, empty: trailing rows are skipped
      ws.getRow(9).height = 30;
    });
    const rows = await readAll(p, '台账.xlsx', ['姓名', '出生日期', '人数', '党员', '合计', '入会日期', '备注', '电话'], ['电话']);
    expect(rows).toEqual([
      {
        row: 2,
        values: { 人数: 3, 姓名: '张三', 出生日期: '2021-03-01', 党员: true, 合计: 4, 入会日期: '2021-03-02', 备注: null },
        columns: { 人数: 'A', 姓名: 'B', 出生日期: 'C', 党员: 'D', 合计: 'E', 入会日期: 'F', 备注: 'G' },
        formulas: { 合计: '公式 =A2+1 的计算结果', 入会日期: '公式 =C2+1 的计算结果' },
      },
      {
        row: 4,
        values: { 人数: 2.5, 姓名: '李四', 出生日期: '2021年3月1日', 党员: false, 合计: null, 入会日期: null, 备注: ' 有 空格 ' },
        columns: expect.any(Object),
        formulas: { 合计: expect.stringMatching(/^公式 =A4\+1 没有可用的计算结果/) },
      },
    ]);
    expect(rows[1].formulas!.合计).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps a date in its calendar day whatever the time zone', async () => {
    const p = await xlsx((wb) => {
      const ws = wb.addWorksheet('表');
      ws.addRow(HEADERS);
      ws.addRow(['王五', new Date(Date.UTC(1999, 11, 31)), 1]);
      ws.addRow(['赵六', new Date(Date.UTC(2000, 0, 1)), 1]);
    });
    const rows = await readAll(p);
    expect(rows.map((r) => r.values.出生日期)).toEqual(['1999-12-31', '2000-01-01']);
  });

  it('skips empty sheets before the data sheet and ignores cells in columns without a header', async () => {
    const p = await xlsx((wb) => {
      wb.addWorksheet('空');
      const ws = wb.addWorksheet('数据');
      ws.addRow(['姓名', '出生日期', '人数', null, null]);
      ws.addRow(['张三', null, 1, null, '旁注']);
      ws.mergeCells('A5:C5'); // a merge below the header is allowed
      ws.getCell('A5').value = '小计';
    });
    const rows = await readAll(p);
    expect(rows.map((r) => [r.row, r.values])).toEqual([
      [2, { 姓名: '张三', 出生日期: null, 人数: 1 }],
      [5, { 姓名: '小计', 出生日期: null, 人数: null }],
    ]);
  });

  it('stops early when the caller stops reading, and can read the file again', async () => {
    const p = await xlsx((wb) => {
      const ws = wb.addWorksheet('表');
      ws.addRow(HEADERS);
      for (let i = 0; i < 50; i++) ws.addRow([`人${i}`, null, i]);
      wb.addWorksheet('第二页').addRow(['x']);
    });
    for await (const row of readSheetRows(p, 'a.xlsx', HEADERS, [])) {
      expect(row.row).toBe(2);
      break;
    }
    expect(await readAll(p)).toHaveLength(50);
  });

  it('streams 20,000 rows written by the streaming writer', async () => {
    const p = path.join(dir, 'big.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: p, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet('台账');
    const headers = ['姓名', '性别', '出生日期', '单位', '职务', '电话', '人数', '备注'];
    ws.addRow(headers).commit();
    for (let i = 0; i < 20_000; i++) {
      ws.addRow([`姓名${i}`, i % 2 ? '男' : '女', new Date(Date.UTC(1950, 0, 1 + (i % 9000))), `单位${i % 300}`, '委员', `1380000${String(i).padStart(4, '0')}`, i, '备注文字']).commit();
    }
    ws.commit();
    await wb.commit();
    const started = Date.now();
    let count = 0;
    let last: SheetRow | undefined;
    for await (const row of readSheetRows(p, '台账.xlsx', headers, [])) {
      count++;
      last = row;
    }
    expect(count).toBe(20_000);
    expect(last).toMatchObject({ row: 20_001, values: { 姓名: '姓名19999', 人数: 19_999, 出生日期: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});

describe('readSheetRows: files refused as a whole', () => {
  it('FILE_TOO_LARGE before reading', async () => {
    const p = file('a.xlsx', Buffer.alloc(2048));
    const e = await refusal(p, 'a.xlsx', HEADERS, [], { ...DEFAULT_READER_LIMITS, maxBytes: 1024 });
    expect(e.reason).toBe('FILE_TOO_LARGE');
    expect(e.message).toContain('1 KB');
  });

  it('NOT_A_SPREADSHEET: a renamed CSV, random bytes, an unknown extension, an old .xls, a binary .csv', async () => {
    expect(await reason(file('a.xlsx', '姓名,出生日期,人数\n张三,,1\n'))).toBe('NOT_A_SPREADSHEET');
    expect(await reason(file('b.xlsx', Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9])))).toBe('NOT_A_SPREADSHEET');
    expect(await reason(file('empty.xlsx', Buffer.alloc(0)))).toBe('NOT_A_SPREADSHEET');
    expect(await reason(file('c.txt', '姓名,出生日期,人数\n'))).toBe('NOT_A_SPREADSHEET');
    expect(await reason(file('d.xls', 'whatever'))).toBe('NOT_A_SPREADSHEET');
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(500), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(500)]);
    const oldXls = await refusal(file('old.xlsx', ole));
    expect([oldXls.reason, oldXls.message]).toEqual(['NOT_A_SPREADSHEET', expect.stringContaining('.xls')]);
    const book = await xlsx((wb) => wb.addWorksheet('表').addRow(HEADERS));
    expect(await reason(file('e.csv', fs.readFileSync(book)))).toBe('NOT_A_SPREADSHEET');
  });

  it('ZIP_BOMB: an entry inflating more than 200:1 past 10 MB', async () => {
    const bomb = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(12 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(100_000);
    const e = await refusal(file('bomb.xlsx', bomb));
    expect(e.reason).toBe('ZIP_BOMB');
  });

  it('ZIP_BOMB: more than 50 × maxBytes uncompressed in all', async () => {
    const data = Buffer.from(Array.from({ length: 200_000 }, (_, i) => String.fromCharCode(48 + ((i * 7919) % 75))).join(''));
    const p = file('big.xlsx', zip([{ name: 'xl/workbook.xml', data }]));
    expect(await reason(p, 'big.xlsx', HEADERS, [], { ...DEFAULT_READER_LIMITS, maxBytes: 1000 + fs.statSync(p).size })).toBe('ZIP_BOMB');
  });

  it('ZIP_BOMB: an entry inflating past the size its header declares', async () => {
    const liar = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(2 * 1024 * 1024, 0x41), declared: 1000 },
    ]);
    expect(await reason(file('liar.xlsx', liar))).toBe('ZIP_BOMB');
  });

  it('ENCRYPTED: an OLE compound file (a password-protected workbook) or an encrypted zip entry', async () => {
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.from('junk junk junk junk')]);
    const e = await refusal(file('secret.xlsx', ole));
    expect([e.reason, e.message]).toEqual(['ENCRYPTED', expect.stringContaining('密码')]);
    const flagged = zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), flags: 1 }]);
    expect(await reason(file('flagged.xlsx', flagged))).toBe('ENCRYPTED');
  });

  it('CORRUPT: a zip without a workbook, a cut-short file, XML exceljs cannot parse, an entry hidden outside the directory', async () => {
    expect(await reason(file('text.xlsx', zip([{ name: 'readme.txt', data: Buffer.from('hello') }])))).toBe('CORRUPT');

    const good = fs.readFileSync(await xlsx((wb) => wb.addWorksheet('表').addRow(HEADERS)));
    expect(await reason(file('cut.xlsx', good.subarray(0, Math.floor(good.length * 0.7))))).toBe('CORRUPT');

    const badXml = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships><<<') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/sharedStrings.xml', data: Buffer.from('<sst></sst>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row></sheetData' + '</oops>') },
    ]);
    const e = await refusal(file('bad.xlsx', badXml));
    expect(e.reason).toBe('CORRUPT');
    expect(e.message).toBe('文件已损坏,无法读取:请在 Excel 中打开并另存为 .xlsx 后再上传');
    expect((e as { cause?: unknown }).cause).toBeInstanceOf(Error); // kept for the server log

    // an entry before the listed ones: unzipper would read it, the central directory does not list it
    const hidden = zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
    const extra = zip([{ name: 'xl/sharedStrings.xml', data: Buffer.from('<sst/>') }]);
    const extraLocal = extra.subarray(0, extra.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    const shifted = Buffer.from(hidden);
    const cdStart = shifted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    shifted.writeUInt32LE(extraLocal.length, cdStart + 42); // the listed entry now starts after the unlisted one
    shifted.writeUInt32LE(shifted.readUInt32LE(shifted.length - 6) + extraLocal.length, shifted.length - 6);
    const smuggled = Buffer.concat([extraLocal, shifted]);
    expect(await reason(file('smuggled.xlsx', smuggled))).toBe('CORRUPT');
  });

  it('HIDDEN_SHEET: a hidden or very hidden sheet, named in the message', async () => {
    const hidden = await xlsx((wb) => {
      wb.addWorksheet('台账').addRow(HEADERS);
      wb.addWorksheet('旧数据', { state: 'hidden' }).addRow(['x']);
    });
    const e = await refusal(hidden);
    expect([e.reason, e.details.sheet]).toEqual(['HIDDEN_SHEET', '旧数据']);
    expect(e.message).toContain('“旧数据”');
    const veryHidden = await xlsx((wb) => {
      wb.addWorksheet('代码', { state: 'veryHidden' });
      wb.addWorksheet('台账').addRow(HEADERS);
    });
    expect(await reason(veryHidden)).toBe('HIDDEN_SHEET');
  });

  it('NO_SHEET: a workbook with nothing filled in', async () => {
    const p = await xlsx((wb) => {
      wb.addWorksheet('一');
      wb.addWorksheet('二').getCell('B3').numFmt = '0.00';
    });
    expect(await reason(p)).toBe('NO_SHEET');
  });

  it('MERGED_HEADER: cells merged across row 1', async () => {
    const p = await xlsx((wb) => {
      const ws = wb.addWorksheet('台账');
      ws.addRow(['姓名', null, '出生日期', '人数']);
      ws.mergeCells('A1:B1');
      ws.addRow(['张三', null, null, 1]);
    });
    const e = await refusal(p);
    expect([e.reason, e.details.ranges]).toEqual(['MERGED_HEADER', ['A1:B1']]);
    expect(e.message).toContain('A1:B1');
    const tall = await xlsx((wb) => {
      const ws = wb.addWorksheet('台账');
      ws.addRow(HEADERS);
      ws.mergeCells('A1:A2');
    });
    expect(await reason(tall)).toBe('MERGED_HEADER');
  });

  it('MISSING_COLUMNS and EXTRA_COLUMNS name the columns; the order of headers does not matter', async () => {
    const missing = await xlsx((wb) => wb.addWorksheet('表').addRow(['人数', '姓名', '电话']));
    const e = await refusal(missing, undefined, HEADERS, ['电话']);
    expect([e.reason, e.details.missing]).toEqual(['MISSING_COLUMNS', ['出生日期']]);
    expect(e.message).toContain('“出生日期”');

    const extra = await xlsx((wb) => wb.addWorksheet('表').addRow(['人数', '姓名', '出生日期', '身份证号', '住址']));
    const x = await refusal(extra);
    expect([x.reason, x.details.extra]).toEqual(['EXTRA_COLUMNS', ['身份证号', '住址']]);
    expect(x.message).toContain('“身份证号”、“住址”');

    const twice = await xlsx((wb) => wb.addWorksheet('表').addRow(['人数', '姓名', '出生日期', '姓名 ']));
    expect(await reason(twice)).toBe('EXTRA_COLUMNS');

    const noHeader = await xlsx((wb) => {
      const ws = wb.addWorksheet('表');
      ws.getCell('A3').value = '张三';
    });
    expect(await reason(noHeader)).toBe('MISSING_COLUMNS');
  });

  it('TOO_MANY_ROWS stops as soon as the limit is passed', async () => {
    const p = await xlsx((wb) => {
      const ws = wb.addWorksheet('表');
      ws.addRow(HEADERS);
      for (let i = 0; i < 10; i++) ws.addRow([`人${i}`, null, i]);
    });
    const seen: number[] = [];
    const limits = { ...DEFAULT_READER_LIMITS, maxRows: 3 };
    const error = await (async () => {
      for await (const row of readSheetRows(p, 'a.xlsx', HEADERS, [], limits)) seen.push(row.row);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).reason).toBe('TOO_MANY_ROWS');
    expect(seen).toEqual([2, 3, 4]);
    expect(await readAll(p, 'a.xlsx', HEADERS, [], { ...limits, maxRows: 10 })).toHaveLength(10);
  });

  it('CELL_TOO_LONG gives the row and column letter', async () => {
    const p = await xlsx((wb) => {
      const ws = wb.addWorksheet('表');
      ws.addRow(HEADERS);
      ws.addRow(['张三', null, 1]);
      ws.addRow(['李四', '长'.repeat(31), 2]);
    });
    const e = await refusal(p, undefined, HEADERS, [], { ...DEFAULT_READER_LIMITS, maxCellChars: 30 });
    expect([e.reason, e.details.row, e.details.column]).toEqual(['CELL_TOO_LONG', 3, 'B']);
    expect(e.message).toContain('第 3 行 B 列');
  });
});

describe('readSheetRows: csv', () => {
  it('reads quoted fields with commas, quotes and line breaks, drops a BOM, skips empty lines', async () => {
    const csv = '\ufeff姓名,出生日期,人数\r\n"张,三","2021/3/1",3\r\n\r\n"说""好""的",,"多\n行"\r\n , ,\r\n李四,2021年3月1日,\n\n';
    const rows = await readAll(file('a.csv', csv), '台账.CSV');
    expect(rows).toEqual([
      { row: 2, values: { 姓名: '张,三', 出生日期: '2021/3/1', 人数: '3' }, columns: { 姓名: 'A', 出生日期: 'B', 人数: 'C' } },
      { row: 4, values: { 姓名: '说"好"的', 出生日期: null, 人数: '多\n行' }, columns: expect.any(Object) },
      { row: 6, values: { 姓名: '李四', 出生日期: '2021年3月1日', 人数: null }, columns: expect.any(Object) },
    ]);
  });

  it('decodes GB18030', async () => {
    // 姓名 出生日期 人数 / 张三 男: bytes as Excel on a Chinese Windows writes them
    const bytes = Buffer.from('d0d5c3fb2cb3f6c9fac8d5c6da2cc8cbcafd0d0ad5c5c8fd2c2c310d0a', 'hex');
    expect(new TextDecoder('gb18030').decode(bytes)).toBe('姓名,出生日期,人数\r\n张三,,1\r\n');
    expect(await readAll(file('gb.csv', bytes))).toEqual([{ row: 2, values: { 姓名: '张三', 出生日期: null, 人数: '1' }, columns: { 姓名: 'A', 出生日期: 'B', 人数: 'C' } }]);
  });

  it('checks headers and limits like a workbook', async () => {
    expect(await reason(file('a.csv', '姓名,人数\n张三,1\n'))).toBe('MISSING_COLUMNS');
    expect(await reason(file('b.csv', '姓名,出生日期,人数,住址\n'))).toBe('EXTRA_COLUMNS');
    expect(await reason(file('c.csv', ''))).toBe('NO_SHEET');
    expect(await reason(file('d.csv', '\ufeff\r\n,,\r\n'))).toBe('NO_SHEET');
    const e = await refusal(file('e.csv', '姓名,出生日期,人数\n张三,"1990-01-01\n李四,,2\n'));
    expect([e.reason, e.details.row]).toEqual(['CORRUPT', 2]);
    const long = await refusal(file('f.csv', `姓名,出生日期,人数\n张三,,${'9'.repeat(2001)}\n`));
    expect([long.reason, long.details.column]).toEqual(['CELL_TOO_LONG', 'C']);
  });
});

describe('parseChineseDate', () => {
  it.each([
    ['2021-03-01', '2021-03-01'],
    ['2021.3.1', '2021-03-01'],
    ['2021/3/1', '2021-03-01'],
    ['2021年3月1日', '2021-03-01'],
    [' 2021年12月31日 ', '2021-12-31'],
    ['20210301', '2021-03-01'],
    [20210301, '2021-03-01'],
    [new Date(Date.UTC(2021, 2, 1)), '2021-03-01'],
    ['2021-02-30', null],
    ['2021-13-01', null],
    ['2021-3', null],
    ['三月一日', null],
    ['2021/03-01', null],
    [44256, null],
    [true, null],
    [null, null],
    [new Date(NaN), null],
  ])('%p → %p', (value, expected) => {
    expect(parseChineseDate(value)).toBe(expected);
  });
});
