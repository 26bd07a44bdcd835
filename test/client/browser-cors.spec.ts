import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { startTestApi, TestApi } from '@ggw/testing';
import { launchChromium } from '../browser/chromium';

/**
 * A real browser (the system's Chromium, driven by Playwright) on a page of its own origin
 * calls the API with a bearer token: allowed when the origin is on CORS_ORIGINS, blocked by
 * the browser itself when it is not.
 */
async function pageServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>app</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('a browser page on its own origin', () => {
  let api: TestApi;
  let browser: Browser;
  let allowed: { server: Server; origin: string };
  let other: { server: Server; origin: string };
  beforeAll(async () => {
    [allowed, other] = [await pageServer(), await pageServer()];
    api = await startTestApi({ reference: true, corsOrigins: [allowed.origin] });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api.close();
    for (const s of [allowed, other]) s.server.close();
  });

  /** Opens the origin's page and, from it, asks the API who is signed in. */
  async function askFrom(origin: string, token: string): Promise<string> {
    const page = await browser.newPage();
    try {
      await page.goto(origin);
      return await page.evaluate(async ({ url, token }) => {
        try {
          const res = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: '{ me { user { username } } }' }),
          });
          const body = (await res.json()) as { data: { me: { user: { username: string } } } };
          return String(body.data.me.user.username);
        } catch (error) {
          return `blocked: ${String(error)}`;
        }
      }, { url: api.url, token });
    } finally {
      await page.close();
    }
  }

  it('calls the API from an allowed origin, and is blocked by the browser from any other', async () => {
    const token = await api.login('jian-admin');
    expect(await askFrom(allowed.origin, token)).toBe('jian-admin');
    expect(await askFrom(other.origin, token)).toMatch(/^blocked: TypeError/);
  });
});
