import type { Browser } from 'playwright-core';
import { loadTrustedDocuments, WEB_APP_DOCUMENTS } from '@ggw/api';
import { startTestApi, TestApi } from '@ggw/testing';
import { launchChromium } from './chromium';

/**
 * The dashboard on a server that runs registered operations only (TRUSTED_DOCUMENTS=required
 * with the dashboard's manifest): every page works, since the app sends each operation by its
 * hash, and anything else sent to the same server is refused before it is parsed.
 */
describe('the dashboard with trusted documents required', () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, webApp: true, trustedDocuments: loadTrustedDocuments(WEB_APP_DOCUMENTS, 'required') });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('signs in, shows the figures, the entry and the review pages; a query of its own is refused', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('response', (r) => { if (r.url().endsWith('/graphql') && r.status() !== 200) failures.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${api.url}/login`);
    await page.getByLabel('用户名').fill('jian-admin');
    await page.getByLabel('密码').fill('demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/org\/220582\?period=/);
    await page.goto(`${api.url}/org/220582?period=2020`);
    await page.locator('[data-figure="orgCount"] strong').filter({ hasText: '218' }).waitFor();
    await page.getByText('全市关工委组织218个').waitFor();
    await page.goto(`${api.url}/org/220582106201/entry/pairs?period=2021`);
    await page.locator('#field-volunteerId option').nth(1).waitFor({ state: 'attached' });
    await page.goto(`${api.url}/org/220582106/review?period=2021`);
    await page.getByRole('heading', { name: /审核下级报表/ }).waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    expect(failures).toEqual([]);
    await page.close();

    const own = await api.gqlAs(null, '{ __typename }');
    expect(own.status).toBe(400);
    expect(own.body.errors?.[0].extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
  }, 60_000);
});
