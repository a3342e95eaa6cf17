import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it): no browser is downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/** The flags every test browser runs with: headless, and nothing that calls home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Generous: a busy shared machine renders slowly; slowness is never a failure. */
export const BROWSER_TIMEOUT_MS = 180_000;

/** A browser on a fresh profile, with every request it makes checked. */
export interface TestBrowser {
  context: BrowserContext;
  /** Every URL requested, in order (pages, assets, workers, API calls). */
  requests: string[];
  /** Requests to anywhere but this machine: aborted, and listed here (a test fails on any). */
  outside: string[];
  /** This server's answers 404 Not Found (a missing asset, a favicon): a test fails on any. */
  missing: string[];
  /** POST bodies sent to /graphql, to check what travelled in a body rather than a URL. */
  graphqlBodies: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** True for this machine's own addresses. */
function isLocal(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
}

/**
 * Launches Chromium with a fresh user-data directory (removed on close) and routes every request
 * of the context through a guard: local ones continue, any other is aborted and recorded in
 * `outside`. `data:` and `blob:` URLs never reach the network and are not routed.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    timeout: BROWSER_TIMEOUT_MS,
  });
  context.setDefaultTimeout(BROWSER_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(BROWSER_TIMEOUT_MS);
  const requests: string[] = [];
  const outside: string[] = [];
  const graphqlBodies: string[] = [];
  const missing: string[] = [];
  context.on('response', (response) => {
    if (response.status() === 404 && isLocal(response.url())) missing.push(response.url());
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (isLocal(url)) {
      if (new URL(url).pathname === '/graphql' && route.request().method() === 'POST') graphqlBodies.push(route.request().postData() ?? '');
      await route.continue();
    } else {
      outside.push(url);
      await route.abort('blockedbyclient');
    }
  });
  // Requests routing cannot see (a worker's own fetches, a navigation the page starts) are still
  // requests: record them too.
  context.on('request', (request) => {
    const url = request.url();
    if (!/^(data|blob):/.test(url) && !isLocal(url) && !outside.includes(url)) outside.push(url);
  });
  return {
    context,
    requests,
    outside,
    missing,
    graphqlBodies,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Where the tests write their screenshots (committed; README shows them). */
export const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');

/** Saves a full-page screenshot as docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Every `[data-figure]` on the page: key → the raw value it carries and the text it shows. */
export async function figuresOn(page: Page): Promise<Map<string, { value: string; text: string }>> {
  const list = await page.$$eval('[data-figure]', (els) => els.map((e) => ({ key: e.getAttribute('data-figure')!, value: e.getAttribute('data-value')!, text: (e.textContent ?? '').trim() })));
  const map = new Map<string, { value: string; text: string }>();
  for (const f of list) {
    if (map.has(f.key)) throw new Error(`figure ${f.key} appears twice on the page`);
    map.set(f.key, { value: f.value, text: f.text });
  }
  return map;
}
