import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { TestApi } from '@ggw/testing';

/** Polls `read` until `done` holds for its result, or fails after `ms`. */
export async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`gave up waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const EXPORT_FIELDS = 'figureState id period format status progress error attempts scheduled fileName sizeBytes sha256 downloadUrl createdAt finishedAt expiresAt';

/** An org's exports through GraphQL, as `user`. */
export async function exportsOf(api: TestApi, user: string, orgCode: string) {
  const res = await api.gqlAs(user, `query($c: String!) { exports(orgCode: $c, first: 50) { totalCount nodes { ${EXPORT_FIELDS} } } }`, { c: orgCode });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.exports.nodes as Array<Record<string, any>>;
}

/** Downloads a URL of the API (a downloadUrl, or /exports/<id>/file with headers) over HTTP. */
export async function download(api: TestApi, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${api.url}${path}`, { headers });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** A workbook's sheets as rows of cell values (1-based columns, as exceljs gives them). */
export async function readWorkbook(content: Buffer): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/** The number format of each cell of a sheet's row (to check rates are percentages). */
export async function numberFormats(content: Buffer, sheetName: string, rowNumber: number): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const row = workbook.getWorksheet(sheetName)!.getRow(rowNumber);
  const formats: string[] = [];
  row.eachCell({ includeEmpty: true }, (cell) => formats.push(cell.numFmt ?? ''));
  return formats;
}

/** The text of a Word document's body, paragraph by paragraph. */
export async function docxParagraphs(content: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .filter((t) => t.length > 0);
}
