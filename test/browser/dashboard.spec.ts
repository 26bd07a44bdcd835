import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApi, startTestScheduler, TestApi, TestScheduler } from '@ggw/testing';
import { readWorkbook } from '../e2e/export-files';
import { launchChromium, pngColours } from './chromium';

/**
 * The dashboard as a county office uses it: the real server (serving the built app at /) on
 * the reference database, the scheduler making exports, and a real Chromium clicking through
 * it. Figures are read off the page as a person reads them.
 * SCREENSHOT_DIR=docs keeps the screenshots (the README shows docs/dashboard.png).
 */
const JIAN = '220582';
const TAISHANG = '220582101';
const QINGSHI = '220582106';
const SHIHU = '220582106201';

describe('the dashboard in a real browser', () => {
  let api: TestApi;
  let scheduler: TestScheduler;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    api = await startTestApi({ reference: true, webApp: true });
    scheduler = await startTestScheduler(api.db);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await scheduler?.close();
    await api?.close();
  });

  /** A fresh browser profile, signed in through the login page; the page it lands on. */
  async function signIn(username: string, options: { bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true, ...options });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${api.url}/`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/org\/\d+\?period=\d{4}$/);
    await page.locator('.card').first().waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  const card = (page: Page, key: string) => page.locator(`[data-figure="${key}"]`);

  /** Checks a screenshot shows something (not one flat colour), and keeps it if asked to. */
  async function screenshot(page: Page, name: string): Promise<void> {
    const png = await page.screenshot({ fullPage: true });
    const seen = await pngColours(browser, png);
    expect(seen.colours).toBeGreaterThan(50);
    expect(seen.commonest).toBeLessThan(0.9);
    if (process.env.SCREENSHOT_DIR) writeFileSync(join(process.env.SCREENSHOT_DIR, `${name}.png`), png);
  }

  it('shows jian-admin 集安市\'s 2020 figures, sorts the townships, drills down to a village and downloads an XLSX', async () => {
    const page = await signIn('jian-admin');
    expect(page.url()).toContain(`/org/${JIAN}?period=`);
    await page.getByLabel('年度').selectOption('2020');
    await page.waitForURL(`${api.url}/org/${JIAN}?period=2020`);
    await page.getByRole('heading', { level: 1, name: '集安市关工委 · 2020年' }).waitFor();
    await expect(card(page, 'orgCount').locator('strong').textContent()).resolves.toBe('218');
    await expect(card(page, 'fiveGoodCount').locator('strong').textContent()).resolves.toBe('176');
    await expect(card(page, 'fiveGoodRate').locator('strong').textContent()).resolves.toBe('80.7');
    await expect(card(page, 'fiveGoodRate').locator('.change').textContent()).resolves.toBe('比上年提高 8 个百分点');
    await expect(card(page, 'volunteerCount').locator('strong').textContent()).resolves.toBe('2,503');
    await expect(card(page, 'volunteerCount').locator('.change').textContent()).resolves.toBe('比上年增加 135 人');
    await expect(card(page, 'coreVolunteerCount').locator('strong').textContent()).resolves.toBe('802');
    await expect(card(page, 'donationTotal').locator('strong').textContent()).resolves.toBe('35.6');
    await expect(page.locator('tfoot td').first().textContent()).resolves.toBe('218');
    // the charts, the summary and the published-vs-computed table come in after the numbers
    await page.locator('.chart svg').first().waitFor();
    await page.getByText('全市关工委组织218个').waitFor();
    await expect(page.locator('#discrepancy-title + table').textContent()).resolves.toMatch(/29\.0%.*32\.0%/);
    await screenshot(page, 'dashboard');

    // the township table sorted by 五好达标率, both ways; the townships are the API's
    const table = await api.gqlAs('jian-admin', `{ org(code: "${JIAN}") { childRollups(period: "2020") { rows { org { name } fiveGoodRate } } } }`);
    const townships = table.body.data.org.childRollups.rows as Array<{ org: { name: string }; fiveGoodRate: number | null }>;
    const rates = async () => (await page.locator('table.children tbody td:nth-of-type(3)').allTextContents()).map(Number);
    const names = async () => page.locator('table.children tbody th').allTextContents();
    const header = page.getByRole('button', { name: /达标率/ });
    await header.click();
    const descending = await rates();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect((await names()).sort()).toEqual(townships.map((t) => t.org.name).sort());
    expect(descending.slice().sort((a, b) => a - b)).toEqual(townships.map((t) => Number(((t.fiveGoodRate ?? 0) * 100).toFixed(1))).sort((a, b) => a - b));
    await header.click();
    const ascending = await rates();
    expect(ascending).toEqual([...descending].reverse());
    await expect(page.locator('th[aria-sort="ascending"]').count()).resolves.toBe(1);

    // down to 台上镇 and one of its villages
    await page.getByRole('link', { name: '台上镇', exact: true }).click();
    await page.waitForURL(`${api.url}/org/${TAISHANG}?period=2020`);
    await page.getByRole('heading', { level: 1, name: '台上镇关工委 · 2020年' }).waitFor();
    const villages = (await api.gqlAs('jian-admin', `{ org(code: "${TAISHANG}") { children { code name } rollup(period: "2020") { orgCount } } }`)).body.data.org;
    await expect(page.locator('table.children tbody tr').count()).resolves.toBe(villages.children.length);
    await expect(card(page, 'orgCount').locator('strong').textContent()).resolves.toBe(String(villages.rollup.orgCount));
    const village = villages.children[0] as { code: string; name: string };
    await page.getByRole('link', { name: village.name, exact: true }).click();
    await page.waitForURL(`${api.url}/org/${village.code}?period=2020`);
    await page.getByRole('heading', { level: 1, name: `${village.name}关工委 · 2020年` }).waitFor();
    await expect(page.locator('nav.breadcrumb').textContent()).resolves.toContain('台上镇');
    await expect(page.locator('table.children').count()).resolves.toBe(0);
    await expect(card(page, 'orgCount').locator('strong').textContent()).resolves.toBe('1');

    // back up by the breadcrumb, and an XLSX of the whole county
    await page.getByRole('navigation', { name: '上级组织' }).getByRole('link', { name: '集安市' }).click();
    await page.waitForURL(`${api.url}/org/${JIAN}?period=2020`);
    await page.getByRole('heading', { level: 1, name: '集安市关工委 · 2020年' }).waitFor();
    await page.getByLabel('格式').selectOption('XLSX');
    await page.getByRole('button', { name: '生成文件' }).click();
    const link = page.getByRole('link', { name: /^下载 / });
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheets = await readWorkbook(readFileSync((await download.path())!));
    const rows = [...sheets.values()].flat();
    // the county's own row, with its figures
    expect(rows.some((r) => r.includes(218) && r.includes(176) && r.includes(2503))).toBe(true);
  }, 120_000);

  it('keeps shihu-editor on 石湖村: no link to 集安市, and a typed address shows nothing of it', async () => {
    const page = await signIn('shihu-editor');
    expect(page.url()).toContain(`/org/${SHIHU}?period=`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^石湖村关工委/);
    // the breadcrumb names the orgs above, and links none of them
    await expect(page.locator('nav.breadcrumb').textContent()).resolves.toContain('集安市');
    await expect(page.locator('nav.breadcrumb a').count()).resolves.toBe(0);
    await expect(page.locator(`a[href^="/org/${JIAN}?"], a[href^="/org/${JIAN}/"]`).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: '审核下级报表' }).count()).resolves.toBe(0);
    for (const path of [`/org/${JIAN}?period=2020`, `/org/${JIAN}/review?period=2020`, `/org/${JIAN}/entry/volunteers?period=2020`, `/org/${QINGSHI}?period=2020`]) {
      await page.goto(`${api.url}${path}`);
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/无权/);
      await expect(page.locator('.card').count()).resolves.toBe(0);
      await expect(page.locator('body').textContent()).resolves.not.toMatch(/218|2,503/);
    }
  }, 60_000);

  it('lands tonghua-viewer on 通化市 and opens both counties, with no entry or review', async () => {
    const page = await signIn('tonghua-viewer');
    expect(page.url()).toContain('/org/220500?period=');
    const counties = await page.locator('table.children tbody th a').allTextContents();
    expect(counties.sort()).toEqual(['通化县', '集安市'].sort());
    await expect(page.getByRole('link', { name: '数据填报' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: '通化县', exact: true }).click();
    await page.waitForURL(/\/org\/220521\?/);
    await page.locator('.card').first().waitFor();
    await page.goBack();
    await page.getByRole('link', { name: '集安市', exact: true }).click();
    await page.waitForURL(/\/org\/220582\?/);
    await page.getByLabel('年度').selectOption('2020');
    await expect(card(page, 'orgCount').locator('strong').textContent()).resolves.toBe('218');
  }, 60_000);

  it('lets a village enter, correct and delete a record and submit; the level above returns it with a reason', async () => {
    const page = await signIn('shihu-editor');
    await page.getByRole('link', { name: '数据填报' }).click();
    await page.waitForURL(/\/entry\/volunteers\?period=/);
    await page.goto(`${api.url}/org/${SHIHU}/entry/volunteers?period=2021`);
    const count = async () => Number(/\((\d+)\)/.exec((await page.locator('#records-title').textContent())!)![1]);
    await page.locator('table tbody tr').first().waitFor();
    const before = await count();

    // nothing filled in: each required field says so, and nothing is sent
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.locator('#field-name-error').textContent()).resolves.toBe('请填写姓名');
    await expect(page.locator('#field-category-error').textContent()).resolves.toBe('请选择五老类别');
    // the server's own field errors, next to their fields
    await page.getByLabel('姓名').fill('测试志愿者');
    await page.getByLabel('五老类别').selectOption('TEACHER');
    await page.getByLabel('加入日期').fill('2099-01-01');
    await page.getByLabel('手机号').fill('123');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.locator('#field-joinedOn-error').textContent()).resolves.toMatch(/不能晚于今天/);
    await expect(page.locator('#field-phone-error').textContent()).resolves.toMatch(/手机号/);
    await expect(page.getByLabel('加入日期').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('加入日期').fill('2021-03-01');
    await page.getByLabel('手机号').fill('');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('rowheader', { name: '测试志愿者' }).waitFor();
    expect(await count()).toBe(before + 1);

    // corrected (with the version it was read at), then deleted with a reason
    await page.getByRole('button', { name: '修改 测试志愿者' }).click();
    await page.getByLabel('姓名').fill('测试志愿者乙');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByRole('rowheader', { name: '测试志愿者乙' }).waitFor();
    await page.getByRole('button', { name: '删除 测试志愿者乙' }).click();
    await page.getByLabel('删除理由').fill('重复录入');
    await page.getByRole('button', { name: '确认删除' }).click();
    await page.getByRole('rowheader', { name: '测试志愿者乙' }).waitFor({ state: 'detached' });
    expect(await count()).toBe(before);
    const trail = await api.gqlAs('jian-admin', `{ org(code: "${SHIHU}") { auditTrail(first: 5) { nodes { operation reason } } } }`);
    expect(trail.body.data.org.auditTrail.nodes).toContainEqual(expect.objectContaining({ operation: 'DELETE', reason: '重复录入' }));

    // a pair, both sides picked from the village's own lists
    await page.getByRole('link', { name: '结对帮扶' }).click();
    await page.getByRole('heading', { name: /^结对帮扶\(\d+\)$/ }).waitFor();
    const pairs = await count();
    await page.locator('#field-volunteerId option').nth(1).waitFor({ state: 'attached' });
    await page.locator('#field-beneficiaryId option').nth(1).waitFor({ state: 'attached' });
    await page.getByLabel('五老志愿者').selectOption({ index: 1 });
    await page.getByLabel('帮扶对象').selectOption({ index: 1 });
    await page.getByLabel('结对日期').fill('2021-04-01');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: `结对帮扶(${pairs + 1})` }).waitFor();

    // the year's 五好 assessment, every criterion met: the village's figure follows at once
    const fiveGood = async () => (await api.gqlAs('shihu-editor', `{ org(code: "${SHIHU}") { rollup(period: "2021") { fiveGoodCount } } }`)).body.data.org.rollup.fiveGoodCount;
    expect(await fiveGood()).toBe(0);
    await page.getByRole('link', { name: '五好评定' }).click();
    const criteria = page.locator('fieldset.criteria input[type="checkbox"]');
    await criteria.first().waitFor();
    for (const box of await criteria.all()) await box.check();
    await page.getByRole('button', { name: '保存评定' }).click();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    expect(await fiveGood()).toBe(1);
    await page.goto(`${api.url}/org/${SHIHU}?period=2021`);
    await expect(card(page, 'fiveGoodCount').locator('strong').textContent()).resolves.toBe('1');
    await page.goto(`${api.url}/org/${SHIHU}/entry/volunteers?period=2021`);

    // submitted (with a reason when the rules ask for one)
    await page.getByRole('button', { name: '上报', exact: true }).click();
    const forced = page.getByLabel('强制上报说明');
    await Promise.race([forced.waitFor(), page.locator('.status.SUBMITTED').waitFor()]);
    if (await forced.count()) {
      await forced.fill('本村活动已全部录入,核对无误');
      await page.getByRole('button', { name: '强制上报' }).click();
    }
    await page.locator('.status.SUBMITTED').waitFor();

    // the county's admin (above 青石镇) returns it from the review page
    const admin = await signIn('jian-admin');
    await admin.goto(`${api.url}/org/${QINGSHI}/review?period=2021`);
    await admin.getByRole('button', { name: '退回 石湖村' }).click();
    await admin.getByLabel('退回理由').fill('请补充活动记录');
    await admin.getByRole('button', { name: '确认退回' }).click();
    // answered once the dialog's own button goes (the row's 退回 button went when the dialog opened,
    // before the mutation was even sent)
    await admin.getByRole('button', { name: '确认退回' }).waitFor({ state: 'detached' });
    await expect(admin.getByRole('button', { name: '退回 石湖村' }).count()).resolves.toBe(0);
    await page.reload();
    await page.locator('.status.RETURNED').waitFor();
    await expect(page.getByText('退回理由:请补充活动记录').count()).resolves.toBe(1);
  }, 120_000);

  it('has no serious or critical accessibility violations (axe-core) on its pages', async () => {
    const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    // axe is injected by the test, so this profile alone does not hold the page to its CSP
    const page = await signIn('jian-admin', { bypassCSP: true });
    const found: Record<string, string[]> = {};
    for (const path of [`/org/${JIAN}?period=2020`, `/org/${TAISHANG}/review?period=2021`, `/org/${SHIHU}/entry/activities?period=2021`, '/login']) {
      await page.goto(`${api.url}${path}`);
      await page.locator(path === '/login' ? 'form' : 'h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.evaluate(axe);
      const result = await page.evaluate<{ passed: number; violations: string[] }>(`axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => ({
        passed: r.passes.length,
        violations: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ' (' + v.nodes.length + '): ' + v.nodes[0].target.join(' ')),
      }))`);
      // it did look: rules were checked and passed
      expect(result.passed).toBeGreaterThan(5);
      found[path] = result.violations;
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((p) => [p, []])));
  }, 120_000);
});
