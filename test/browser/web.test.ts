import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { App, startApp } from '../../src/api/server/app';
import { mintToken } from '../../src/auth/mint-token';
import { createTokenVerifier } from '../../src/auth/verify-token';
import { loadConfig } from '../../src/config/config';
import { syntheticNir } from '../../src/identity/nir';
import { Api, as, SERVER_START_MS, startApi, TEST_JWT_SECRET, testAuthConfig, testExecutor, testServices } from '../harness';
import { token } from '../tokens';
import { BROWSER_TIMEOUT_MS, figuresOn, launchBrowser, screenshot, TestBrowser } from './browser';
import { ensureWebBuilt } from './build-web';
import { CONFIDENCE_FR, contractRowFacts, Expected, frenchText, insurerFigures, NO_PORTFOLIO, overdue, regulatorFigures } from './expected-figures';

/**
 * The web front end in a real browser (Debian's Chromium through playwright-core), against a real
 * API on the test database: every figure the dashboard shows equals the API's answer, an insurer
 * sees only its own rows, a suppressed cell reads as suppressed, the explorer runs an example,
 * and no request leaves this machine. Screenshots go to docs/screenshots/.
 */

// Globals of the page, for the functions evaluated in the browser (this project compiles without the DOM library).
declare const document: any, sessionStorage: any, localStorage: any, location: any, window: any, navigator: any;

const secret = new TextEncoder().encode(TEST_JWT_SECRET);
const INSURER = 'org-la-mutuelle-generale';
const OTHER_INSURER = 'org-alan';

let executor: ReturnType<typeof testExecutor>;
let app: App;
let api: Api;
let browser: TestBrowser;

beforeAll(async () => {
  ensureWebBuilt();
  executor = testExecutor();
  const config = loadConfig({});
  app = await startApp(
    { ...config, port: 0, web: { ...config.web, graphiql: true, devTokens: true } },
    testServices(executor),
    createTokenVerifier(testAuthConfig, { jwtSecret: secret }),
    { mintDevToken: (claims) => mintToken(testAuthConfig, secret, claims) },
  );
  api = await startApi();
  browser = await launchBrowser();
}, SERVER_START_MS);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await api?.close();
  await executor?.close();
});

afterEach(() => {
  // Checked after every test, so the failing one is named: nothing may leave this machine.
  expect(browser.outside).toEqual([]);
  // Nor may the page ask this server for something it does not have.
  expect(browser.missing).toEqual([]);
});

const CATALOGUE = `query { breaches { id name intrusion { known date } detection { known date } disclosure { known date } timeline { id date } } }`;
const IMPACT = `query ($id: ID!) { breachImpact(breachId: $id) {
  referenceDate
  freshness { current }
  totals {
    people contracts insurers populations populationsOfUnknownSize suppressed
    lowerBound sources insurersWithPortfolio insurersWithoutPortfolio { id name }
    reportedInsured { largest populations populationsOfUnknownSize figures { value population { id } } }
    reportedProfessionals { largest populations populationsOfUnknownSize figures { value population { id } } }
  }
  reportedFigures { id value date }
  byInsurer { insurer { id name } people contracts suppressed coverage { status sources } }
  byPartner { partner { id } role people contracts insurers suppressed }
  byCategory { category { id } people contracts populations subjects suppressed professionals { largest } }
} }`;
const ACROSS = `query ($ids: [ID!]!) { affectedInsurers(breachIds: $ids) { insurer { id } affectedByAll } }`;
const DUTIES = `query ($id: ID!, $order: DutyOrder!) { notificationDuties(breachId: $id, orderBy: $order) {
  controller { id } awarenessDate cnilDeadline status cnilNotifications { id date } peopleNotification peopleNotifiedOn
} }`;
const CROSS = `query ($ids: [ID!]!) { crossBreachImpact(breachIds: $ids) {
  computed
  lowerBound
  sources
  insurersWithoutPortfolio { id }
  freshness { current }
  referenceDates { breach { id } referenceDate }
  distinct { people contracts suppressed }
  byAddition { people contracts suppressed }
  inSeveral { people contracts suppressed }
  combinedExposure { people contracts suppressed }
  byBreach { breach { id } people contracts suppressed }
  byBreachCombination { breaches { id } people contracts suppressed }
} }`;
const PAGE = `query ($id: ID!, $after: String, $search: String) { affectedContracts(breachId: $id, first: 20, after: $after, search: $search) {
  totalCount referenceDate pageInfo { endCursor hasNextPage }
  edges { node { beneficiaryCount clientBasis contract { id number startDate endDate insurer { id } } exposures { status scope scopeNote confidence category { id name nameFr } } } }
} }`;

/**
 * The rows of the insurer's contracts block equal the API's page: the same numbers in order, each
 * row's « ancien client » badge exactly where the API's clientBasis is FORMER, and each exposure
 * with its status, confidence and caveat in French words.
 */
async function expectContractRows(block: ReturnType<Page['getByTestId']>, expected: any): Promise<void> {
  const shown = await block.locator('tr[data-contract]').evaluateAll((trs) =>
    trs.map((tr) => ({
      number: tr.getAttribute('data-contract'),
      clientBasis: tr.getAttribute('data-client-basis'),
      badge: tr.querySelector('[data-former]')?.textContent ?? null,
      exposures: [...tr.querySelectorAll('[data-exposure]')].map((e: any) => ({
        category: e.getAttribute('data-exposure'),
        status: e.getAttribute('data-status'),
        confidence: e.getAttribute('data-confidence'),
        text: e.textContent.replace(/\s+/g, ' ').trim(),
      })),
    })),
  );
  expect(shown).toEqual(contractRowFacts(expected));
}

/** Runs an operation on the API directly, failing on any error. */
async function ask(query: string, variables: Record<string, unknown>, principal = as('REGULATOR')): Promise<any> {
  const { data, errors } = await api.run(query, variables, principal);
  expect(errors).toBeUndefined();
  return data;
}

/** Every figure on the page equals `expected`: the same keys, the same raw values, French text. */
async function expectFigures(page: Page, expected: Map<string, Expected>): Promise<void> {
  const shown = await figuresOn(page);
  expect([...shown.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, want] of expected) {
    const { raw, text } = typeof want === 'string' ? { raw: want, text: frenchText(want) } : want;
    expect({ key, value: shown.get(key)!.value }).toEqual({ key, value: raw });
    // Intl's French thousands separator is a narrow no-break space; compare it as such.
    expect({ key, text: shown.get(key)!.text }).toEqual({ key, text });
  }
}

/** The page's figures across breaches have loaded for `chosen` (or it says two are needed). */
async function acrossLoaded(page: Page, chosen: string[]): Promise<void> {
  await page.locator(`[data-testid="across-breaches"][data-chosen="${chosen.join(',')}"]`).waitFor();
  if (chosen.length < 2) return page.getByTestId('cross-needs-two').waitFor();
  await page.getByTestId('cross-counts').waitFor();
  await page.locator('[data-figure="across.affectedByAll"]').waitFor();
}

test('the regulator’s dashboard shows every figure the API gives, suppressed cells as suppressed, with no outside request', async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}/dashboard`);
  // French by default.
  await page.getByRole('heading', { name: 'Violations de données à caractère personnel — impact' }).waitFor();
  // Sign in through the development role picker (this server has DEV_TOKENS on).
  await page.getByTestId('dev-role').selectOption('REGULATOR');
  await page.getByTestId('dev-mint').click();
  await page.getByTestId('signed-in').waitFor();
  expect(await page.evaluate(() => sessionStorage.getItem('breach-impact.token'))).toMatch(/^ey/);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  const { breaches } = await ask(CATALOGUE, {});
  expect(breaches.length).toBeGreaterThanOrEqual(2);
  const across = await ask(ACROSS, { ids: breaches.map((b: any) => b.id) });
  const byAll = across.affectedInsurers.filter((i: any) => i.affectedByAll).length;
  const { crossBreachImpact: cross } = await ask(CROSS, { ids: breaches.map((b: any) => b.id) });
  const allAcross = { affectedByAll: byAll, cross };
  // Every breach is chosen at first.
  await acrossLoaded(page, breaches.map((b: any) => b.id));
  // Never double-counted: with nothing withheld, the distinct people shown are the Venn cells
  // shown added up, and those in several the cells of two breaches or more.
  const cells = cross.byBreachCombination;
  if (cross.computed && !cross.distinct.suppressed && cells.every((c: any) => !c.suppressed)) {
    const shown = await figuresOn(page);
    const sum = (list: any[]) => list.reduce((n, c) => n + Number(shown.get(`cross.cell.${c.breaches.map((b: any) => b.id).sort().join('+')}.people`)!.value), 0);
    expect(Number(shown.get('cross.distinct.people')!.value)).toBe(sum(cells));
    if (!cross.inSeveral.suppressed) expect(Number(shown.get('cross.inSeveral.people')!.value)).toBe(sum(cells.filter((c: any) => c.breaches.length > 1)));
  }
  let suppressedSeen = 0;
  let dutiesSeen = 0;
  let overdueSeen = 0;
  let noPortfolioSeen = 0;
  let professionalsSeen = 0;
  let last: { breach: any; impact: any; duties: any[] } | undefined;
  for (const breach of breaches) {
    await page.locator(`[data-breach="${breach.id}"]`).click();
    await page.getByTestId(`impact-${breach.id}`).waitFor();
    await page.getByTestId('across-breaches').locator('[data-figure]').first().waitFor();
    const { breachImpact } = await ask(IMPACT, { id: breach.id });
    const { notificationDuties: duties } = await ask(DUTIES, { id: breach.id, order: 'DEADLINE' });
    const dutiesTable = page.getByTestId(`duties-${breach.id}`);
    if (duties.length > 0) await dutiesTable.waitFor();
    await expectFigures(page, regulatorFigures(breach, breachImpact, duties, allAcross));
    last = { breach, impact: breachImpact, duties };
    // Current counts carry no "being recomputed" label (the API says they are current).
    expect([breachImpact.freshness.current, cross.freshness.current]).toEqual([true, true]);
    expect(await page.getByTestId(`stale-${breach.id}`).count()).toBe(0);
    expect(await page.getByTestId('stale-cross').count()).toBe(0);
    // The duties in the API's order; overdue ones (deadline passed, none in time) marked, others not.
    const today = new Date().toISOString().slice(0, 10);
    const rows = () => dutiesTable.locator('tr[data-controller]').evaluateAll((trs) => trs.map((tr) => ({ id: tr.getAttribute('data-controller'), overdue: tr.getAttribute('data-overdue') })));
    expect(await rows()).toEqual(duties.map((d: any) => ({ id: d.controller.id, overdue: String(overdue(d, today)) })));
    expect(await dutiesTable.getByTestId('overdue').count()).toBe(duties.filter((d: any) => overdue(d, today)).length);
    // Sorted by the API on request: most pressing first.
    if (duties.length > 1) {
      const byStatus = (await ask(DUTIES, { id: breach.id, order: 'STATUS' })).notificationDuties;
      await page.getByTestId('duty-order').selectOption('STATUS');
      await page.locator(`[data-testid="duties-${breach.id}"][data-order="STATUS"]`).waitFor();
      expect((await rows()).map((r) => r.id)).toEqual(byStatus.map((d: any) => d.controller.id));
      await page.getByTestId('duty-order').selectOption('DEADLINE');
      await page.locator(`[data-testid="duties-${breach.id}"][data-order="DEADLINE"]`).waitFor();
    }
    dutiesSeen += duties.length;
    overdueSeen += duties.filter((d: any) => overdue(d, today)).length;
    // A suppressed insurer row: the API's suppressed cells read « masqué », never a number or 0.
    for (const i of breachImpact.byInsurer.filter((x: any) => x.suppressed)) {
      const row = page.locator(`[data-testid="by-insurer-${breach.id}"] tr[data-insurer="${i.insurer.id}"]`);
      expect(await row.locator('[data-value="suppressed"]').count()).toBe(2);
      expect(await row.innerText()).toContain('masqué');
      suppressedSeen++;
    }
    suppressedSeen += [...breachImpact.byPartner, ...breachImpact.byCategory].filter((x: any) => x.suppressed).length;
    // An insurer with no portfolio loaded reads « aucun portefeuille chargé » (the API's coverage),
    // neither « inconnue », nor 0, nor « masqué ».
    const without = breachImpact.byInsurer.filter((x: any) => x.coverage.status === 'NO_PORTFOLIO_LOADED');
    for (const i of without) {
      const row = page.locator(`[data-testid="by-insurer-${breach.id}"] tr[data-insurer="${i.insurer.id}"]`);
      expect(await row.locator(`[data-value="${NO_PORTFOLIO}"]`).count()).toBe(2);
      const text = await row.innerText();
      expect(text).toContain('aucun portefeuille chargé');
      expect(text).not.toMatch(/inconnue|masqué|\b0\b/);
      noPortfolioSeen++;
    }
    // The insurers the totals name as having no portfolio, listed by name beside the totals.
    const listed = page.getByTestId(`without-portfolio-${breach.id}`).locator('li');
    expect(await listed.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-insurer')))).toEqual(breachImpact.totals.insurersWithoutPortfolio.map((o: any) => o.id));
    expect(await listed.allInnerTexts()).toEqual(breachImpact.totals.insurersWithoutPortfolio.map((o: any) => o.name));
    // The Sankey's note: suppressed insurers and insurers with no portfolio, each under its own words.
    const names = (list: any[]) => list.map((x: any) => x.insurer.name).sort().join(', ') || '—';
    expect(await page.getByTestId(`sankey-suppressed-${breach.id}`).innerText()).toBe(names(breachImpact.byInsurer.filter((x: any) => x.suppressed)));
    expect(await page.getByTestId(`sankey-no-portfolio-${breach.id}`).innerText()).toBe(names(without));
    expect(await page.getByTestId(`sankey-unknown-${breach.id}`).count()).toBe(0);
    professionalsSeen += breachImpact.totals.reportedProfessionals.figures.length + breachImpact.byCategory.filter((c: any) => c.professionals?.largest != null).length;
    // Confidence levels in words, never a bare H, M, L or « ? ».
    const confidences = await page.locator('[data-confidence]').evaluateAll((els) => els.map((e) => ({ raw: e.getAttribute('data-confidence')!, text: (e.textContent ?? '').trim() })));
    expect(confidences.length).toBeGreaterThan(0);
    for (const c of confidences) {
      expect(c.text).toContain(CONFIDENCE_FR[c.raw]);
      expect(c.text).not.toMatch(/\b[HML]\b|\?/);
    }
    expect(await page.locator('.confidence:not([data-confidence])').count()).toBe(0);
    await screenshot(page, `dashboard-regulator-${breach.id}`);
  }
  // The seeded case has insurers with no portfolio and professionals with a reported figure: the checks above are not vacuous.
  expect(noPortfolioSeen).toBeGreaterThan(0);
  expect(professionalsSeen).toBeGreaterThan(0);

  // The breaches the figures across breaches are of: untick one, and those figures are the API's
  // for the others (or, under two, none and the reader told so); tick it again, all of them.
  const [unticked, ...rest] = breaches.map((b: any) => b.id as string);
  await page.locator(`[data-pick="${unticked}"]`).uncheck();
  await acrossLoaded(page, rest);
  let restAcross = null;
  if (rest.length >= 2) {
    const restByAll = (await ask(ACROSS, { ids: rest })).affectedInsurers.filter((i: any) => i.affectedByAll).length;
    restAcross = { affectedByAll: restByAll, cross: (await ask(CROSS, { ids: rest })).crossBreachImpact };
  } else {
    expect(await page.getByTestId('cross-needs-two').innerText()).toContain('au moins deux violations');
    expect(await page.getByTestId('cross-counts').count()).toBe(0);
  }
  await expectFigures(page, regulatorFigures(last!.breach, last!.impact, last!.duties, restAcross));
  await page.locator(`[data-pick="${unticked}"]`).check();
  await acrossLoaded(page, breaches.map((b: any) => b.id));
  await expectFigures(page, regulatorFigures(last!.breach, last!.impact, last!.duties, allAcross));
  // The seeded case has small cells under the default threshold: the check above is not vacuous.
  expect(suppressedSeen).toBeGreaterThan(0);
  // And controllers with duties: the duty checks above are not vacuous either.
  expect(dutiesSeen).toBeGreaterThan(0);
  expect(overdueSeen).toBeGreaterThan(0);
  // The Sankey is drawn (a canvas inside its block).
  expect(await page.getByTestId('sankey').locator('canvas').count()).toBeGreaterThan(0);
  // So are the cross-breach bars (their figures are the table's, checked above).
  expect(await page.getByTestId('cross-bars').locator('canvas').count()).toBeGreaterThan(0);
  // English on request, with English number formats.
  await page.getByTestId('lang-switch').click();
  await page.getByRole('heading', { name: 'Personal data breaches — impact' }).waitFor();
  const sample = (await figuresOn(page)).get(`impact.${breaches[breaches.length - 1].id}.referenceDate`)!;
  expect(sample.text).toBe(new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${sample.value}T00:00:00Z`)));
  // An insurer with no portfolio loaded, in English words.
  const english = (await page.locator(`[data-value="${NO_PORTFOLIO}"]`).allInnerTexts());
  expect(english.length).toBeGreaterThan(0);
  expect(new Set(english)).toEqual(new Set(['no portfolio loaded']));
  await screenshot(page, 'dashboard-regulator-english');
  await page.getByTestId('lang-switch').click();
  // An analyst shares the dashboard but not the duties (REGULATOR only): told so, not an error.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByTestId('dev-role').selectOption('ANALYST');
  await page.getByTestId('dev-mint').click();
  await page.getByTestId('duties-forbidden').waitFor();
  await page.getByTestId('cross-counts').waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(await page.locator('[data-figure^="duty."]').count()).toBe(0);
  await page.close();
});

test('counts the API says are not current are labelled as being recomputed, with the moment they fell behind', async () => {
  const page = await browser.newPage();
  // The API's answer, as it is while a refresh is pending (the API side is tested in
  // test/faults/api-kill-refresh.test.ts and test/register-breach.test.ts): only freshness changes.
  const since = '2026-12-04T21:05:00.000Z';
  await page.route('**/graphql', async (route) => {
    const sent = route.request().postData() ?? '';
    if (route.request().method() !== 'POST' || !/DashboardBreachImpact|DashboardCrossBreach/.test(sent)) return route.fallback();
    const response = await route.fetch();
    const body = await response.json();
    for (const answer of [body.data?.breachImpact, body.data?.crossBreachImpact]) if (answer) answer.freshness = { current: false, staleSince: since };
    await route.fulfill({ response, json: body });
  });
  await page.goto(`${app.url}/dashboard`);
  await page.getByTestId('dev-role').selectOption('REGULATOR');
  await page.getByTestId('dev-mint').click();
  const { breaches } = await ask(CATALOGUE, {});
  await page.locator(`[data-breach="${breaches[0].id}"]`).click();
  const label = page.getByTestId(`stale-${breaches[0].id}`);
  await label.waitFor();
  expect(await label.innerText()).toBe('Chiffres en cours de recalcul : ils ne tiennent pas compte des données écrites depuis le 4 décembre 2026 à 21:05 UTC.');
  expect(await label.getAttribute('role')).toBe('status');
  // The counts across breaches too.
  expect(await page.getByTestId('stale-cross').innerText()).toBe(await label.innerText());
  await screenshot(page, 'dashboard-regulator-stale');
  await page.close();
});

test('an insurer’s own totals the API says are not current are labelled as being recomputed, and only those', async () => {
  const page = await browser.newPage();
  const insurerToken = await token({ role: 'INSURER', org: INSURER });
  const { breaches } = await ask(CATALOGUE, {}, as('INSURER', INSURER));
  const [stale, ...current] = breaches.map((b: { id: string }) => b.id);
  expect(current.length).toBeGreaterThan(0);
  // The API's answer for one breach as it is while a refresh is pending (the API side is tested
  // in test/register-breach.test.ts): only its freshness changes; the others pass untouched.
  await page.route('**/graphql', async (route) => {
    const sent = route.request().postData() ?? '';
    if (route.request().method() !== 'POST' || !sent.includes('InsurerOwnTotals') || !sent.includes(stale)) return route.fallback();
    const response = await route.fetch();
    const body = await response.json();
    body.data.breachImpact.freshness = { current: false, staleSince: '2026-12-04T21:05:00.000Z' };
    await route.fulfill({ response, json: body });
  });
  await page.goto(`${app.url}/dashboard`);
  await page.getByTestId('token-input').fill(insurerToken);
  await page.getByTestId('use-token').click();
  await page.getByTestId('signed-in').waitFor();
  const label = page.getByTestId(`stale-own-${stale}`);
  await label.waitFor();
  expect((await label.innerText()).trim()).toBe('(en cours de recalcul)');
  expect(await label.getAttribute('role')).toBe('status');
  // The other breaches' totals have loaded, and carry no label.
  for (const id of current) await page.locator(`tr[data-breach="${id}"] [data-figure="own.${id}.people"]`).waitFor();
  for (const id of current) expect(await page.getByTestId(`stale-own-${id}`).count()).toBe(0);
  await screenshot(page, 'dashboard-insurer-stale');
  await page.close();
});

test('an insurer sees its own totals and only its own contracts, page by page, and looks a member up by NIR in a POST body only', async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}/dashboard`);
  // Sign in by pasting a token.
  const insurerToken = await token({ role: 'INSURER', org: INSURER });
  await page.getByTestId('token-input').fill(insurerToken);
  await page.getByTestId('use-token').click();
  await page.getByTestId('signed-in').waitFor();

  const principal = as('INSURER', INSURER);
  const { breaches } = await ask(CATALOGUE, {}, principal);
  const totals = [];
  for (const b of breaches) totals.push({ breachId: b.id, impact: (await ask(IMPACT, { id: b.id }, principal)).breachImpact });
  const others = new Set<string>();
  for (const b of breaches) {
    const page = (await ask(PAGE, { id: b.id }, as('INSURER', OTHER_INSURER))).affectedContracts;
    for (const e of page.edges) others.add(e.node.contract.number);
  }

  // What the walk met: the badges must be tried both ways, the caveats shown beyond EXPOSED ALL,
  // and a contract of a second page is then searched for.
  const formerSeen = new Set<string>();
  const activeSeen = new Set<string>();
  const caveatsSeen: string[] = [];
  const secondPages: Array<{ breachId: string; number: string }> = [];
  for (const breach of breaches) {
    await page.locator(`nav [data-breach="${breach.id}"]`).click();
    // Walk the API's pages and the page's pages side by side.
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const expected: any = (await ask(PAGE, { id: breach.id, after }, principal)).affectedContracts;
      const block = page.getByTestId(`contracts-${breach.id}`);
      await block.waitFor();
      await page.waitForFunction(
        ([id, first]) => document.querySelector(`[data-testid="contracts-${id}"] tr[data-contract]`)?.getAttribute('data-contract') === first,
        [breach.id, expected.edges[0]?.node.contract.number ?? null] as const,
      ).catch(() => undefined);
      if (expected.edges.length > 0) await block.locator(`tr[data-contract="${expected.edges[0].node.contract.number}"]`).waitFor();
      await expectFigures(page, insurerFigures(totals, breach.id, expected));
      const rows = await block.locator('tr[data-contract]').evaluateAll((trs) => trs.map((tr) => ({ number: tr.getAttribute('data-contract'), insurer: tr.getAttribute('data-insurer') })));
      expect(rows.map((r) => r.number)).toEqual(expected.edges.map((e: any) => e.node.contract.number));
      expect(new Set(rows.map((r) => r.insurer))).toEqual(new Set(rows.length ? [INSURER] : []));
      await expectContractRows(block, expected);
      for (const e of expected.edges) (e.node.clientBasis === 'FORMER' ? formerSeen : activeSeen).add(e.node.contract.number);
      for (const e of expected.edges) for (const x of e.node.exposures) caveatsSeen.push(`${x.status} ${x.scope} ${x.scopeNote !== null}`);
      if (pages === 1 && expected.edges.length > 0) secondPages.push({ breachId: breach.id, number: expected.edges.at(-1).node.contract.number });
      const text = await block.innerText();
      for (const n of others) expect(text).not.toContain(n);
      if (pages === 0) await screenshot(page, `dashboard-insurer-${breach.id}`);
      pages++;
      if (!expected.pageInfo.hasNextPage) {
        expect(await page.getByTestId('next-page').isDisabled()).toBe(true);
        break;
      }
      after = expected.pageInfo.endCursor;
      await page.getByTestId('next-page').click();
    }
    expect(pages).toBeGreaterThan(0);
  }
  expect(formerSeen.size).toBeGreaterThan(0);
  expect(activeSeen.size).toBeGreaterThan(0);
  expect(caveatsSeen.some((c) => c !== 'EXPOSED ALL false')).toBe(true);

  // The search box asks the API: a contract of a second page (not loaded on the first) is found,
  // typed in lower case, alone, with the count of the matching contracts.
  expect(secondPages.length).toBeGreaterThan(0);
  const { breachId: searchedBreach, number } = secondPages[0];
  await page.locator(`nav [data-breach="${searchedBreach}"]`).click();
  const block = page.getByTestId(`contracts-${searchedBreach}`);
  const firstPage: any = (await ask(PAGE, { id: searchedBreach, after: null }, principal)).affectedContracts;
  const toFirstPage = block.getByRole('button', { name: 'Première page' });
  if (await toFirstPage.isEnabled()) await toFirstPage.click();
  await block.locator(`tr[data-contract="${firstPage.edges[0].node.contract.number}"]`).waitFor();
  expect(await block.locator(`tr[data-contract="${number}"]`).count()).toBe(0);
  const found: any = (await ask(PAGE, { id: searchedBreach, after: null, search: number.toLowerCase() }, principal)).affectedContracts;
  expect(found.edges.map((e: any) => e.node.contract.number)).toEqual([number]);
  await block.getByTestId('contract-search').fill(number.toLowerCase());
  await page.waitForFunction(
    ([id, n]) => {
      const rows = [...document.querySelectorAll(`[data-testid="contracts-${id}"] tr[data-contract]`)];
      return rows.length === 1 && rows[0].getAttribute('data-contract') === n;
    },
    [searchedBreach, number] as const,
  );
  await expectFigures(page, insurerFigures(totals, searchedBreach, found));
  await expectContractRows(block, found);
  // Cleared, the box gives the whole list back from its first page.
  await block.getByTestId('contract-search').fill('');
  await page.waitForFunction(
    ([id, n]) => document.querySelector(`[data-testid="contracts-${id}"] tr[data-contract]`)?.getAttribute('data-contract') === n,
    [searchedBreach, firstPage.edges[0].node.contract.number] as const,
  );
  await expectContractRows(block, firstPage);

  // Member lookup: the NIR goes in a POST body, never in any URL the browser requested.
  const nir = syntheticNir('syn-person-00001');
  const { memberExposure } = await ask(`query ($nir: String!) { memberExposure(nir: $nir) { breaches { breach { name } contract { number } exposedCategories { nameFr } } } }`, { nir }, principal);
  expect(memberExposure.breaches.length).toBeGreaterThan(0);
  await page.getByTestId('nir').fill(nir);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const lookup = page.getByTestId('member-lookup');
  await lookup.locator('li').first().waitFor();
  const shown = await lookup.innerText();
  // Each breach with the member's contract and its exposed categories in French.
  for (const b of memberExposure.breaches) expect(shown).toContain(`${b.breach.name} — ${b.contract.number} — ${b.exposedCategories.map((c: any) => c.nameFr).join(', ')}`);
  expect(await page.getByTestId('nir').inputValue()).toBe('');
  expect(browser.requests.filter((u) => u.includes(nir) || u.includes(nir.slice(0, 7)))).toEqual([]);
  expect(browser.graphqlBodies.some((b) => b.includes(nir))).toBe(true);
  expect(await page.evaluate((n) => JSON.stringify({ ...sessionStorage }).includes(n) || JSON.stringify({ ...localStorage }).includes(n) || location.href.includes(n), nir)).toBe(false);
  await screenshot(page, 'dashboard-insurer-member-lookup');
  await page.close();
});

/** From now on, `page` receives every export cut before its end line, as a server failure mid-export leaves it. */
async function cutExportsBeforeTheirEndLine(page: Page): Promise<void> {
  await page.route('**/export/affected-contracts*', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).trimEnd().split('\n').slice(0, -1).join('\n') + '\n';
    await route.fulfill({ response, body });
  });
}

test('an insurer downloads its mailing export from the page: the API’s file byte for byte, in one request without the token in any address; a cut file is refused', async () => {
  const page = await browser.newPage();
  const insurerToken = await token({ role: 'INSURER', org: INSURER });
  const principal = as('INSURER', INSURER);
  const { breaches } = await ask(CATALOGUE, {}, principal);
  const breach = breaches[0];
  const { totalCount } = (await ask(PAGE, { id: breach.id }, principal)).affectedContracts;
  expect(totalCount).toBeGreaterThan(0);
  const direct = async (format: string, bom = false) => {
    const res = await fetch(`${app.url}/export/affected-contracts?breachId=${breach.id}&format=${format}${bom ? '&bom=true' : ''}`, { headers: { authorization: `Bearer ${insurerToken}` } });
    expect(res.status).toBe(200);
    return { body: Buffer.from(await res.arrayBuffer()), name: /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] };
  };
  let downloads = 0;
  page.on('download', () => downloads++);
  // As in a browser without a save dialog that writes (Firefox, Safari): the file is offered as a download.
  await page.addInitScript(() => delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker);
  await page.goto(`${app.url}/dashboard`);
  await page.getByTestId('token-input').fill(insurerToken);
  await page.getByTestId('use-token').click();
  await page.getByTestId('signed-in').waitFor();
  await page.locator(`nav [data-breach="${breach.id}"]`).click();
  const form = page.getByTestId('mailing-export');
  await form.waitFor();
  const status = page.getByTestId('export-status');
  const exportsBefore = browser.requests.filter((u) => u.includes('/export/')).length;

  for (const [format, bom] of [['csv', false], ['csv', true], ['jsonl', false]] as const) {
    await page.getByTestId('export-format').selectOption(format);
    if (format === 'csv' && bom !== (await page.getByTestId('export-bom').isChecked())) await page.getByTestId('export-bom').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
    const saved = fs.readFileSync((await download.path())!);
    const expected = await direct(format, bom);
    // Byte for byte what the API streams (the end line included), under the API's file name.
    expect(saved.equals(expected.body)).toBe(true);
    expect(download.suggestedFilename()).toBe(expected.name);
    const text = saved.toString('utf8');
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\n');
    const dataLines = format === 'csv' ? lines.length - 2 : lines.length - 1;
    expect(lines.at(-1)).toContain(format === 'csv' ? `#END rows=${dataLines} contracts=${totalCount} ` : `"rows":${dataLines},"contracts":${totalCount}`);
    // What the page says of it: the end line's counts, French numbers.
    await page.waitForFunction(() => document.querySelector('[data-testid="export-status"]')?.getAttribute('data-state') === 'done');
    expect(await page.locator(`[data-figure="export.${breach.id}.rows"]`).getAttribute('data-value')).toBe(String(dataLines));
    expect(await page.locator(`[data-figure="export.${breach.id}.contracts"]`).getAttribute('data-value')).toBe(String(totalCount));
    expect(await status.innerText()).toContain(`${new Intl.NumberFormat('fr-FR').format(dataLines)} lignes`);
    if (format === 'csv' && !bom) await screenshot(page, 'dashboard-insurer-export');
  }
  expect(downloads).toBe(3);
  // One request per download (each one audited export), the token in a header, never an address.
  const sent = browser.requests.filter((u) => u.includes('/export/')).slice(exportsBefore);
  expect(sent).toHaveLength(3);
  for (const u of sent) expect(u).not.toContain(insurerToken.slice(-20));

  // A file cut before its end line (as a server failure mid-export leaves it) is never offered.
  await cutExportsBeforeTheirEndLine(page);
  await page.getByTestId('export-format').selectOption('csv');
  await page.getByTestId('export-run').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="export-status"]')?.getAttribute('data-state') === 'failed');
  expect(await status.getByRole('alert').innerText()).toContain('Export incomplet');
  expect(downloads).toBe(3);
  await page.close();
});

test('where the browser can write a file as it arrives, the export goes straight to the file chosen: the API’s bytes, no download kept in the page; a cut file is left empty', async () => {
  const page = await browser.newPage();
  const insurerToken = await token({ role: 'INSURER', org: INSURER });
  const { breaches } = await ask(CATALOGUE, {}, as('INSURER', INSURER));
  const breach = breaches[0];
  let downloads = 0;
  page.on('download', () => downloads++);
  // The save dialog, answered as a user would, with a file of the page's private storage (a real
  // dialog cannot be driven headless): what the page writes is then read back below.
  await page.addInitScript(() => {
    const w = window as unknown as { showSaveFilePicker: unknown; pickerAsked: unknown[] };
    w.pickerAsked = [];
    w.showSaveFilePicker = async (options: unknown) => {
      w.pickerAsked.push(options);
      const dir = await navigator.storage.getDirectory();
      return dir.getFileHandle('chosen-export', { create: true });
    };
  });
  const chosenFile = async () =>
    page.evaluate(async () => {
      const dir = await navigator.storage.getDirectory();
      const file = await (await dir.getFileHandle('chosen-export')).getFile();
      return Array.from(new Uint8Array(await file.arrayBuffer()));
    });
  await page.goto(`${app.url}/dashboard`);
  await page.getByTestId('token-input').fill(insurerToken);
  await page.getByTestId('use-token').click();
  await page.getByTestId('signed-in').waitFor();
  await page.locator(`nav [data-breach="${breach.id}"]`).click();
  await page.getByTestId('mailing-export').waitFor();
  await page.getByTestId('export-format').selectOption('csv');
  await page.getByTestId('export-run').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="export-status"]')?.getAttribute('data-state') === 'done');
  const res = await fetch(`${app.url}/export/affected-contracts?breachId=${breach.id}&format=csv`, { headers: { authorization: `Bearer ${insurerToken}` } });
  const expected = Buffer.from(await res.arrayBuffer());
  expect(Buffer.from(await chosenFile()).equals(expected)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { pickerAsked: unknown[] }).pickerAsked)).toEqual([expect.objectContaining({ suggestedName: `affected-contracts_${breach.id}.csv` })]);
  // The page names the file it wrote, and offered no download of its own.
  expect(await page.getByTestId('export-status').innerText()).toContain('chosen-export');
  expect(downloads).toBe(0);

  // A file cut before its end line is aborted: the chosen file is left empty, never a partial list.
  await cutExportsBeforeTheirEndLine(page);
  await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('chosen-export'));
  await page.getByTestId('export-run').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="export-status"]')?.getAttribute('data-state') === 'failed');
  expect(await page.getByTestId('export-status').getByRole('alert').innerText()).toContain('Export incomplet');
  expect(await chosenFile()).toEqual([]);
  expect(downloads).toBe(0);
  await page.close();
});

test('the explorer is bundled, preloaded with the examples, runs one, and shows its explorer plugin', async () => {
  const page = await browser.newPage();
  // A regulator's token in this tab's session, as the dashboard leaves it: the headers editor starts with it.
  await page.goto(`${app.url}/dashboard`);
  const regulatorToken = await token({ role: 'REGULATOR' });
  await page.evaluate((t) => sessionStorage.setItem('breach-impact.token', t), regulatorToken);
  await page.goto(`${app.url}/graphiql`);
  const editor = page.locator('.graphiql-query-editor');
  await editor.waitFor();
  await page.waitForFunction(() => /query\s+BreachTimeline/.test((document.querySelector('.graphiql-query-editor')?.textContent ?? '').replace(/\u00a0/g, ' ')), undefined, { timeout: BROWSER_TIMEOUT_MS });
  // Run the first example: with several operations in the editor, GraphiQL asks which one.
  await page.locator('.graphiql-execute-button').click();
  const choice = page.getByRole('menuitem', { name: 'BreachTimeline' });
  if (await choice.isVisible().catch(() => false)) await choice.click();
  await page.waitForFunction(() => (document.querySelector('.graphiql-response')?.textContent ?? '').includes('breach-viamedis-2024'), undefined, { timeout: BROWSER_TIMEOUT_MS });
  // The headers editor carries the bearer token.
  await page.getByText('Headers', { exact: true }).click();
  await page.waitForFunction(() => (document.querySelector('.graphiql-editor-tool')?.textContent ?? '').includes('authorization'), undefined, { timeout: BROWSER_TIMEOUT_MS });
  // The explorer plugin (not the documentation explorer, whose button comes first).
  await page.getByRole('button', { name: 'Show GraphiQL Explorer', exact: true }).click();
  await page.locator('.graphiql-explorer-root').first().waitFor();
  // The explorer fits the window: the editors and panes scroll, the page does not (it was
  // 7,863 px tall when Monaco's margin escaped GraphiQL's container). A few pixels of margin.
  const fits = () => page.evaluate(() => ({ scrollHeight: document.documentElement.scrollHeight, innerHeight: (globalThis as any).innerHeight as number }));
  const sized = await fits();
  expect(sized.scrollHeight).toBeLessThanOrEqual(sized.innerHeight + 4);
  // The plugin scrolls its own pane to the operation; the screenshot shows the pane from its top.
  await page.locator('.graphiql-plugin').evaluate((pane) => pane.scrollTo(0, 0));
  await screenshot(page, 'graphiql');
  // The documentation explorer's long type list scrolls inside its pane too.
  await page.getByRole('button', { name: 'Show Documentation Explorer', exact: true }).click();
  await page.locator('.graphiql-doc-explorer-title').first().waitFor();
  const withDocs = await fits();
  expect(withDocs.scrollHeight).toBeLessThanOrEqual(withDocs.innerHeight + 4);
  await page.close();
});

test('each block’s link opens its operation in the explorer, signed in as the dashboard is, and it answers what the API answers', async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}/dashboard`);
  await page.getByTestId('dev-role').selectOption('REGULATOR');
  await page.getByTestId('dev-mint').click();
  await page.getByTestId('signed-in').waitFor();
  await page.getByTestId('cross-counts').waitFor();
  const links = page.locator('a.explorer-link');
  // The catalogue, one breach's impact, the insurers across breaches, the cross-breach counts, the duties.
  await page.waitForFunction(() => document.querySelectorAll('a.explorer-link').length >= 5, undefined, { timeout: BROWSER_TIMEOUT_MS });
  const count = await links.count();
  const operations = new Set<string>();
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    const href = (await link.getAttribute('href'))!;
    const fragment = new URLSearchParams(href.replace(/^[^#]*#/, ''));
    const query = fragment.get('query')!;
    const variables = JSON.parse(fragment.get('variables')!);
    const name = /^\s*query\s+(\w+)/.exec(query)![1];
    operations.add(name);
    const [explorer] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    // The operation is preloaded; run it and read what the server answered to this tab.
    await explorer.waitForFunction((op) => (document.querySelector('.graphiql-query-editor')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(`query ${op}`), name, { timeout: BROWSER_TIMEOUT_MS });
    const answered = explorer.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes(name), { timeout: BROWSER_TIMEOUT_MS });
    await explorer.locator('.graphiql-execute-button').click();
    const body = await (await answered).json();
    // Without the token (the tab opened with noopener) this was UNAUTHENTICATED.
    expect({ name, errors: body.errors }).toEqual({ name, errors: undefined });
    expect({ name, data: body.data }).toEqual({ name, data: await ask(query, variables) });
    await explorer.close();
  }
  expect([...operations].sort()).toEqual(['DashboardAcrossBreaches', 'DashboardBreachImpact', 'DashboardCatalogue', 'DashboardCrossBreach', 'DashboardDuties']);
  await page.close();
});

test('each breach’s timeline is drawn on a time axis (ECharts), with one point per dated event, and its data categories are named in French', async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}/dashboard`);
  await page.getByTestId('dev-role').selectOption('ANALYST');
  await page.getByTestId('dev-mint').click();
  await page.getByTestId('signed-in').waitFor();
  const { breaches } = await ask(CATALOGUE, {});
  for (const breach of breaches) {
    await page.locator(`button[data-breach="${breach.id}"]`).click();
    await page.getByTestId(`breach-${breach.id}`).waitFor();
    const dated = breach.timeline.filter((e: any) => e.date).length;
    const chart = page.getByTestId(`timeline-chart-${breach.id}`);
    if (dated === 0) {
      expect(await chart.count()).toBe(0);
      continue;
    }
    const canvas = chart.locator('canvas');
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(40);
    // Every dated event is a point; an event of unknown date is not (the table lists it as unknown).
    expect(Number(await chart.getAttribute('data-points'))).toBe(dated);
    // The categories are named in French, the CNIL form's words (DataCategory.nameFr), in both tables.
    const { breachImpact, breach: exposed } = await ask(
      `query ($id: ID!) { breachImpact(breachId: $id) { byCategory { category { nameFr } } } breach(id: $id) { exposures { category { nameFr } } } }`,
      { id: breach.id },
      as('ANALYST'),
    );
    const names = async (table: string) => (await page.locator(`table.${table} tbody tr td:first-child`).allInnerTexts()).map((x) => x.split(' — ')[0]);
    expect(await names('by-category')).toEqual(breachImpact.byCategory.map((x: any) => x.category.nameFr));
    expect(await names('exposures')).toEqual(exposed.exposures.map((x: any) => x.category.nameFr));
  }
  await page.close();
});
