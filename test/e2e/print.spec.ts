import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, startTestScheduler, TestApi, TestScheduler } from '@ggw/testing';
import { download, exportsOf, waitUntil } from './export-files';

/**
 * The exported files as a county office prints them: the 集安市 2020 workbook and Word summary,
 * made by the real API and scheduler, converted to PDF by LibreOffice (headless) and read back
 * with poppler (pdfinfo, pdftotext -layout), page by page.
 */
const INSTALL = 'apt-get install -y --no-install-recommends libreoffice-calc libreoffice-writer poppler-utils fonts-wqy-zenhei (as .ci/run does)';
for (const tool of ['soffice', 'pdfinfo', 'pdftotext']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) throw new Error(`no ${tool} on PATH: ${INSTALL}`);
}
// without a Chinese font LibreOffice prints empty boxes, yet pdftotext still reads the text: check the font is there
if (!spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.trim()) throw new Error(`no Chinese font (fc-list :lang=zh is empty): ${INSTALL}`);

const JIAN = '220582';
/**
 * Most pages the 集安市 workbook may print to. It prints to 9 (汇总 2, 下级单位 1, 村社区 4 for its 198
 * villages, schools and enterprises, 说明 2); 3 more allow for another CJK font's metrics. Before the
 * print setup it printed to 39, the figures cut into page-wide strips without the names.
 */
const MAX_XLSX_PAGES = 12;
/** The Word summary: a page of paragraphs and the 落款 (one page now). */
const MAX_DOCX_PAGES = 2;

/** Converts `files` to PDF with LibreOffice in a profile of its own (parallel runs would share one), and returns the PDFs' text per page. */
function printToPdf(files: Record<string, Buffer>): Record<string, { pages: number; text: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'ggw-print-'));
  try {
    const paths = Object.entries(files).map(([name, content]) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    });
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...paths], { stdio: 'pipe', timeout: 120_000 });
    const out: Record<string, { pages: number; text: string[] }> = {};
    for (const pdf of readdirSync(join(dir, 'pdf'))) {
      const path = join(dir, 'pdf', pdf);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
      // pdftotext ends every page with a form feed
      const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f').slice(0, pages);
      // to look at them: PRINT_PDF_DIR=/tmp/pdf npx jest test/e2e/print.spec.ts
      if (process.env.PRINT_PDF_DIR) {
        mkdirSync(process.env.PRINT_PDF_DIR, { recursive: true });
        copyFileSync(path, join(process.env.PRINT_PDF_DIR, pdf));
      }
      out[pdf.replace(/\.pdf$/, '')] = { pages, text }; // xlsx.pdf → xlsx
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The pages of a sheet: from the page with its title to the page before the next sheet's title. */
function pagesBetween(pages: string[], title: string, nextTitle: string | null): string[] {
  const start = pages.findIndex((p) => p.includes(title));
  const end = nextTitle === null ? pages.length : pages.findIndex((p, i) => i > start && p.includes(nextTitle));
  expect([title, start >= 0, end > start]).toEqual([title, true, true]);
  return pages.slice(start, end);
}

describe('printed exports', () => {
  let api: TestApi;
  let scheduler: TestScheduler;
  let printed: Record<string, { pages: number; text: string[] }>;
  let villageNames: string[];
  let childNames: string[];

  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin' });
    scheduler = await startTestScheduler(api.db);
    const files: Record<string, Buffer> = {};
    for (const format of ['XLSX', 'DOCX']) {
      const res = await api.gql(`mutation { requestExport(orgCode: "${JIAN}", period: "2020", format: ${format}) { id } }`);
      const id = res.body.data.requestExport.id;
      const list = await waitUntil(() => exportsOf(api, 'jian-admin', JIAN), (l) => ['DONE', 'FAILED'].includes(l.find((e) => e.id === id)?.status));
      const job = list.find((e) => e.id === id)!;
      expect([format, job.status]).toEqual([format, 'DONE']);
      files[`${format.toLowerCase()}.${format.toLowerCase()}`] = (await download(api, job.downloadUrl)).body;
    }
    printed = printToPdf(files);
    const names = (level: string) => api.db.dataSource.query(
      `SELECT name FROM org WHERE path <@ (SELECT path FROM org WHERE code = $1) AND level = $2`, [JIAN, level]).then((rows: Array<{ name: string }>) => rows.map((r) => r.name));
    villageNames = await names('VILLAGE');
    childNames = await names('TOWNSHIP');
  }, 240_000);
  afterAll(async () => {
    await scheduler?.close();
    await api?.close();
  });

  it('prints the workbook to a few pages, every one with its headers, its org names and its page number', () => {
    const { pages, text } = printed.xlsx;
    expect(pages).toBeLessThanOrEqual(MAX_XLSX_PAGES);
    // the footer, 第 1 页，共 12 页: LibreOffice numbers the pages through the workbook
    text.forEach((page, i) => expect([i + 1, /第\s*(\d+)\s*页，共\s*(\d+)\s*页/.exec(page)?.slice(1)]).toEqual([i + 1, [String(i + 1), String(pages)]]));
    // every page of the village table: the header, and orgs by name (not codes and numbers alone);
    // every village, school and enterprise is printed with its whole name
    const villages = pagesBetween(text, '所有村、社区、学校、企业关工小组', '数据说明');
    const printedNames = new Set<string>();
    villages.forEach((page, i) => {
      const named = page.split(/\s+/).filter((word) => villageNames.includes(word));
      named.forEach((n) => printedNames.add(n));
      expect({ page: i + 1, header: ['代码', '名称', '上级单位', '五老志愿者'].filter((h) => !page.includes(h)), named: named.length > 0 })
        .toEqual({ page: i + 1, header: [], named: true });
    });
    expect(villageNames.filter((n) => !printedNames.has(n))).toEqual([]);
    expect([...printedNames].filter((n) => /(村|社区)$/.test(n)).length).toBeGreaterThan(100);
    pagesBetween(text, '工作数据汇总', '下级单位工作数据').forEach((page, i) =>
      expect({ page: i + 1, header: ['指标', '上年同期', '指标代码'].filter((h) => !page.includes(h)) }).toEqual({ page: i + 1, header: [] }));
    pagesBetween(text, '下级单位工作数据', '所有村、社区、学校、企业关工小组').forEach((page, i) =>
      expect({ page: i + 1, header: page.includes('名称'), townships: childNames.some((n) => page.includes(n)) }).toEqual({ page: i + 1, header: true, townships: true }));
    pagesBetween(text, '数据说明', null).forEach((page, i) => expect([i + 1, page.includes('计算方式')]).toEqual([i + 1, true]));
  });

  it('prints the Word summary to a page or two, numbered, signed by the committee with the date', () => {
    const { pages, text } = printed.docx;
    expect(pages).toBeLessThanOrEqual(MAX_DOCX_PAGES);
    text.forEach((page, i) => expect([i + 1, /第\s*(\d+)\s*页/.exec(page)?.[1]]).toEqual([i + 1, String(i + 1)]));
    // the 落款 closes the last page: the committee, then the date
    // (pdftotext puts spaces between digits and 年月日), and nothing after them but the footer
    expect(text[pages - 1]).toMatch(/集安市关心下一代工作委员会\s*\n\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*第\s*\d+\s*页\s*$/);
  });
});
