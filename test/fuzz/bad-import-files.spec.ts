/* eslint-disable no-console */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { startTestApi, TestApi } from '@ggw/testing';
import { failureReport, forEachConcurrently, hashString, Rng } from './fuzz-random';

/**
 * A deterministic (seeded) fuzz suite of bad spreadsheet files for `POST /imports`, end to end
 * over HTTP as 台上镇's admin importing into 台上镇: XLSX files damaged byte by byte, zips with
 * parts missing, renamed, lying or bombed, workbooks of the wrong shape (headers, merges, hidden
 * sheets, empty rows), cells full of junk, CSV files in every encoding and line ending, and bad
 * requests (query parameters, multipart bodies, users). Most are dry runs; some are real imports
 * of files that must be rejected.
 *
 * Every answer must be one of 200/400/401/403/404 within the time limit, with a stable code (a
 * 400 for a file with a known `reason`), no stack, path, SQL or library text, problems pointing
 * at a row and a column letter with a Chinese message; where the family knows the outcome, that
 * one. Afterwards the record tables and the audit trail are as they were, import_job has one row
 * per 200 answer, and the API still answers GraphQL.
 */
const SEED = 20261127;
/** FUZZ_SCALE=0.1 runs a tenth of every family (a quick look while fixing). */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Set FUZZ_DUMP=/some/file.jsonl to get every request and its answer (truncated), one JSON per line. */
const DUMP = process.env.FUZZ_DUMP;
/** Set FUZZ_KEEP=/some/dir to keep the files of the requests that failed a check (named by family and number), to reproduce them. */
const KEEP = process.env.FUZZ_KEEP;
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 4);
/** No answer may take longer (a hang); well under jest's timeout. */
const REQUEST_TIMEOUT_MS = 20_000;

const TAISHANG = '220582101';
const OTHER_COUNTY_VILLAGE = '220521101201';
const SHIHU = '220582106201';
const ADMIN = 'taishang-admin';
const SLUGS = ['volunteers', 'beneficiaries', 'activities', 'donations', 'disbursements', 'articles', 'guarantees', 'plan-targets'] as const;
const RECORD_TABLES = ['volunteer', 'beneficiary', 'activity', 'donation', 'disbursement', 'article', 'guarantee', 'plan_target', 'audit_event'];

const REASONS = new Set(['FILE_TOO_LARGE', 'NOT_A_SPREADSHEET', 'ZIP_BOMB', 'ENCRYPTED', 'CORRUPT', 'HIDDEN_SHEET', 'MERGED_HEADER', 'MISSING_COLUMNS',
  'EXTRA_COLUMNS', 'TOO_MANY_ROWS', 'CELL_TOO_LONG', 'NO_SHEET']);
const CODE_OF_STATUS: Record<number, string> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };
const ALLOWED_STATUS = new Set([200, 400, 401, 403, 404]);
/** What no message may show: a stack, a path of the server, SQL, or the text of the libraries that read files. */
const LEAK = /\bat \S+ \(|\bat (async )?\S+:\d+:\d+|\/tmp\/|\/work\/|node_modules|select |insert |QueryFailedError|exceljs|unzip|jszip|\bsax\b|zlib|inflate|busboy|fastify|ENOENT|EOCD|TypeError|RangeError|SyntaxError|Error:|undefined|\[object/i;
const CHINESE = /[\u3400-\u9fff]/;
const COLUMN = /^[A-Z]{1,3}$/;

const FAMILIES = ['bytes', 'zip', 'structure', 'cells', 'csv', 'request'] as const;
type Family = (typeof FAMILIES)[number];
const REQUESTS_PER_FAMILY: Record<Family, number> = { bytes: 60, zip: 40, structure: 55, cells: 75, csv: 45, request: 40 };

// ---------------------------------------------------------------------------------------------
// the kinds, as their templates describe them (read from GET /templates/<kind>.xlsx in beforeAll)

type ColType = 'org' | 'text' | 'enum' | 'bool' | 'date' | 'money' | 'int' | 'year' | 'metric' | 'phone' | 'idNumber' | 'decimal' | 'period';
interface Col {
  header: string;
  type: ColType;
  required: boolean;
  options?: string[];
  min?: number;
  max?: number;
}
interface KindInfo {
  slug: string;
  cols: Col[];
}

function columnType(header: string, help: string): Omit<Col, 'header'> {
  const required = help.startsWith('必填');
  if (header === '组织代码') return { type: 'org', required: true };
  const enumList = /从下拉列表中选:(.+)$/.exec(help);
  if (enumList) return { type: 'enum', required, options: enumList[1].split('、') };
  if (help.includes('是 或 否')) return { type: 'bool', required };
  if (help.includes('日期,如')) return { type: 'date', required };
  if (help.includes('金额(元)')) return { type: 'money', required };
  const int = /整数,(-?\d+) 到 (\d+)/.exec(help);
  if (int) return { type: 'int', required, min: Number(int[1]), max: Number(int[2]) };
  if (help.includes('年份')) return { type: 'year', required };
  if (help.includes('指标名称')) return { type: 'metric', required };
  if (help.includes('手机号')) return { type: 'phone', required };
  if (help.includes('身份证号')) return { type: 'idNumber', required };
  if (help.includes('数字,最多六位小数')) return { type: 'decimal', required };
  if (help.includes('期间')) return { type: 'period', required };
  const text = /文字,最多 (\d+) 个字/.exec(help);
  if (text) return { type: 'text', required, max: Number(text[1]) };
  throw new Error(`setup: the template's help for ${header} names no known type: ${help}`);
}

// ---------------------------------------------------------------------------------------------
// values

interface Ctx {
  kinds: KindInfo[];
  villages: string[];
}

const NAMES = ['张桂兰', '李德福', '王振山', '赵大明', '钱小红', '孙立', '法治宣讲', '某企业', '五四宣讲', '关爱留守儿童'];

/** A cell a clerk would fill in right. */
function validValue(rng: Rng, c: Col, ctx: Ctx, i: number): unknown {
  switch (c.type) {
    case 'org': return rng.pick(ctx.villages);
    case 'text': return `${rng.pick(NAMES)}${i}`;
    case 'enum': return rng.pick(c.options!);
    case 'bool': return rng.pick(['是', '否']);
    case 'date': return rng.chance(0.3) ? new Date(`${rng.date('2021-03-01', '2021-12-01')}T00:00:00Z`) : rng.date('2021-03-01', '2021-12-01');
    case 'money': return rng.chance(0.5) ? `${rng.int(1, 5000)}.50` : rng.int(1, 5000);
    case 'int': return rng.int(c.min ?? 0, Math.min(c.max ?? 100, (c.min ?? 0) + 100));
    case 'year': return 2021;
    case 'metric': return rng.pick(['volunteerCount', '五老志愿者']);
    case 'phone': return rng.chance(0.5) ? null : `139${rng.str(8, '0123456789')}`;
    case 'idNumber': return null;
    case 'decimal': return '0.5';
    case 'period': return '2021';
  }
}
const validRow = (rng: Rng, k: KindInfo, ctx: Ctx, i: number) => k.cols.map((c) => validValue(rng, c, ctx, i));
/** A row that can never be imported: its org is in another county. */
const badRow = (rng: Rng, k: KindInfo, ctx: Ctx, i: number) => k.cols.map((c) => (c.type === 'org' ? OTHER_COUNTY_VILLAGE : validValue(rng, c, ctx, i)));

const CONTROLS = ['\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0000'];
const SQLISH = ["1' OR '1'='1", "'; DROP TABLE volunteer; --", 'Robert"); DROP TABLE org;--', "220582101' OR 1=1 --", '1; TRUNCATE import_job'];
const ORG_JUNK = [` ${TAISHANG}201 `, '２２０５８２１０１２０１', OTHER_COUNTY_VILLAGE, SHIHU, "220582101201' OR '1'='1", '220582101201;--', '22058210120', '2205821012011',
  '220 582 101 201', '\u200b220582101201', 220582101201, 2.205821012e11, -220582101, '', '   ', '组织代码', '999999999999'];

interface Junk {
  value: unknown;
  label: string;
  /** a string over the reader's 2,000-character limit */
  long?: boolean;
  /** a control character (XML cannot carry it: the file may be unreadable) */
  control?: boolean;
}

/** A junk cell of any kind, for a column of type `t`. */
function junk(rng: Rng, t: ColType): Junk {
  if (t === 'org' && rng.chance(0.5)) {
    const v = rng.pick(ORG_JUNK);
    return { value: v, label: `org ${JSON.stringify(v)}` };
  }
  switch (rng.int(0, 21)) {
    case 0: {
      const c = rng.pick(CONTROLS);
      return { value: `张${c}三`, label: `control U+${c.charCodeAt(0).toString(16)}`, control: true };
    }
    case 1: return { value: rng.pick(['\ud800', '张\udc00三', '\udfff\ud800', '\ud83d']), label: 'lone surrogate' };
    case 2: return { value: rng.pick(['\u200b', '张\u200b三', '\ufeff李四', '\u200d\u200c', '\u00a0\u3000']), label: 'zero-width / odd spaces' };
    case 3: return { value: rng.pick(['x', '字', 'ab']).repeat(rng.pick([5000, 2001, 4000])).slice(0, 5000), label: 'long string', long: true };
    case 4: {
      const n = rng.pick([2000, 1999, 201, 101, 51]);
      return { value: '字'.repeat(n), label: `${n} characters` };
    }
    case 5: return { value: rng.pick([-1, 0, -0.0001, 1e308, -1e308, 2 ** 53 + 1, 1e-300, 12345678901234567890, 0.1 + 0.2, 3.999999999]), label: 'odd number' };
    case 6: return { value: rng.pick([NaN, Infinity, -Infinity]), label: 'non-finite number' };
    case 7: return { value: rng.pick(['NaN', 'Infinity', '-0', '1e309', '0x1F', '1,500', '¥100', '1500元', '١٢٣', '１２３', '+5', '.5', '5.']), label: 'NaN-like text' };
    case 8: return { value: rng.pick([true, false]), label: 'boolean' };
    case 9: return { value: rng.pick([{ formula: 'SUM(1,2)', result: 3 }, { formula: 'A1&"x"', result: '组织代码x' }, { formula: 'TODAY()', result: new Date(Date.UTC(2021, 4, 1)) },
      { formula: '1/0', result: { error: '#DIV/0!' } }, { formula: 'TRUE()', result: true }]), label: 'formula with result' };
    case 10: return { value: rng.pick([{ formula: 'NOW()' }, { formula: 'B2*2' }, { formula: 'VLOOKUP(A2,组织代码!A:B,2,FALSE)' }]), label: 'formula without result' };
    case 11: return { value: { richText: [{ text: '张' }, { font: { bold: true, color: { argb: 'FFFF0000' } }, text: '桂兰' }] }, label: 'rich text' };
    case 12: return { value: { text: rng.pick(['张三', '2021-03-01', '220582101201']), hyperlink: rng.pick(['http://example.com/x', 'file:///etc/passwd', 'mailto:a@b.c']) }, label: 'hyperlink' };
    case 13: return { value: { error: rng.pick(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!']) }, label: 'error value' };
    case 14: return { value: new Date(Date.UTC(rng.int(1990, 2023), rng.int(0, 11), rng.int(1, 28))), label: 'Excel date' };
    case 15: return { value: rng.pick(['2021年3月1日', '2021.3.1', '2021/3/1', '2021-3-1', '20210301', '2021年03月01日', '二〇二一年三月一日', '2021年3月', '3/1/2021', '2021-03-01 10:00']), label: 'date text' };
    case 16: return { value: rng.pick(['2021-02-30', '2021-13-01', '2021-04-31', '2021年2月29日', '0000-00-00', '2021.0.1', '2021/2/30']), label: 'impossible date' };
    case 17: return { value: rng.pick([new Date(Date.UTC(1800, 0, 1)), new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2999, 11, 31)), new Date(Date.UTC(9999, 11, 31)), '1899-12-31', '9999-12-31', '2099-01-01']), label: 'far date' };
    case 18: return { value: rng.pick(SQLISH), label: 'sql-looking' };
    case 19: return { value: rng.pick(['=cmd|\' /C calc\'!A0', '@SUM(1+1)', '+1+1', '-1+1', '<script>alert(1)</script>', '${jndi:ldap://x/a}', '%s%s%n', '../../etc/passwd']), label: 'injection-looking' };
    case 20: return { value: rng.pick(['是', '否', '有', '无', 'Y', '√', '×', 'yes', 'TRUE', '对', '1']), label: 'bool-ish' };
    default: return { value: rng.pick(['老教师', '老教师1', '老干部 ', 'CADRE', 'cadre', '讲座', 'volunteerCount', '五老志愿者', 'coreVolunteerShare', '不存在的指标']), label: 'label-ish' };
  }
}

// ---------------------------------------------------------------------------------------------
// files

interface SheetSpec {
  name: string;
  rows: unknown[][];
  /** row numbers of rows (1-based); default 1, 2, 3, … */
  at?: number[];
  state?: 'visible' | 'hidden' | 'veryHidden';
  merges?: string[];
}

/**
 * A workbook as Excel saves it: exceljs writes the sheets first and xl/workbook.xml last, an order
 * the server reads unreliably (see the test of its own below), so the families get their files in
 * Excel's order (workbook, rels, styles, shared strings, then the sheets) unless `exceljsOrder`.
 */
async function xlsx(sheets: SheetSpec[], tweak?: (wb: ExcelJS.Workbook) => void, exceljsOrder = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = wb.addWorksheet(s.name);
    if (s.state) sheet.state = s.state;
    s.rows.forEach((cells, i) => {
      const row = sheet.getRow(s.at?.[i] ?? i + 1);
      cells.forEach((v, j) => {
        if (v !== undefined && v !== null) row.getCell(j + 1).value = v as ExcelJS.CellValue;
      });
    });
    for (const m of s.merges ?? []) sheet.mergeCells(m);
  }
  tweak?.(wb);
  const written = Buffer.from(await wb.xlsx.writeBuffer());
  return exceljsOrder ? written : zipOf(excelOrder(await entriesOf(written)));
}

interface Entry {
  name: string;
  data: Buffer;
}
async function entriesOf(file: Buffer): Promise<Entry[]> {
  const zip = await JSZip.loadAsync(file);
  const out: Entry[] = [];
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.push({ name, data: await zip.files[name].async('nodebuffer') });
  return out;
}
const EXCEL_ORDER = [/^\[Content_Types\]\.xml$/, /^_rels\//, /^docProps\//, /^xl\/workbook\.xml$/, /^xl\/_rels\//, /^xl\/theme\//, /^xl\/styles\.xml$/, /^xl\/sharedStrings\.xml$/];
const rank = (name: string) => {
  const i = EXCEL_ORDER.findIndex((re) => re.test(name));
  return i < 0 ? EXCEL_ORDER.length : i;
};
const excelOrder = (entries: Entry[]) => [...entries].sort((a, b) => rank(a.name) - rank(b.name));

/** A zip written here (native deflate: fast enough for bombs): local headers, data, central directory, end record. */
function zipOf(entries: Entry[], store = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = store ? e.data : zlib.deflateRawSync(e.data, { level: 6 });
    const crc = zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const sheetOf = (k: KindInfo, rows: unknown[][], extra: Partial<SheetSpec> = {}): SheetSpec => ({ name: '台账', rows: [k.cols.map((c) => c.header), ...rows], ...extra });


/** Changes a central-directory header of the zip (what the directory claims about an entry). */
function patchCentral(zip: Buffer, name: string, patch: (b: Buffer, at: number) => void): Buffer {
  const b = Buffer.from(zip);
  let eocd = -1;
  for (let i = b.length - 22; i >= 0 && eocd < 0; i--) if (b.readUInt32LE(i) === 0x06054b50) eocd = i;
  if (eocd < 0) throw new Error('generator: no end of central directory');
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  let found = false;
  for (let n = 0; n < count; n++) {
    const nl = b.readUInt16LE(p + 28);
    const next = p + 46 + nl + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32); // before the patch changes the lengths
    if (b.toString('utf8', p + 46, p + 46 + nl) === name) {
      patch(b, p);
      found = true;
    }
    p = next;
  }
  if (!found) throw new Error(`generator: no ${name} in the zip`);
  return b;
}

/** GB18030 bytes (two-byte GBK range, ASCII as is), by inverting the platform's decoder; null when a character has no such form. */
let gbTable: Map<string, Buffer> | undefined;
function gb18030(s: string): Buffer | null {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(Buffer.from([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, Buffer.from([a, b]));
      }
    }
  }
  const parts: Buffer[] = [];
  for (const ch of s) {
    if (ch.codePointAt(0)! < 0x80) parts.push(Buffer.from(ch, 'latin1'));
    else {
      const b = gbTable.get(ch);
      if (!b) return null;
      parts.push(b);
    }
  }
  return Buffer.concat(parts);
}

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvText = (rows: unknown[][], eol = '\r\n') => rows.map((r) => r.map(csvField).join(',')).join(eol) + eol;

// ---------------------------------------------------------------------------------------------
// requests

/** What an answer is: 200, R:<reason> (a 400 for a file), F:<field> (a 400 for a parameter), C:<code> (401/403/404). */
type Outcome = string;

interface Req {
  family: Family;
  label: string;
  kind: string | null;
  /** the query string, after `?` */
  query: string;
  /** a multipart body of these files (and fields), or a raw body */
  files?: Array<{ name: string; content: Buffer; field?: string }>;
  fields?: Array<[string, string]>;
  raw?: { body: Buffer | string | null; contentType: string | null };
  /** authorization header; undefined: the admin's token */
  auth?: string | null;
  /** the answers allowed (R:* any reason); undefined: any answer that passes the generic checks */
  allow?: Outcome[];
  /** a real import: a 200 must be REJECTED */
  real: boolean;
  /** the last row that holds data (for checking where problems point) and the last column letter of the header */
  lastRow?: number;
  lastColumn?: string;
}

interface Answer {
  status: number;
  body: any;
  ms: number;
}

const letter = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};
const q = (kind: string, dryRun: boolean | string, org: string = TAISHANG) => `orgCode=${encodeURIComponent(org)}&kind=${encodeURIComponent(kind)}&dryRun=${dryRun}`;

function fileReq(family: Family, label: string, k: KindInfo, content: Buffer, opts: { real?: boolean; name?: string; allow?: Outcome[]; lastRow?: number } = {}): Req {
  const real = opts.real ?? false;
  return {
    family, label: `${k.slug} ${real ? 'import' : 'dry run'}: ${label}`, kind: k.slug, query: q(k.slug, !real),
    files: [{ name: opts.name ?? `${k.slug}.xlsx`, content }], real, allow: opts.allow, lastRow: opts.lastRow, lastColumn: letter(k.cols.length),
  };
}

type Generator = (rng: Rng, ctx: Ctx, i: number) => Promise<Req>;

/** A valid workbook of the kind: good rows for a dry run, rows of another county for a real import (which must then be rejected). */
async function baseXlsx(rng: Rng, ctx: Ctx, k: KindInfo, real: boolean): Promise<{ file: Buffer; rows: number }> {
  const n = rng.int(1, 5);
  const rows = Array.from({ length: n }, (_, i) => (real ? badRow(rng, k, ctx, i) : validRow(rng, k, ctx, i)));
  return { file: await xlsx([sheetOf(k, rows)]), rows: n + 1 };
}

const genBytes: Generator = async (rng, ctx) => {
  const k = rng.pick(ctx.kinds);
  const op = rng.pick(['flip', 'flip', 'truncate', 'append', 'prepend', 'zero', 'zero']);
  const real = (op === 'truncate' || op === 'prepend') ? rng.chance(0.4) : rng.chance(0.1);
  const { file, rows } = await baseXlsx(rng, ctx, k, real);
  const b = Buffer.from(file);
  switch (op) {
    case 'flip': {
      const n = rng.int(1, 12);
      const at: number[] = [];
      for (let j = 0; j < n; j++) {
        const i = rng.int(0, b.length - 1);
        b[i] = rng.chance(0.5) ? b[i] ^ (1 << rng.int(0, 7)) : rng.int(0, 255);
        at.push(i);
      }
      return fileReq('bytes', `${n} bytes changed at ${at.slice(0, 4).join(',')}… of ${b.length}`, k, b, { real, allow: ['200', 'R:*'], lastRow: rows });
    }
    case 'truncate': {
      const at = rng.chance(0.1) ? rng.int(0, 3) : rng.int(4, b.length - 1);
      return fileReq('bytes', `cut at ${at} of ${b.length}`, k, b.subarray(0, at), { real, allow: at < 4 ? ['R:NOT_A_SPREADSHEET'] : ['R:CORRUPT'] });
    }
    case 'append': {
      const n = rng.pick([1, 22, rng.int(2, 4096), 70_000]);
      return fileReq('bytes', `${n} junk bytes appended`, k, Buffer.concat([b, rng.bytes(n)]), { real, allow: ['200', 'R:*'], lastRow: rows });
    }
    case 'prepend': {
      const junkBytes = rng.bytes(rng.int(1, 600));
      junkBytes[0] = rng.pick([0x00, 0x41, 0xff, 0x50]);
      if (junkBytes[0] === 0x50) junkBytes[1] = 0x4a; // never "PK\x03\x04"
      return fileReq('bytes', `${junkBytes.length} junk bytes prepended`, k, Buffer.concat([junkBytes, b]), { real, allow: ['R:NOT_A_SPREADSHEET'] });
    }
    default: {
      const start = rng.int(0, b.length - 1);
      const n = Math.min(b.length - start, rng.pick([1, 4, 16, rng.int(1, 512)]));
      b.fill(0, start, start + n);
      return fileReq('bytes', `${n} bytes zeroed at ${start} of ${b.length}`, k, b, { real, allow: ['200', 'R:*'], lastRow: rows });
    }
  }
};

const genZip: Generator = async (rng, ctx, i) => {
  const k = rng.pick(ctx.kinds);
  const real = rng.chance(0.15);
  const { file, rows } = await baseXlsx(rng, ctx, k, real);
  const entries = await entriesOf(file);
  const names = entries.map((e) => e.name);
  const without = (name: string) => entries.filter((e) => e.name !== name);
  const op = i === 0 ? 'many-entries' : i === 1 ? 'extra-length' : rng.pick(['extra-length', 'drop', 'drop', 'rename', 'bomb', 'bomb', 'small-ratio', 'lying-size', 'encrypted', 'method', 'nested-outer', 'nested-inner',
    'stored', 'ole', 'reordered']);
  const req = (label: string, content: Buffer, allow: Outcome[]) => fileReq('zip', label, k, content, { real, allow, lastRow: rows });
  switch (op) {
    case 'many-entries': {
      const many = Array.from({ length: 10_001 }, (_, j) => ({ name: `xl/media/x${j}.txt`, data: Buffer.alloc(0) }));
      return req('10,001 entries', zipOf([...entries, ...many]), ['R:ZIP_BOMB']);
    }
    case 'extra-length': {
      // a directory header whose extra field runs past the end of the directory
      const name = rng.pick(names);
      const length = rng.pick([0xffff, 0x8000, 1000]);
      return req(`${name}'s directory header claims ${length} bytes of extra field`, patchCentral(zipOf(entries), name, (b, at) => b.writeUInt16LE(length, at + 30)), ['R:CORRUPT']);
    }
    case 'drop': {
      const name = rng.pick([...names, 'xl/workbook.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
      return req(`without ${name}`, zipOf(without(name)), name === 'xl/workbook.xml' ? ['R:CORRUPT'] : ['200', 'R:*']);
    }
    case 'rename': {
      const name = rng.pick([...names, 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
      const to = rng.pick([name.toUpperCase(), `${name}.bak`, name.replace(/(\d*)\.xml$/, '9.xml'), `other/${name}`]);
      const renamed = entries.map((e) => (e.name === name ? { name: to, data: e.data } : e));
      return req(`${name} renamed ${to}`, zipOf(renamed), name === 'xl/workbook.xml' && to !== name ? ['R:CORRUPT'] : ['200', 'R:*']);
    }
    case 'bomb': {
      const mb = rng.pick([11, 15, 40]);
      const name = rng.pick(['xl/media/image1.png', 'docProps/custom.xml', 'xl/worksheets/sheet2.xml', 'junk.bin']);
      const bomb = { name, data: Buffer.alloc(mb * 1024 * 1024, rng.pick([0, 0x20, 0x41])) };
      return req(`an extra entry ${name} of ${mb} MB of one byte`, zipOf(rng.chance(0.5) ? [...entries, bomb] : [bomb, ...entries]), ['R:ZIP_BOMB']);
    }
    case 'small-ratio':
      // highly compressible, but small: not a bomb
      return req('an extra entry of a few MB of zeros', zipOf([...entries, { name: 'xl/media/image1.png', data: Buffer.alloc(rng.int(1, 4) * 1024 * 1024, 0) }]), ['200']);
    case 'lying-size': {
      const name = rng.pick(names.filter((n) => n.endsWith('.xml')));
      const out = patchCentral(zipOf(entries), name, (b, at) => b.writeUInt32LE(rng.int(1, 20), at + 24));
      return req(`the directory says ${name} is tiny`, out, ['R:ZIP_BOMB']);
    }
    case 'encrypted': {
      const name = rng.pick(names);
      return req(`${name} flagged encrypted`, patchCentral(zipOf(entries), name, (b, at) => b.writeUInt16LE(b.readUInt16LE(at + 8) | 1, at + 8)), ['R:ENCRYPTED']);
    }
    case 'method': {
      const name = rng.pick(names);
      const method = rng.pick([1, 9, 12, 14, 99]);
      return req(`${name} compressed by method ${method}`, patchCentral(zipOf(entries), name, (b, at) => b.writeUInt16LE(method, at + 10)), ['R:CORRUPT']);
    }
    case 'nested-outer':
      return req('the workbook zipped again', zipOf([{ name: rng.pick(['台账.xlsx', 'xl/台账.xlsx', 'inner.zip']), data: file }]), ['R:CORRUPT']);
    case 'nested-inner': {
      const inner = zipOf([{ name: 'bomb.bin', data: Buffer.alloc(12 * 1024 * 1024, 0) }]);
      return req('a zip bomb embedded in the workbook', zipOf([...entries, { name: 'xl/embeddings/oleObject1.bin', data: inner }]), ['200']);
    }
    case 'stored':
      return req('every part stored, not deflated', zipOf(entries, true), ['200']);
    case 'reordered': {
      // any order with xl/workbook.xml before the sheets (as Excel, WPS or LibreOffice save)
      const shuffled = rng.shuffle(entries);
      const wb = shuffled.findIndex((e) => e.name === 'xl/workbook.xml');
      const firstSheet = shuffled.findIndex((e) => e.name.startsWith('xl/worksheets/'));
      if (wb > firstSheet) [shuffled[wb], shuffled[firstSheet]] = [shuffled[firstSheet], shuffled[wb]];
      return req(`parts in the order ${shuffled.map((e) => e.name.replace(/^.*\//, '')).join(',')}`, zipOf(shuffled), ['200']);
    }
    default: {
      const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      const encrypted = rng.chance(0.5);
      const body = Buffer.concat([ole, rng.bytes(rng.int(100, 2000)), Buffer.from(encrypted ? 'EncryptedPackage' : 'Workbook', 'utf16le'), rng.bytes(100)]);
      return req(`an OLE file (${encrypted ? 'encrypted' : 'old .xls'})`, body, [encrypted ? 'R:ENCRYPTED' : 'R:NOT_A_SPREADSHEET']);
    }
  }
};

const genStructure: Generator = async (rng, ctx) => {
  const k = rng.pick(ctx.kinds);
  const n = rng.int(1, 4);
  const rows = Array.from({ length: n }, (_, i) => validRow(rng, k, ctx, i));
  const headers = k.cols.map((c) => c.header);
  const op = rng.pick(['extra', 'missing', 'duplicate', 'renamed', 'order', 'merged', 'merged-data', 'hidden', 'hidden-data', 'empty-book', 'empty-sheet', 'header-only',
    'gaps', 'blank-rows', 'other-first', 'empty-first', 'header-row-2', 'rich-header', 'wide']);
  // a real import only of files refused as a whole
  const refused = ['extra', 'duplicate', 'merged', 'hidden', 'hidden-data', 'empty-sheet', 'other-first', 'header-row-2'];
  const real = refused.includes(op) && rng.chance(0.3);
  const req = (label: string, file: Buffer, allow: Outcome[], lastRow = n + 1) => fileReq('structure', label, k, file, { real, allow, lastRow });
  switch (op) {
    case 'extra': {
      const extra = rng.pick(['备注', '序号', '错误', ' ', 'Column1', '组织名称']);
      const file = await xlsx([{ name: '台账', rows: [[...headers, extra], ...rows.map((r) => [...r, '多余'])] }]);
      return req(`an extra column ${JSON.stringify(extra)}`, file, extra.trim() ? ['R:EXTRA_COLUMNS'] : ['200']);
    }
    case 'missing': {
      const j = rng.int(0, headers.length - 1);
      const without = <T>(xs: T[]) => xs.filter((_, x) => x !== j);
      const file = await xlsx([{ name: '台账', rows: [without(headers), ...rows.map(without)] }]);
      return req(`without ${headers[j]}`, file, k.cols[j].required ? ['R:MISSING_COLUMNS'] : ['200']);
    }
    case 'duplicate': {
      const j = rng.int(0, headers.length - 1);
      const file = await xlsx([{ name: '台账', rows: [[...headers, headers[j]], ...rows.map((r) => [...r, r[j]])] }]);
      return req(`${headers[j]} twice`, file, ['R:EXTRA_COLUMNS']);
    }
    case 'renamed': {
      const j = rng.int(0, headers.length - 1);
      const h = headers[j];
      const to = rng.pick([`${h}*`, `${h}(必填)`, h.replace(/\(/g, '（').replace(/\)/g, '）'), ` ${h} `, `${h}\u200b`, [...h].join(' '), h.slice(0, -1), `\t${h}`]);
      const renamed = headers.map((x, y) => (y === j ? to : x));
      const file = await xlsx([sheetOf(k, rows, { rows: [renamed, ...rows] })]);
      const same = to.trim() === h;
      return req(`${h} renamed ${JSON.stringify(to)}`, file, same ? ['200'] : k.cols[j].required ? ['R:MISSING_COLUMNS'] : ['R:EXTRA_COLUMNS']);
    }
    case 'order': {
      const order = rng.shuffle(headers.map((_, j) => j));
      const file = await xlsx([{ name: '台账', rows: [order.map((j) => headers[j]), ...rows.map((r) => order.map((j) => r[j]))] }]);
      return req(`columns in the order ${order.join(',')}`, file, ['200']);
    }
    case 'merged': {
      const range = rng.pick(['A1:B1', `B1:${letter(headers.length)}1`, 'A1:A2', 'C1:D2', `${letter(headers.length)}1:${letter(headers.length + 1)}1`]);
      return req(`header cells merged ${range}`, await xlsx([sheetOf(k, rows, { merges: [range] })]), ['R:MERGED_HEADER']);
    }
    case 'merged-data': {
      const range = rng.pick(['A3:B3', 'B2:B3', `C${n + 1}:D${n + 1}`]);
      return req(`data cells merged ${range}`, await xlsx([sheetOf(k, rows, { merges: [range] })]), ['200']);
    }
    case 'hidden': {
      const state = rng.pick(['hidden', 'veryHidden'] as const);
      const before = rng.chance(0.5);
      const hidden: SheetSpec = { name: '底稿', rows: [['藏起来的'], ['数据']], state };
      return req(`a ${state} sheet ${before ? 'before' : 'after'} the data`, await xlsx(before ? [hidden, sheetOf(k, rows)] : [sheetOf(k, rows), hidden]), ['R:HIDDEN_SHEET']);
    }
    case 'hidden-data': {
      const state = rng.pick(['hidden', 'veryHidden'] as const);
      return req(`the data sheet itself ${state}, a visible one after`, await xlsx([sheetOf(k, rows, { state }), { name: '说明', rows: [['见上']] }]), ['R:HIDDEN_SHEET']);
    }
    case 'empty-book':
      return req('a workbook without sheets', await xlsx([]), ['R:NO_SHEET', 'R:CORRUPT']);
    case 'empty-sheet':
      return req('one empty sheet', await xlsx([{ name: '台账', rows: [] }]), ['R:NO_SHEET']);
    case 'header-only':
      return req('the header only', await xlsx([sheetOf(k, [])]), ['200'], 1);
    case 'gaps': {
      // thousands of empty rows between the data rows
      let r = 1;
      const at = [1, ...rows.map(() => (r += rng.int(1, 3000)))];
      return req(`data rows at ${at.slice(1).join(',')}`, await xlsx([sheetOf(k, rows, { at })]), ['200'], at[at.length - 1]);
    }
    case 'blank-rows': {
      // thousands of rows whose cells are only blanks (whitespace or empty text) between the data rows
      const blanks = rng.int(1000, 4000);
      const blank = () => headers.map(() => rng.pick(['', ' ', '\u3000', '  \t']));
      const all = [rows[0], ...Array.from({ length: blanks }, blank), ...rows.slice(1)];
      return req(`${blanks} blank rows after row 2`, await xlsx([sheetOf(k, all)]), ['200'], all.length + 1);
    }
    case 'other-first': {
      const other = rng.pick(ctx.kinds.filter((x) => x.slug !== k.slug));
      const first: SheetSpec = rng.chance(0.5) ? { name: '说明', rows: [['本表由某村填报'], ['填表人', '张三']] } : sheetOf(other, [validRow(rng, other, ctx, 0)], { name: '别的台账' });
      return req(`another filled sheet (${first.name}) before the data`, await xlsx([first, sheetOf(k, rows)]), ['R:MISSING_COLUMNS', 'R:EXTRA_COLUMNS']);
    }
    case 'empty-first':
      return req('an empty sheet before the data', await xlsx([{ name: '空白', rows: [] }, sheetOf(k, rows)]), ['200']);
    case 'header-row-2':
      return req('the header in row 2', await xlsx([sheetOf(k, rows, { at: [2, ...rows.map((_, j) => j + 3)] })]), ['R:MISSING_COLUMNS'], n + 2);
    case 'rich-header': {
      const rich = headers.map((h) => (rng.chance(0.5) ? { richText: [{ text: h.slice(0, 1) }, { font: { bold: true }, text: h.slice(1) }] } : h));
      return req('rich-text headers', await xlsx([{ name: '台账', rows: [rich, ...rows] }]), ['200']);
    }
    default: {
      // a stray cell far to the right of the table, with no header above it
      const col = rng.pick([headers.length + 2, 200, 16_384]);
      return req(`a stray cell in column ${letter(col)}`, await xlsx([sheetOf(k, rows)], (wb) => { wb.worksheets[0].getRow(2).getCell(col).value = '多余'; }), ['200']);
    }
  }
};

const genCells: Generator = async (rng, ctx) => {
  const k = rng.pick(ctx.kinds);
  const real = rng.chance(0.15);
  const n = rng.int(1, 6);
  const rows = Array.from({ length: n }, (_, i) => validRow(rng, k, ctx, i));
  const junks: Junk[] = [];
  const m = rng.int(1, Math.min(8, n * k.cols.length));
  const used = new Set<string>();
  for (let j = 0; j < m; j++) {
    const r = rng.int(0, n - 1);
    const c = rng.int(0, k.cols.length - 1);
    if (used.has(`${r}:${c}`)) continue; // a cell junked once (its junk is what the expectation counts)
    used.add(`${r}:${c}`);
    const jk = junk(rng, k.cols[c].type);
    rows[r][c] = jk.value;
    junks.push(jk);
  }
  if (real) rows.push(badRow(rng, k, ctx, n)); // one row that can never be imported
  const long = junks.some((x) => x.long);
  const control = junks.some((x) => x.control);
  const allow = long ? ['R:CELL_TOO_LONG', ...(control ? ['R:CORRUPT'] : [])] : ['200', ...(control ? ['R:CORRUPT'] : [])];
  return fileReq('cells', `${junks.length} junk cells: ${junks.map((x) => x.label).join('; ')}`, k, await xlsx([sheetOf(k, rows)]), { real, allow, lastRow: rows.length + 1 });
};

const genCsv: Generator = async (rng, ctx) => {
  const k = rng.pick(ctx.kinds);
  const real = rng.chance(0.2);
  const n = rng.int(1, 5);
  const rows = Array.from({ length: n }, (_, i) => validRow(rng, k, ctx, i));
  if (real) rows.push(badRow(rng, k, ctx, n));
  const headers = k.cols.map((c) => c.header);
  const table = [headers, ...rows];
  const op = rng.pick(['utf8', 'bom', 'gb18030', 'latin1', 'quote', 'crlf', 'lf', 'cr', 'mixed', 'nul', 'binary', 'xlsx-as-csv', 'junk', 'long', 'multiline', 'ragged', 'trailing']);
  const lastRow = table.length;
  const req = (label: string, content: Buffer, allow: Outcome[]) => fileReq('csv', label, k, content, { real, allow, lastRow: lastRow + 5, name: rng.pick([`${k.slug}.csv`, '台账.CSV', '导入.csv']) });
  switch (op) {
    case 'utf8': return req('UTF-8', Buffer.from(csvText(table), 'utf8'), ['200']);
    case 'bom': return req('UTF-8 with BOM', Buffer.from(`\ufeff${csvText(table)}`, 'utf8'), ['200']);
    case 'gb18030': {
      const bytes = gb18030(csvText(table));
      return bytes ? req('GB18030', bytes, ['200']) : req('UTF-8 (no GB18030 form)', Buffer.from(csvText(table), 'utf8'), ['200']);
    }
    case 'latin1': {
      // a Latin-1 byte in an otherwise UTF-8 file: the whole file is read as GB18030, the headers garbled
      const text = Buffer.from(csvText(table), 'utf8');
      const at = text.indexOf('\n') + 1 + rng.int(0, 5);
      const bytes = Buffer.concat([text.subarray(0, at), Buffer.from([rng.pick([0xe9, 0xfc, 0xa0, 0xff, 0x80])]), text.subarray(at)]);
      return req('UTF-8 with one Latin-1 byte', bytes, ['R:MISSING_COLUMNS', 'R:EXTRA_COLUMNS', 'R:CORRUPT', '200']);
    }
    case 'quote': {
      const r = rng.int(1, table.length - 1);
      const lines = table.map((row) => row.map(csvField).join(','));
      lines[r] = `${lines[r]},"没有配对`;
      return req(`an unbalanced quote in row ${r + 1}`, Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'), ['R:CORRUPT']);
    }
    case 'crlf': return req('CRLF', Buffer.from(csvText(table, '\r\n'), 'utf8'), ['200']);
    case 'lf': return req('LF', Buffer.from(csvText(table, '\n'), 'utf8'), ['200']);
    case 'cr': return req('CR', Buffer.from(csvText(table, '\r'), 'utf8'), ['200']);
    case 'mixed': {
      const lines = table.map((row) => row.map(csvField).join(','));
      return req('mixed line ends', Buffer.from(lines.map((l) => l + rng.pick(['\r\n', '\n', '\r'])).join(''), 'utf8'), ['200']);
    }
    case 'nul': {
      const text = Buffer.from(csvText(table), 'utf8');
      const at = rng.int(0, text.length);
      return req(`a NUL byte at ${at}`, Buffer.concat([text.subarray(0, at), Buffer.from([0]), text.subarray(at)]), ['R:NOT_A_SPREADSHEET']);
    }
    case 'binary': {
      const bytes = rng.bytes(rng.int(10, 5000));
      bytes[rng.int(0, bytes.length - 1)] = 0;
      return req('random bytes', bytes, ['R:NOT_A_SPREADSHEET']);
    }
    case 'xlsx-as-csv': return req('a workbook named .csv', await xlsx([sheetOf(k, rows)]), ['R:NOT_A_SPREADSHEET']);
    case 'junk': {
      const junks: Junk[] = [];
      for (let j = rng.int(1, 6); j > 0; j--) {
        const r = rng.int(1, table.length - 1);
        const c = rng.int(0, headers.length - 1);
        const jk = junk(rng, k.cols[c].type);
        if (jk.value === null || typeof jk.value === 'object' || (typeof jk.value === 'string' && jk.value.includes('\u0000'))) continue;
        table[r][c] = jk.value;
        junks.push(jk);
      }
      const allow = junks.some((x) => x.long) ? ['R:CELL_TOO_LONG'] : ['200'];
      return req(`junk cells: ${junks.map((x) => x.label).join('; ')}`, Buffer.from(csvText(table), 'utf8'), allow);
    }
    case 'long': {
      table[rng.int(1, table.length - 1)][rng.int(0, headers.length - 1)] = '长'.repeat(5000);
      return req('a 5,000-character field', Buffer.from(csvText(table), 'utf8'), ['R:CELL_TOO_LONG']);
    }
    case 'multiline': {
      const c = k.cols.findIndex((x) => x.type === 'text');
      if (c >= 0) table[1][c] = '第一行\r\n第二行,有逗号,"有引号"';
      return req('a quoted field with line breaks, commas and quotes', Buffer.from(csvText(table), 'utf8'), ['200']);
    }
    case 'ragged': {
      const lines = table.map((row, j) => (j === 0 ? row : rng.chance(0.5) ? [...row, '多余', '更多'] : row.slice(0, rng.int(1, row.length))).map(csvField).join(','));
      return req('rows longer and shorter than the header', Buffer.from(`${lines.join('\n')}\n`, 'utf8'), ['200']);
    }
    default:
      return req('blank lines, blank fields and lines of commas after the data', Buffer.from(`${csvText(table)}\r\n\r\n,,,\r\n  ,\t,\r\n\r\n`, 'utf8'), ['200']);
  }
};

const genRequest: Generator = async (rng, ctx, i) => {
  const k = rng.pick(ctx.kinds);
  const { file } = await baseXlsx(rng, ctx, k, false);
  const base = (label: string, extra: Partial<Req>): Req => ({
    family: 'request', label, kind: k.slug, query: q(k.slug, true), files: [{ name: `${k.slug}.xlsx`, content: file }], real: false, ...extra,
  });
  const op = i === 0 ? 'too-large' : rng.pick(['kind', 'kind', 'org', 'org', 'dryRun', 'dryRun', 'no-file', 'two-files', 'not-multipart', 'not-multipart', 'empty-file', 'auth',
    'other-user', 'bad-multipart', 'other-field', 'extension']);
  switch (op) {
    case 'too-large':
      return base('a file of 21 MB', { files: [{ name: `${k.slug}.xlsx`, content: Buffer.concat([file, Buffer.alloc(21 * 1024 * 1024, 0x41)]) }], allow: ['R:FILE_TOO_LARGE'] });
    case 'kind': {
      const kind = rng.pick(['', 'Volunteers', 'volunteer', 'pair', 'reported-figures', '../volunteers', 'volunteers ', 'volunteers%00', '志愿者', "volunteers' OR 1=1"]);
      const twice = rng.chance(0.2);
      const query = kind === '' && rng.chance(0.5) ? `orgCode=${TAISHANG}&dryRun=true` : `${q(kind, true)}${twice ? '&kind=volunteers' : ''}`;
      return base(`kind ${JSON.stringify(kind)}${twice ? ' (and again)' : ''}`, { kind, query, allow: ['F:kind'] });
    }
    case 'org': {
      const org = rng.pick(['', ' 220582101', '２２０５８２１０１', OTHER_COUNTY_VILLAGE, '220521', "220582101' OR '1'='1", '220582101;--', 'x'.repeat(3000), '999999999', '220582101\u0000']);
      const mode = rng.pick(['value', 'value', 'missing', 'twice']);
      const query = mode === 'missing' ? `kind=${k.slug}&dryRun=true` : mode === 'twice' ? `${q(k.slug, true)}&orgCode=${TAISHANG}` : q(k.slug, true, org);
      const allow = mode === 'missing' || (mode === 'value' && org === '') ? ['F:orgCode'] : mode === 'twice' ? ['F:orgCode', 'C:NOT_FOUND'] : ['C:NOT_FOUND', 'C:FORBIDDEN', 'F:orgCode'];
      return base(`orgCode ${mode} ${JSON.stringify(org.slice(0, 40))}`, { query, allow });
    }
    case 'dryRun': {
      const v = rng.pick(['TRUE', 'False', '1', '0', 'yes', '', 'null', 'true ', 'true&dryRun=false', 'false&dryRun=true']);
      const query = `orgCode=${TAISHANG}&kind=${k.slug}&dryRun=${v.includes('&') ? v : encodeURIComponent(v)}`;
      return base(`dryRun=${JSON.stringify(v)}`, { query, allow: ['F:dryRun'], real: true });
    }
    case 'no-file':
      return base('a multipart body without a file', { files: [], fields: [['file', '志愿者.xlsx'], ['note', '测试']], allow: ['F:file'] });
    case 'two-files': {
      const { file: other } = await baseXlsx(rng, ctx, k, true);
      const real = rng.chance(0.5);
      // a real import: the first file is good, the second of another county; neither may be written unchecked
      return base('two file parts', { query: q(k.slug, !real), real, files: [{ name: `${k.slug}.xlsx`, content: real ? other : file }, { name: `b.xlsx`, content: real ? file : other }],
        allow: ['200', 'F:file', 'C:BAD_USER_INPUT'] });
    }
    case 'not-multipart': {
      const raw = rng.pick<Req['raw']>([
        { body: '{"file":"x"}', contentType: 'application/json' },
        { body: '{"file":', contentType: 'application/json' },
        { body: '组织代码,姓名\n1,2\n', contentType: 'text/plain' },
        { body: 'file=abc', contentType: 'application/x-www-form-urlencoded' },
        { body: file, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        { body: file, contentType: 'application/octet-stream' },
        { body: null, contentType: null },
        { body: '', contentType: 'application/json' },
      ]);
      return base(`a ${raw!.contentType ?? 'missing'} body`, { files: undefined, raw, allow: ['F:file'] });
    }
    case 'empty-file': {
      const name = rng.pick([`${k.slug}.xlsx`, `${k.slug}.csv`]);
      return base(`an empty ${name}`, { files: [{ name, content: Buffer.alloc(0) }], allow: name.endsWith('.csv') ? ['R:NO_SHEET'] : ['R:NOT_A_SPREADSHEET'] });
    }
    case 'auth': {
      const auth = rng.pick<string | null>([null, 'Bearer', 'Bearer ', 'Bearer abc.def.ghi', 'Basic dGFpc2hhbmctYWRtaW46ZGVtbw==', 'bearer', `Bearer ${'x'.repeat(5000)}`,
        'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.']);
      return base(`authorization ${JSON.stringify(auth?.slice(0, 40) ?? null)}`, { auth, allow: ['C:UNAUTHENTICATED'] });
    }
    case 'other-user': {
      const [user, org, code] = rng.pick([['shihu-editor', TAISHANG, 'C:NOT_FOUND'], ['tonghua-viewer', '220582', 'C:FORBIDDEN'], ['shihu-editor', OTHER_COUNTY_VILLAGE, 'C:NOT_FOUND']]);
      return base(`as ${user} into ${org}`, { query: q(k.slug, rng.chance(0.5), org), auth: `user:${user}`, allow: [code], real: true });
    }
    case 'bad-multipart': {
      const boundary = '----fuzz' + rng.str(12);
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${k.slug}.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
      const variant = rng.pick(['no-end', 'wrong-boundary', 'no-boundary', 'garbage', 'no-filename', 'header-only']);
      const bodies: Record<string, { body: Buffer | string; contentType: string }> = {
        'no-end': { body: Buffer.concat([Buffer.from(head), file]), contentType: `multipart/form-data; boundary=${boundary}` },
        'wrong-boundary': { body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: 'multipart/form-data; boundary=other' },
        'no-boundary': { body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: 'multipart/form-data' },
        garbage: { body: rng.bytes(2000), contentType: `multipart/form-data; boundary=${boundary}` },
        'no-filename': { body: `--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\n组织代码\r\n--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` },
        'header-only': { body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n`, contentType: `multipart/form-data; boundary=${boundary}` },
      };
      return base(`a malformed multipart body (${variant})`, { files: undefined, raw: bodies[variant], allow: ['F:file', 'R:CORRUPT', 'R:NOT_A_SPREADSHEET'] });
    }
    case 'other-field':
      return base('the file under another field name', { files: [{ name: `${k.slug}.xlsx`, content: file, field: rng.pick(['upload', 'files[]', '']) }], allow: ['200', 'F:file'] });
    default: {
      const name = rng.pick(['台账.xls', '台账', '台账.xlsx.exe', '台账.XLSX', '台账.xlsm', '台账.txt', '.xlsx', '../../台账.xlsx', `${'长'.repeat(300)}.xlsx`, '台账\u0000.xlsx']);
      // a name that is only an extension, or has a NUL, may go either way; a long name keeps its extension
      const either = name === '.xlsx' || name.includes('\u0000');
      const ok = /\.xlsx$/i.test(name);
      return base(`named ${JSON.stringify(trunc(name, 30))}`, { files: [{ name, content: file }], allow: either ? ['200', 'R:NOT_A_SPREADSHEET'] : ok ? ['200'] : ['R:NOT_A_SPREADSHEET'] });
    }
  }
};

const GENERATORS: Record<Family, Generator> = { bytes: genBytes, zip: genZip, structure: genStructure, cells: genCells, csv: genCsv, request: genRequest };

// ---------------------------------------------------------------------------------------------

const trunc = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…(${s.length})` : s);

interface Failure {
  family: Family;
  check: string;
  detail: string;
  request: string;
  response: string;
}

describe('bad spreadsheet files for POST /imports (seeded fuzz)', () => {
  let api: TestApi;
  let ctx: Ctx;
  const tokens: Record<string, string> = {};
  const failures: Failure[] = [];
  const sent: Partial<Record<Family, number>> = {};
  const outcomes: Partial<Record<Family, Record<string, number>>> = {};
  let total = 0;
  let ok200 = 0;
  let slowest = { ms: 0, label: '' };
  let before: Record<string, number>;
  let after: Record<string, number>;

  const counts = async (): Promise<Record<string, number>> => {
    const out: Record<string, number> = {};
    for (const t of [...RECORD_TABLES, 'import_job']) out[t] = (await api.db.dataSource.query(`SELECT count(*)::int AS n FROM ${t}`))[0].n as number;
    return out;
  };

  async function setup(): Promise<Ctx> {
    tokens[ADMIN] = await api.login(ADMIN);
    for (const u of ['shihu-editor', 'tonghua-viewer']) tokens[u] = await api.login(u);
    const villages = (await api.db.dataSource.query(
      `SELECT code FROM org WHERE parent_id = (SELECT id FROM org WHERE code = $1) AND level = 'VILLAGE' ORDER BY code LIMIT 4`, [TAISHANG])).map((r: { code: string }) => r.code);
    if (villages.length < 2) throw new Error(`setup: 台上镇 has ${villages.length} villages`);
    const kinds: KindInfo[] = [];
    for (const slug of SLUGS) {
      const res = await fetch(`${api.url}/templates/${slug}.xlsx`, { headers: { authorization: `Bearer ${tokens[ADMIN]}` } });
      if (res.status !== 200) throw new Error(`setup: template ${slug}: HTTP ${res.status}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const headers = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1).map(String);
      const help = new Map<string, string>();
      wb.getWorksheet('填表说明')!.eachRow((row, n) => {
        if (n > 1 && typeof row.getCell(2).value === 'string') help.set(String(row.getCell(2).value), String(row.getCell(3).value));
      });
      kinds.push({ slug, cols: headers.map((header) => ({ header, ...columnType(header, help.get(header) ?? '') })) });
    }
    console.log(`setup: villages ${villages.join(',')}; kinds ${kinds.map((k) => `${k.slug}(${k.cols.map((c) => c.type).join(',')})`).join(' ')}`);
    return { kinds, villages };
  }

  const describeReq = (r: Req) => {
    const files = r.files?.map((f) => `${f.field ?? 'file'}=${JSON.stringify(trunc(f.name, 40))} (${f.content.length} bytes)`).join(', ');
    const body = r.raw ? `raw ${r.raw.contentType ?? 'no content-type'} body (${r.raw.body === null ? 0 : r.raw.body.length})` : `multipart [${files}${r.fields ? `, fields ${r.fields.map((f) => f[0]).join(',')}` : ''}]`;
    return `[${r.family}: ${trunc(r.label, 300)}] POST /imports?${trunc(r.query, 120)} ${body}${r.auth !== undefined ? ` auth=${JSON.stringify(trunc(String(r.auth), 40))}` : ''}`;
  };

  async function send(r: Req): Promise<Answer | Error> {
    const headers: Record<string, string> = {};
    const auth = r.auth === undefined ? `Bearer ${tokens[ADMIN]}` : r.auth?.startsWith('user:') ? `Bearer ${tokens[r.auth.slice(5)]}` : r.auth;
    if (auth !== null) headers.authorization = auth;
    let body: FormData | Buffer | string | undefined;
    if (r.raw) {
      if (r.raw.contentType) headers['content-type'] = r.raw.contentType;
      body = r.raw.body ?? undefined;
    } else {
      const form = new FormData();
      for (const [name, value] of r.fields ?? []) form.append(name, value);
      for (const f of r.files ?? []) form.append(f.field ?? 'file', new Blob([f.content]), f.name);
      body = form;
    }
    const started = Date.now();
    try {
      const res = await fetch(`${api.url}/imports?${r.query}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // judged below: not JSON
      }
      return { status: res.status, body: parsed, ms: Date.now() - started };
    } catch (error) {
      return new Error(`no answer after ${Date.now() - started} ms: ${(error as Error).message}`);
    }
  }

  function outcomeOf(a: Answer): Outcome {
    if (a.status === 200) return '200';
    const b = a.body ?? {};
    if (a.status === 400 && b.reason !== undefined) return `R:${b.reason}`;
    if (a.status === 400 && b.field !== undefined) return `F:${b.field}`;
    return `C:${b.code ?? `HTTP${a.status}`}`;
  }

  function judge(r: Req, a: Answer | Error): void {
    if (DUMP) {
      const answer = a instanceof Error ? a.message : { status: a.status, ms: a.ms, body: trunc(JSON.stringify(a.body), 600) };
      appendFileSync(DUMP, `${JSON.stringify({ family: r.family, label: r.label, query: trunc(r.query, 200), answer })}\n`);
    }
    total++;
    sent[r.family] = (sent[r.family] ?? 0) + 1;
    const counted = (outcomes[r.family] ??= {});
    const request = describeReq(r);
    if (a instanceof Error) {
      counted.NO_ANSWER = (counted.NO_ANSWER ?? 0) + 1;
      failures.push({ family: r.family, check: 'no-answer', detail: a.message, request, response: '' });
      return;
    }
    if (a.ms > slowest.ms) slowest = { ms: a.ms, label: `${r.family}: ${trunc(r.label, 80)}` };
    const outcome = outcomeOf(a);
    counted[outcome] = (counted[outcome] ?? 0) + 1;
    const response = `${a.status} in ${a.ms} ms: ${trunc(typeof a.body === 'string' ? a.body : JSON.stringify(a.body), 700)}`;
    const fail = (check: string, detail: string) => {
      failures.push({ family: r.family, check, detail, request, response });
      if (KEEP) {
        mkdirSync(KEEP, { recursive: true });
        r.files?.forEach((f, j) => writeFileSync(`${KEEP}/${r.family}-${failures.length}-${j}${/\.csv$/i.test(f.name) ? '.csv' : '.xlsx'}`, f.content));
      }
    };
    const body = a.body;
    if (!ALLOWED_STATUS.has(a.status)) fail('http-status', `HTTP ${a.status}`);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      fail('not-json', 'the answer is not a JSON object');
      return;
    }
    if (a.status === 200) {
      ok200++;
      if (!['CHECKED', 'IMPORTED', 'REJECTED'].includes(body.status)) fail('status', `status ${JSON.stringify(body.status)}`);
      if (r.real && body.status !== 'REJECTED') fail('not-rejected', `a real import of a bad file answered ${body.status}`);
      if (!r.real && body.status !== 'CHECKED') fail('dry-run-status', `a dry run answered ${body.status}`);
      if (typeof body.id !== 'string' || !/^[0-9a-f-]{36}$/.test(body.id)) fail('shape', `id ${JSON.stringify(body.id)}`);
      for (const f of ['rowCount', 'created', 'updated', 'unchanged', 'problemCount']) {
        if (!Number.isInteger(body[f]) || body[f] < 0) fail('shape', `${f} ${JSON.stringify(body[f])}`);
      }
      if (!Array.isArray(body.problems)) fail('shape', 'problems is not a list');
      const problems: any[] = Array.isArray(body.problems) ? body.problems : [];
      if (body.problemCount < problems.length) fail('shape', `problemCount ${body.problemCount} < ${problems.length} problems listed`);
      if ((body.problemCount > 0) !== (typeof body.errorFileUrl === 'string')) fail('shape', `problemCount ${body.problemCount} with errorFileUrl ${JSON.stringify(body.errorFileUrl)}`);
      if (body.status === 'REJECTED' && (body.created || body.updated || body.unchanged || !body.problemCount)) fail('shape', 'a rejected import with counts or without problems');
      if (r.lastRow !== undefined && body.rowCount > r.lastRow) fail('shape', `rowCount ${body.rowCount} > the ${r.lastRow - 1} data rows sent`);
      for (const p of problems.slice(0, 1000)) {
        const where = `problem ${trunc(JSON.stringify(p), 200)}`;
        if (!p || typeof p !== 'object') {
          fail('problem', `${where}: not an object`);
          continue;
        }
        if (!(p.row === null || (Number.isInteger(p.row) && p.row > 0))) fail('problem-row', `${where}: row is not null or a positive integer`);
        else if (p.row !== null && r.lastRow !== undefined && p.row > r.lastRow) fail('problem-row', `${where}: row after the file's last row ${r.lastRow}`);
        if (!(p.column === null || (typeof p.column === 'string' && COLUMN.test(p.column)))) fail('problem-column', `${where}: column is not null or a column letter`);
        if (!(p.header === null || typeof p.header === 'string')) fail('problem', `${where}: header is not null or text`);
        if (typeof p.message !== 'string' || !p.message.trim() || !CHINESE.test(p.message)) fail('problem-message', `${where}: message empty or not Chinese`);
        else if (LEAK.test(p.message)) fail('leak', `${where}: ${LEAK.exec(p.message)![0]} in the message`);
      }
    } else {
      if (typeof body.code !== 'string' || !body.code) fail('code', 'no code');
      else if (CODE_OF_STATUS[a.status] && body.code !== CODE_OF_STATUS[a.status]) fail('code', `code ${body.code} with HTTP ${a.status}`);
      if (typeof body.message !== 'string' || !CHINESE.test(body.message)) fail('message', 'message missing or not Chinese');
      if (a.status === 400) {
        if (body.reason === undefined && body.field === undefined) fail('reason', 'a 400 without reason or field');
        if (body.reason !== undefined && !REASONS.has(body.reason)) fail('reason', `reason ${JSON.stringify(body.reason)} is not one of the list`);
        if (body.field !== undefined && !['kind', 'orgCode', 'dryRun', 'file'].includes(body.field)) fail('reason', `field ${JSON.stringify(body.field)}`);
      }
      const { value: _value, ...rest } = body; // a refused cell's value is the clerk's own text
      const text = JSON.stringify(rest);
      if (LEAK.test(text)) fail('leak', `${LEAK.exec(text)![0]} in the answer`);
    }
    if (r.allow) {
      const ok = r.allow.includes(outcome) || (outcome.startsWith('R:') && r.allow.includes('R:*'));
      if (!ok) fail('unexpected-outcome', `expected ${r.allow.join(' / ')}, got ${outcome}`);
    }
  }

  beforeAll(async () => {
    if (DUMP) writeFileSync(DUMP, '');
    api = await startTestApi({ reference: true, as: ADMIN });
    ctx = await setup();
    before = await counts();

    const requests: Req[] = [];
    const generating = Date.now();
    for (const family of FAMILIES) {
      const rng = new Rng(SEED ^ hashString(family));
      const n = Math.ceil(REQUESTS_PER_FAMILY[family] * SCALE);
      for (let i = 0; i < n; i++) requests.push(await GENERATORS[family](rng, ctx, i));
    }
    const started = Date.now();
    await forEachConcurrently(requests, CONCURRENCY, async (r) => judge(r, await send(r)));
    after = await counts();

    const lines = [`bad import files: ${total} requests in ${Date.now() - started} ms (files made in ${started - generating} ms; seed ${SEED}, scale ${SCALE}),`
      + ` ${ok200} answered 200, ${failures.length} failed checks; slowest ${slowest.ms} ms (${slowest.label})`];
    for (const family of FAMILIES) {
      const c = Object.entries(outcomes[family] ?? {}).sort((x, y) => y[1] - x[1]).map(([o, v]) => `${o}=${v}`).join(' ');
      lines.push(`  ${family.padEnd(9)} sent=${String(sent[family] ?? 0).padStart(4)}  ${c}`);
    }
    lines.push(`  tables before ${JSON.stringify(before)}`);
    lines.push(`  tables after  ${JSON.stringify(after)}`);
    console.log(lines.join('\n'));
  }, 300_000);

  afterAll(async () => {
    if (api) await api.close();
  }, 30_000);

  it('sends about 300 bad requests, in every family, of every kind', () => {
    expect(total).toBeGreaterThanOrEqual(Math.floor(300 * SCALE));
    expect(FAMILIES.filter((f) => !sent[f])).toEqual([]);
  });

  it.each(FAMILIES.map((f) => [f]))('%s: every answer 200/400/401/403/404 in time, coded, without leaks, problems where a clerk finds them (the expected outcome where known)', (family) => {
    const report = failureReport(family, failures.filter((x) => x.family === family), 4);
    expect({ family, sent: sent[family] ?? 0, failures: report }).toEqual({ family, sent: sent[family] ?? 0, failures: [] });
  });

  it('writes nothing: the record tables and the audit trail are as they were, import_job has one row per 200 answer', () => {
    const pick = (c: Record<string, number>) => Object.fromEntries(RECORD_TABLES.map((t) => [t, c[t]]));
    expect(pick(after)).toEqual(pick(before));
    expect(after.import_job - before.import_job).toBe(ok200);
  });

  it('reads a valid workbook every time whatever the order of its parts (exceljs writes xl/workbook.xml last)', async () => {
    // the same few valid files, as exceljs writes them, checked again and again: each must be CHECKED every time
    const rng = new Rng(SEED ^ hashString('exceljs-order'));
    const files: Array<{ k: KindInfo; file: Buffer }> = [];
    for (const k of ctx.kinds) files.push({ k, file: await xlsx([sheetOf(k, [validRow(rng, k, ctx, 0), validRow(rng, k, ctx, 1)])], undefined, true) });
    const answers: Record<string, number> = {};
    const wrong: string[] = [];
    const tries = Math.max(8, Math.ceil(64 * SCALE));
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < tries) {
        const n = next++;
        const { k, file } = files[n % files.length];
        // every other upload is the file under another kind (refused for its headers, which must say so)
        const other = n % 2 === 1 ? ctx.kinds[(n + 3) % ctx.kinds.length] : k;
        const form = new FormData();
        form.append('file', new Blob([file]), `${k.slug}.xlsx`);
        const res = await fetch(`${api.url}/imports?${q(other.slug, true)}`, { method: 'POST', headers: { authorization: `Bearer ${tokens[ADMIN]}` }, body: form, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        const body = await res.json() as any;
        const outcome = res.status === 200 ? `200 ${body.status}` : `${res.status} ${body.reason ?? body.code}`;
        answers[outcome] = (answers[outcome] ?? 0) + 1;
        const expected = other === k ? ['200 CHECKED'] : ['400 MISSING_COLUMNS', '400 EXTRA_COLUMNS'];
        if (!expected.includes(outcome)) wrong.push(`upload ${n}: a valid ${k.slug} workbook (exceljs's part order, ${file.length} bytes) as kind=${other.slug} dryRun=true: expected ${expected.join(' / ')}, got ${res.status} ${JSON.stringify(body)}`);
      }
    }));
    console.log(`exceljs part order: ${tries} uploads: ${Object.entries(answers).map(([o, v]) => `${o}=${v}`).join(' ')}`);
    expect(wrong.slice(0, 5)).toEqual([]);
  }, 120_000);

  it('the API still answers GraphQL afterwards', async () => {
    const res = await api.gqlAs(ADMIN, '{ me { user { username } } }');
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.me.user.username).toBe(ADMIN);
  });
});
