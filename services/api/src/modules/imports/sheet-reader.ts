import fs from 'node:fs';
import { extname } from 'node:path';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
// exceljs's parser of the workbook part (not in its typings): pinned with exceljs 4.4.0
const WorkbookXform = require('exceljs/lib/xlsx/xform/book/workbook-xform') as new () => {
  parseStream(stream: Readable): Promise<unknown>;
  model: { sheets?: { name: string; state?: string }[] };
  map: { workbookPr: { model?: { date1904?: boolean } } };
};
import { AppError } from '@ggw/domain';

/**
 * Reads an uploaded 台账 (XLSX or CSV) into rows keyed by header text, refusing a file as a whole
 * (ImportFileError, with a stable `reason`) when it is not something a clerk should have uploaded.
 * Messages are Chinese and say what to do; they never carry a path, a stack or a library's own text
 * (the library error is kept as `cause`, for the server log only: `details` reach the client).
 */

/** Why a file was refused as a whole; `reason` is a stable code, the message is Chinese a clerk can act on. */
export class ImportFileError extends AppError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    readonly reason: FileProblem,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { reason, ...details });
  }
}
export type FileProblem =
  | 'FILE_TOO_LARGE'
  | 'NOT_A_SPREADSHEET'
  | 'ZIP_BOMB'
  | 'ENCRYPTED'
  | 'CORRUPT'
  | 'HIDDEN_SHEET'
  | 'MERGED_HEADER'
  | 'MISSING_COLUMNS'
  | 'EXTRA_COLUMNS'
  | 'TOO_MANY_ROWS'
  | 'CELL_TOO_LONG'
  | 'NO_SHEET';

export interface ReaderLimits {
  maxBytes: number;
  maxRows: number;
  maxCellChars: number;
}
export const DEFAULT_READER_LIMITS: ReaderLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 200_000, maxCellChars: 2000 };

/** A cell as read: its text as the clerk typed it (numbers and booleans as found, dates as YYYY-MM-DD), and where it is. */
export type CellValue = string | number | boolean | null;
export interface SheetRow {
  /** 1-based row number in the sheet, as Excel shows it */
  row: number;
  /** keyed by header text (trimmed); a column's letter is in `columns` */
  values: Record<string, CellValue>;
  /** header text → column letter (A, B, …, AA) */
  columns: Record<string, string>;
  /** header text → a note when the cell held a formula (its cached value is used) */
  formulas?: Record<string, string>;
}

const RESAVE = '请用模板另存为 .xlsx 后再上传';
const MB = 1024 * 1024;
const sizeText = (bytes: number) => (bytes >= MB ? `${Number((bytes / MB).toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`);

function refuse(reason: FileProblem, message: string, details: Record<string, unknown> = {}, cause?: unknown): ImportFileError {
  const error = new ImportFileError(reason, message, details);
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
  return error;
}

/**
 * Reads the first visible data sheet of an XLSX file, or a CSV file (UTF-8 with or without BOM, or
 * GB18030), row by row. The header row is row 1; `expected` lists the header texts the kind needs and
 * `optional` those that may be missing. Throws ImportFileError for a file refused as a whole: checks
 * that need the whole file (size, zip structure, hidden sheets, merged header, header texts) run before
 * the first row is yielded; TOO_MANY_ROWS and CELL_TOO_LONG are found while reading, so a caller must
 * write the rows in one transaction and roll it back on any error.
 */
export async function* readSheetRows(
  path: string,
  fileName: string,
  expected: string[],
  optional: string[],
  limits: ReaderLimits = DEFAULT_READER_LIMITS,
  /** an XLSX workbook's sheet of this name, instead of the first one with data (NO_SHEET when there is none) */
  sheet?: string,
): AsyncGenerator<SheetRow> {
  const { size } = await fs.promises.stat(path);
  if (size > limits.maxBytes) {
    throw refuse('FILE_TOO_LARGE', `文件有 ${sizeText(size)},超过了 ${sizeText(limits.maxBytes)} 的上限:请把台账拆成几个文件分别上传`, {
      size,
      maxBytes: limits.maxBytes,
    });
  }
  const ext = extname(fileName).toLowerCase();
  let source: AsyncIterable<RawRow>;
  if (ext === '.csv' && sheet) throw refuse('NOT_A_SPREADSHEET', `CSV 文件只有一个工作表,这里需要 Excel 工作簿(.xlsx)中的“${sheet}”工作表:${RESAVE}`);
  if (ext === '.csv') source = csvRows(path);
  else if (ext === '.xlsx') {
    const facts = await inspectZip(path, size, limits);
    try {
      yield* shapeRows(xlsxRows(facts.ordered ?? path, facts, sheet), expected, optional, limits, false, sheet);
    } finally {
      if (facts.ordered) await fs.promises.rm(facts.ordered, { force: true });
    }
    return;
  }
  else if (ext === '.xls') throw refuse('NOT_A_SPREADSHEET', `不支持旧版 Excel 文件(.xls):${RESAVE}`);
  else throw refuse('NOT_A_SPREADSHEET', `只能上传 Excel 工作簿(.xlsx)或 CSV 文件:${RESAVE}`);
  yield* shapeRows(source, expected, optional, limits, ext === '.csv');
}

// ---------------------------------------------------------------------------------------------
// Rows of either format → SheetRow: header checks, limits, empty rows.

interface RawCell {
  col: number;
  value: CellValue;
  formula?: string;
}
/** A row with at least one non-empty cell. */
interface RawRow {
  row: number;
  cells: RawCell[];
}

async function* shapeRows(source: AsyncIterable<RawRow>, expected: string[], optional: string[], limits: ReaderLimits, csv: boolean, sheet?: string): AsyncGenerator<SheetRow> {
  let header: Map<number, string> | undefined;
  let columns: Record<string, string> = {};
  let count = 0;
  for await (const raw of source) {
    for (const cell of raw.cells) {
      if (typeof cell.value === 'string' && cell.value.length > limits.maxCellChars) {
        const column = columnLetter(cell.col);
        throw refuse(
          'CELL_TOO_LONG',
          `第 ${raw.row} 行 ${column} 列的内容有 ${cell.value.length} 个字,超过了 ${limits.maxCellChars} 字的上限:请精简后再上传`,
          { row: raw.row, column, length: cell.value.length, maxCellChars: limits.maxCellChars },
        );
      }
    }
    if (!header) {
      // the header is row 1 of the sheet; a sheet whose first filled row is lower has no header
      header = checkHeader(raw.row === 1 ? raw.cells : [], expected, optional);
      columns = Object.freeze(Object.fromEntries([...header].map(([col, text]) => [text, columnLetter(col)])));
      if (raw.row === 1) continue;
    }
    if (++count > limits.maxRows) {
      throw refuse('TOO_MANY_ROWS', `数据超过了 ${limits.maxRows} 行的上限:请把台账拆成几个文件分别上传`, { maxRows: limits.maxRows });
    }
    const values: Record<string, CellValue> = {};
    for (const text of header.values()) values[text] = null;
    let formulas: Record<string, string> | undefined;
    for (const cell of raw.cells) {
      // a cell in a column without a header text is not part of the table and is left out
      const text = header.get(cell.col);
      if (text === undefined) continue;
      values[text] = cell.value;
      if (cell.formula) (formulas ??= {})[text] = cell.formula;
    }
    yield formulas ? { row: raw.row, values, columns, formulas } : { row: raw.row, values, columns };
  }
  if (!header) {
    if (sheet) throw refuse('NO_SHEET', `工作表“${sheet}”是空的:请在模板中填写后再上传`, { sheet });
    throw refuse('NO_SHEET', csv ? '文件里没有任何内容:请在模板中填写后再上传' : '工作簿里没有填写任何内容的工作表:请在模板的第一个工作表中填写后再上传');
  }
}

/** Header cells → column number → header text; refuses duplicate, missing and unexpected headers. */
function checkHeader(cells: RawCell[], expected: string[], optional: string[]): Map<number, string> {
  const header = new Map<number, string>();
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const cell of cells) {
    const text = cell.value === null ? '' : String(cell.value).trim();
    if (!text) continue;
    if (seen.has(text)) duplicates.add(text);
    seen.add(text);
    header.set(cell.col, text);
  }
  if (duplicates.size) {
    const names = [...duplicates];
    throw refuse('EXTRA_COLUMNS', `表头(第 1 行)中${quoted(names)}出现了不止一次:每列的表头只能出现一次,请删除重复的列后再上传`, { duplicate: names });
  }
  const allowed = new Set([...expected, ...optional]);
  const missing = expected.filter((text) => !seen.has(text) && !optional.includes(text));
  const extra = [...seen].filter((text) => !allowed.has(text));
  if (missing.length) {
    throw refuse('MISSING_COLUMNS', `表头(第 1 行)缺少 ${missing.length} 列:${quoted(missing)}。请使用最新的模板,不要修改或删除表头`, { missing, extra });
  }
  if (extra.length) {
    throw refuse('EXTRA_COLUMNS', `表头(第 1 行)多出 ${extra.length} 列:${quoted(extra)}。请删除这些列,或改用最新的模板`, { extra });
  }
  return header;
}

const quoted = (texts: string[]) => texts.map((t) => `“${t}”`).join('、');

/** 1 → A, 26 → Z, 27 → AA */
export function columnLetter(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** '' and whitespace-only text count as empty; other text is kept as typed. */
const text = (s: string): CellValue => (s.trim() === '' ? null : s);

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * The file is at most maxBytes, so it is decoded at once (encoding detection needs every byte:
 * valid UTF-8 ⇒ UTF-8, else GB18030, which Excel's "CSV" on a Chinese Windows writes); records
 * are then parsed one at a time.
 */
async function* csvRows(path: string): AsyncGenerator<RawRow> {
  const bytes = await fs.promises.readFile(path);
  // text files have no NUL bytes; an .xlsx renamed to .csv (a zip) or any binary file does
  if (bytes.includes(0)) throw refuse('NOT_A_SPREADSHEET', `文件不是 CSV 文本文件:${RESAVE}`);
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a BOM
  } catch {
    content = new TextDecoder('gb18030').decode(bytes);
  }
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  for (const { row, fields } of csvRecords(content)) {
    const cells = fields.map((f, i) => ({ col: i + 1, value: text(f) }));
    if (cells.some((c) => c.value !== null)) yield { row, cells };
  }
}

const UNQUOTED = /[^,\r\n]*/y;

/** RFC 4180 records: `,` between fields; CRLF, LF or CR between records; "…" with "" for a quote and line breaks inside. */
function* csvRecords(content: string): Generator<{ row: number; fields: string[] }> {
  let i = 0;
  let row = 0;
  while (i < content.length) {
    row++;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (content[i] === '"') {
        i++;
        for (;;) {
          const quote = content.indexOf('"', i);
          if (quote < 0) throw refuse('CORRUPT', `第 ${row} 行有一个没有配对的引号("):请检查该行后再上传`, { row });
          field += content.slice(i, quote);
          i = quote + 1;
          if (content[i] !== '"') break;
          field += '"';
          i++;
        }
      }
      // text after a closing quote (or a whole unquoted field) is kept as it is, as Excel does
      UNQUOTED.lastIndex = i;
      field += UNQUOTED.exec(content)![0];
      i = UNQUOTED.lastIndex;
      fields.push(field);
      if (content[i] === ',') {
        i++;
        continue;
      }
      if (content[i] === '\r') i++;
      if (content[i] === '\n') i++;
      break;
    }
    yield { row, fields };
  }
}

// ---------------------------------------------------------------------------------------------
// XLSX: the zip checked by hand first, then exceljs's streaming reader.

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const MAX_ENTRIES = 10_000;
const SHEET_XML = /^xl\/worksheets\/sheet(\d+)\.xml$/;

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  uncompressed: number;
  /** where the local header starts */
  offset: number;
  /** where the data starts (set by checkLayout) */
  data: number;
}
/** What the pre-pass learnt: the ranges merged across row 1, by sheet number (xl/worksheets/sheetN.xml). */
interface ZipFacts {
  mergedHeader: Map<string, string[]>;
  /** the workbook part (sheet names, states, 1904 dates), read before any sheet */
  workbookXml: Buffer;
  /** a copy of the file with the sheets after every other part (see partsBeforeSheets), to read instead */
  ordered: string | null;
}

/**
 * Checks the zip before exceljs sees it: its central directory (entry sizes, compression ratios,
 * encryption), that the entries cover the file with nothing hidden between them, and then inflates
 * every entry once, counting bytes, because a central directory can lie about sizes and exceljs
 * (unzipper) would trust the local headers. That pass also collects `<mergeCell ref>` of each sheet:
 * exceljs's streaming WorksheetReader skips mergeCell elements, and they come after sheetData, so
 * they must be known before the first row is handed out. Inflating is cheap next to exceljs's XML
 * parsing.
 */
async function inspectZip(path: string, size: number, limits: ReaderLimits): Promise<ZipFacts> {
  const handle = await fs.promises.open(path, 'r');
  let entries: ZipEntry[];
  let directory: Directory;
  try {
    const head = await readAt(handle, 0, Math.min(size, 8));
    if (head.equals(OLE_SIGNATURE)) throw await oleProblem(path);
    if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) throw refuse('NOT_A_SPREADSHEET', `文件不是 Excel 工作簿(.xlsx):${RESAVE}`);
    directory = await centralDirectory(handle, size);
    entries = directory.entries;
    await checkLayout(handle, entries, directory.offset);
  } catch (error) {
    // lengths that point past the end of the directory (a RangeError of Buffer's, from another
    // realm under jest): a damaged file, not a fault of ours
    throw error instanceof ImportFileError ? error : corrupt(error);
  } finally {
    await handle.close();
  }

  if (entries.some((e) => e.flags & 1)) throw refuse('ENCRYPTED', `文件设置了密码:请在 Excel 中取消密码后另存为 .xlsx 再上传`);
  const bomb = () => refuse('ZIP_BOMB', `文件解压后异常巨大,可能是恶意文件,无法导入:${RESAVE}`);
  const total = entries.reduce((sum, e) => sum + e.uncompressed, 0);
  if (entries.length > MAX_ENTRIES || total > 50 * limits.maxBytes) throw bomb();
  if (entries.some((e) => e.uncompressed > 10 * MB && e.uncompressed > 200 * e.compressed)) throw bomb();
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw corrupt();

  const mergedHeader = new Map<string, string[]>();
  const workbook: Buffer[] = [];
  for (const entry of entries) {
    const sheet = SHEET_XML.exec(entry.name)?.[1];
    const scan = sheet === undefined ? undefined : mergeScanner();
    let inflated = 0;
    try {
      for await (const chunk of entryContent(path, entry)) {
        inflated += chunk.length;
        if (inflated > entry.uncompressed) throw bomb();
        scan?.push(chunk);
        if (entry.name === 'xl/workbook.xml') workbook.push(chunk);
      }
    } catch (e) {
      throw e instanceof ImportFileError ? e : corrupt(e);
    }
    if (sheet !== undefined && scan!.refs.length) mergedHeader.set(sheet, scan!.refs);
  }
  return { mergedHeader, workbookXml: Buffer.concat(workbook), ordered: await partsBeforeSheets(path, directory) };
}

/**
 * exceljs's streaming reader parses a sheet at once only when the workbook's other parts came
 * before it in the zip; otherwise it parks the sheet in a temp file, and that path failed good
 * files at random (a header read empty, a temp file gone). Excel and exceljs both write some
 * parts after the sheets, so the zip is rewritten with the sheets last: each entry's bytes copied
 * as they are (local header, data, descriptor), the directory's offsets moved. Null when the zip
 * is already so ordered, or uses ZIP64 (then it is read as it is).
 */
async function partsBeforeSheets(path: string, directory: Directory): Promise<string | null> {
  const { entries, raw } = directory;
  if (!raw) return null;
  const isSheet = (e: ZipEntry) => SHEET_XML.test(e.name);
  const order = [...entries.keys()].sort((a, b) => Number(isSheet(entries[a])) - Number(isSheet(entries[b])) || entries[a].offset - entries[b].offset);
  const byOffset = [...entries.keys()].sort((a, b) => entries[a].offset - entries[b].offset);
  if (order.every((i, k) => i === byOffset[k])) return null;
  // an entry's stored bytes run to the next entry's local header (checkLayout saw nothing between)
  const spanEnd = new Map(byOffset.map((i, k) => [i, k + 1 < byOffset.length ? entries[byOffset[k + 1]].offset : directory.offset]));
  const target = `${path}.ordered`;
  const out = await fs.promises.open(target, 'w');
  const source = await fs.promises.open(path, 'r');
  try {
    let at = 0;
    const moved: Buffer[] = [];
    for (const i of order) {
      const bytes = await readAt(source, entries[i].offset, spanEnd.get(i)! - entries[i].offset);
      await out.write(bytes, 0, bytes.length, at);
      const header = Buffer.from(raw.cd.subarray(raw.headers[i][0], raw.headers[i][1]));
      header.writeUInt32LE(at, 42);
      moved.push(header);
      at += bytes.length;
    }
    const cd = Buffer.concat(moved);
    const eocd = Buffer.from(raw.eocd);
    eocd.writeUInt32LE(at, 16);
    await out.write(Buffer.concat([cd, eocd]), 0, cd.length + eocd.length, at);
  } finally {
    await source.close();
    await out.close();
  }
  return target;
}

const corrupt = (cause?: unknown) => refuse('CORRUPT', `文件已损坏,无法读取:请在 Excel 中打开并另存为 .xlsx 后再上传`, {}, cause);

/**
 * An OLE compound file named .xlsx: Excel stores a password-protected workbook so (streams
 * EncryptionInfo and EncryptedPackage); an old .xls is one too (a Workbook stream, no EncryptedPackage).
 */
async function oleProblem(path: string): Promise<ImportFileError> {
  const bytes = await fs.promises.readFile(path);
  const has = (name: string) => bytes.includes(Buffer.from(name, 'utf16le'));
  if (!has('EncryptedPackage') && has('Workbook')) return refuse('NOT_A_SPREADSHEET', `文件是旧版 Excel 格式(.xls):${RESAVE}`);
  return refuse('ENCRYPTED', `文件设置了打开密码:请在 Excel 中取消密码(文件 → 信息 → 保护工作簿)后另存为 .xlsx 再上传`);
}

async function readAt(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The End Of Central Directory record (ZIP64 when its fields are saturated), then every central directory header. */
interface Directory {
  entries: ZipEntry[];
  offset: number;
  /** the directory as stored, each entry's header at `headers[i]` (start, end), and the end record; null with ZIP64 */
  raw: { cd: Buffer; headers: Array<[number, number]>; eocd: Buffer } | null;
}

async function centralDirectory(handle: fs.promises.FileHandle, size: number): Promise<Directory> {
  const tailStart = Math.max(0, size - (22 + 0xffff));
  const tail = await readAt(handle, tailStart, size - tailStart);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0 && eocd < 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) eocd = i;
  if (eocd < 0) throw corrupt(); // a zip cut short, e.g. an interrupted upload
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  let zip64 = false;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    zip64 = true;
    const locator = eocd - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== 0x07064b50) throw corrupt();
    const record = await readAt(handle, Number(tail.readBigUInt64LE(locator + 8)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== 0x06064b50) throw corrupt();
    count = Number(record.readBigUInt64LE(32));
    cdSize = Number(record.readBigUInt64LE(40));
    cdOffset = Number(record.readBigUInt64LE(48));
  }
  if (count > MAX_ENTRIES) throw refuse('ZIP_BOMB', `文件中的条目过多,可能是恶意文件,无法导入:${RESAVE}`);
  if (cdOffset + cdSize > size) throw corrupt();
  const cd = await readAt(handle, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  const headers: Array<[number, number]> = [];
  for (let p = 0, n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw corrupt();
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const entry: ZipEntry = {
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      compressed: cd.readUInt32LE(p + 20),
      uncompressed: cd.readUInt32LE(p + 24),
      offset: cd.readUInt32LE(p + 42),
      data: 0,
    };
    // ZIP64 extended information (0x0001): 8-byte values for the saturated fields, in this order
    for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength; x += 4 + cd.readUInt16LE(x + 2)) {
      if (cd.readUInt16LE(x) !== 0x0001) continue;
      let v = x + 4;
      const next = () => (v + 8 <= cd.length ? Number(cd.readBigUInt64LE((v += 8) - 8)) : Infinity);
      if (entry.uncompressed === 0xffffffff) entry.uncompressed = next();
      if (entry.compressed === 0xffffffff) entry.compressed = next();
      if (entry.offset === 0xffffffff) {
        entry.offset = next();
        zip64 = true;
      }
    }
    entries.push(entry);
    const end = p + 46 + nameLength + extraLength + cd.readUInt16LE(p + 32);
    headers.push([p, end]);
    p = end;
  }
  return { entries, offset: cdOffset, raw: zip64 ? null : { cd, headers, eocd: tail.subarray(eocd) } };
}

/**
 * exceljs (unzipper) reads local headers from the start of the file, not the central directory: so
 * every byte before the central directory must belong to a listed entry (local header, data, an
 * optional data descriptor of 12, 16, 20 or 24 bytes), or an unlisted entry could slip past the checks.
 */
async function checkLayout(handle: fs.promises.FileHandle, entries: ZipEntry[], directoryOffset: number): Promise<void> {
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  let end: number | undefined; // where the previous entry's data ends
  const follows = (offset: number) => (end === undefined ? offset === 0 : [0, 12, 16, 20, 24].includes(offset - end));
  for (const entry of sorted) {
    if (!follows(entry.offset)) throw corrupt();
    const local = await readAt(handle, entry.offset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw corrupt();
    entry.data = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    end = entry.data + entry.compressed;
  }
  if (end !== undefined && !follows(directoryOffset)) throw corrupt();
}

/** An entry's bytes as stored (method 0) or inflated (method 8). */
function entryContent(path: string, entry: ZipEntry): AsyncIterable<Buffer> {
  if (entry.compressed === 0) return Readable.from([]);
  const raw = fs.createReadStream(path, { start: entry.data, end: entry.data + entry.compressed - 1 });
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw corrupt();
  return pipeline(raw, zlib.createInflateRaw(), () => undefined);
}

/** Finds `<mergeCell ref="A1:B1"/>` in a sheet's XML as it streams by, keeping the ranges that touch row 1. */
function mergeScanner() {
  const refs: string[] = [];
  const pattern = /<(?:\w+:)?mergeCell\b[^>]*?\bref="(\$?[A-Z]+\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?)"/g;
  let carry = '';
  return {
    refs,
    push(chunk: Buffer) {
      // the tags are ASCII: latin1 keeps offsets simple; a tag cut between chunks is found in the next round
      const content = carry + chunk.toString('latin1');
      let end = 0;
      for (const m of content.matchAll(pattern)) {
        end = m.index! + m[0].length;
        const ref = m[1].replace(/\$/g, '');
        if (Math.min(Number(m[2]), Number(m[3] ?? m[2])) === 1 && !refs.includes(ref)) refs.push(ref);
      }
      carry = content.slice(Math.max(end, content.length - 256));
    },
  };
}

/** The parts of exceljs's streaming reader used here (its typings describe them only loosely). */
interface StreamCell {
  value: unknown;
  numFmt?: string;
}
interface StreamRow {
  number: number;
  eachCell(iteratee: (cell: StreamCell, col: number) => void): void;
}
interface StreamSheet extends AsyncIterable<StreamRow> {
  name: string;
  state?: string;
  /** the sheet XML's stream: a temp file's stream when exceljs had to set the sheet aside */
  iterator?: { destroy?: () => void };
}
interface StreamBook extends AsyncIterable<StreamSheet> {
  model?: { sheets?: { name: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean } };
  workbookRels?: unknown;
  on(event: 'entry', listener: (entry: { type: string; id?: string }) => void): void;
}

/**
 * The rows of the first sheet with any filled row (a sheet is streamed in the zip's order; empty
 * sheets before it are passed over). Every sheet's state is known from workbook.xml when the first
 * sheet is handed out, so a hidden sheet anywhere is refused before any row.
 */
async function* xlsxRows(path: string, facts: ZipFacts, named?: string): AsyncGenerator<RawRow> {
  const book = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // number formats tell date cells from numbers
    worksheets: 'emit',
    // exceljs emits `entry` with the sheet's file number (sheetN.xml) just before handing out that
    // sheet; it is how a sheet is matched to the merges found by inspectZip
    entries: 'emit',
  }) as unknown as StreamBook;
  // exceljs parses a sheet as soon as it has the shared strings and the relationships, and reads
  // the workbook part's sheet list then: a zip with xl/workbook.xml after the sheets (as exceljs
  // itself writes them) failed at random. The workbook part is read here first, with exceljs's own parser.
  const part = new WorkbookXform();
  await part.parseStream(Readable.from([facts.workbookXml])).catch((e: unknown) => Promise.reject(corrupt(e)));
  book.model = part.model;
  book.properties = part.map.workbookPr;
  let sheetNo = '';
  book.on('entry', (entry) => {
    if (entry.type === 'worksheet') sheetNo = String(entry.id);
  });
  const sheets = book[Symbol.asyncIterator]();
  try {
    for (let first = true; ; first = false) {
      const next = await sheets.next().catch((e: unknown) => Promise.reject(corrupt(e)));
      if (next.done) {
        if (named) throw refuse('NO_SHEET', `工作簿里没有名为“${named}”的工作表:请用模板填写后再上传`, { sheet: named });
        return;
      }
      const sheet = next.value;
      const hidden = [...(first ? (book.model?.sheets ?? []) : []), sheet].find((s) => s.state === 'hidden' || s.state === 'veryHidden');
      if (hidden) {
        const how = hidden.state === 'veryHidden' ? '请把数据复制到新的模板中再上传' : '请在 Excel 中取消隐藏,删除不需要的工作表后再上传';
        throw refuse('HIDDEN_SHEET', `工作簿里有隐藏的工作表“${hidden.name}”:${how}`, { sheet: hidden.name });
      }
      if (named && sheet.name !== named) {
        for await (const _row of sheet) { /* another sheet: read through (see the finally below) */ }
        continue;
      }
      const merged = facts.mergedHeader.get(sheetNo) ?? [];
      const date1904 = book.properties?.model?.date1904 === true;
      let started = false;
      try {
        for await (const row of sheet) {
          const cells = xlsxCells(row, date1904);
          if (!cells.some((c) => c.value !== null)) continue;
          if (!started && merged.length) {
            throw refuse('MERGED_HEADER', `工作表“${sheet.name}”的表头(第 1 行)有合并单元格 ${merged.join('、')}:请取消合并,每列一个表头后再上传`, {
              sheet: sheet.name,
              ranges: merged,
            });
          }
          started = true;
          yield { row: row.number, cells };
        }
      } catch (e) {
        throw e instanceof ImportFileError ? e : corrupt(e);
      }
      if (started || named) return;
    }
  } finally {
    // Run exceljs to its end without parsing what is left: it removes the temp files it wrote for
    // sheets it set aside only when its own loop goes on; an unread sheet's file stream is closed.
    // An unread sheet is read through, not destroyed: destroying its stream while exceljs removes
    // its temp file raced (ENOENT at random); the sheets after the data are small (the template's lists).
    for (;;) {
      const next = await sheets.next().catch(() => ({ done: true }) as const);
      if (next.done) break;
      try {
        for await (const _row of next.value) { /* drained */ }
      } catch {
        // a damaged sheet after the data changes nothing now
      }
    }
  }
}

function xlsxCells(row: StreamRow, date1904: boolean): RawCell[] {
  const cells: RawCell[] = [];
  row.eachCell((cell, col) => {
    const v = cell.value;
    if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
      const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
      const formula = f.formula || f.sharedFormula ? `公式 =${f.formula || f.sharedFormula}` : '公式';
      // the streaming reader turns an error result (#DIV/0!) into NaN
      const hasResult = f.result !== undefined && !(typeof f.result === 'number' && Number.isNaN(f.result));
      const value = hasResult ? scalar(f.result, isDateFormat(cell.numFmt), date1904) : null;
      const note = hasResult ? `${formula} 的计算结果` : `${formula} 没有可用的计算结果(请在 Excel 中打开、重新计算并保存后再上传)`;
      cells.push({ col, value, formula: note });
    } else {
      cells.push({ col, value: scalar(v, false, date1904) });
    }
  });
  return cells;
}

/** exceljs's value → CellValue. A number is a date when its cell's format is (used for formula results: exceljs converts only plain cells). */
function scalar(v: unknown, isDate: boolean, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : ymd(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    return isDate ? ymd(new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000))) : v;
  }
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return text(v);
  if (typeof v === 'object') {
    const o = v as { richText?: { text?: string | null }[]; text?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return text(o.richText.map((r) => r.text ?? '').join(''));
    if (typeof o.text === 'string') return text(o.text);
    if (typeof o.error === 'string') return o.error; // an error cell (#N/A) as Excel shows it
  }
  return null;
}

/** Same test as exceljs: a format is a date format when, outside quotes and [..], it has date or time letters. */
function isDateFormat(format: string | undefined): boolean {
  return !!format && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The date's calendar day in UTC: exceljs gives an Excel date as that day's UTC midnight. */
function ymd(d: Date): string {
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------

const DATE_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** 2021-03-01, 2021.3.1, 2021/3/1, 2021年3月1日, 20210301, and an Excel date cell → 'YYYY-MM-DD'; anything else → null. */
export function parseChineseDate(value: CellValue | Date): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : ymd(value);
  const s = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  for (const form of DATE_FORMS) {
    const m = form.exec(s);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    // Date.UTC rolls 2月30日 over to March; such a day does not exist
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    return ymd(date);
  }
  return null;
}
