import type { ApolloServer } from '@apollo/server';
import type { Principal } from '../src/auth/principal';
import { createRequestContext, RequestContext, Services } from '../src/api/context';
import { LiveCountBudget } from '../src/api/live-count-budget';
import { createApollo } from '../src/api/server/app';
import { cypher } from '../src/db/cypher-files';
import { Executor } from '../src/db/executor';
import { as, TEST_PSEUDONYM_KEY, testExecutor, testLogger } from './harness';

/**
 * Issue #10 §4, budgets: one deadline per request across all its statements, and a per-caller
 * budget of live counts (breachImpact/affectedInsurers with an explicit asOf). Found: the timeout
 * was per statement, so one 20-alias breachImpact(asOf) request ran 31.6 s and a burst held
 * requests 25-48 s. Tested by mechanism with an injected clock, never by timing.
 */
let executor: Executor;
let apollo: ApolloServer<RequestContext>;
beforeAll(async () => {
  executor = testExecutor();
  apollo = await createApollo({ production: false }, testLogger);
});
afterAll(async () => {
  await apollo?.stop();
  await executor?.close();
});

/** Services as `main.ts` builds them, plus what a test injects (a clock, a budget). */
const services = (extra: Partial<Services> = {}): Services => ({ executor, logger: testLogger, pseudonymKey: TEST_PSEUDONYM_KEY, ...extra });

// Callers are insurers: aggregate roles may not count on undocumented dates at all (disclosure
// control answers FORBIDDEN before any budget), while an insurer counts its own share on any date.
const ALAN = as('INSURER', 'org-alan');
const MGP = as('INSURER', 'org-mgp');

async function run(svc: Services, query: string, principal: Principal = ALAN) {
  const contextValue = createRequestContext(svc, principal);
  const response = await apollo.executeOperation({ query }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  return { ...response.body.singleResult, queries: contextValue.roundTrips.queries };
}

const LIST = cypher('breach/list-breaches');
const ALMERYS = 'breach-almerys-2024';
/** A breachImpact alias per date: each date other than the stored reference date is a live count. */
const aliases = (dates: string[]) => `{ ${dates.map((d, i) => `a${i}: breachImpact(breachId: "${ALMERYS}", asOf: "${d}") { totals { people } }`).join(' ')} }`;
const days = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `2023-01-${String(from + i).padStart(2, '0')}`);

test('regression #10: once the request deadline has passed, its next statement is refused, not started', async () => {
  let now = 1_000_000;
  const ctx = createRequestContext(services({ clock: () => now }), as('ANALYST'));
  expect((await ctx.db.read(LIST, { first: 1 })).length).toBeGreaterThanOrEqual(0);
  const sent = ctx.roundTrips.roundTrips;
  // The whole request's budget is the configured query timeout; a clock past it leaves nothing.
  now += executor.requestTimeoutMs;
  await expect(ctx.db.read(LIST, { first: 1 })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/deadline/) });
  await expect(ctx.db.writeAll([])).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  expect(ctx.roundTrips.roundTrips).toBe(sent);
});

test('regression #10: the deadline is per request: a new request gets a whole one', async () => {
  let now = 5_000_000;
  const svc = services({ clock: () => now });
  const first = createRequestContext(svc, as('ANALYST'));
  now += executor.requestTimeoutMs;
  await expect(first.db.read(LIST, { first: 1 })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  const second = createRequestContext(svc, as('ANALYST'));
  await expect(second.db.read(LIST, { first: 1 })).resolves.toBeDefined();
});

test('regression #10: a 20-alias breachImpact(asOf) request is refused by the default live-count budget, before any count runs', async () => {
  // No budget injected: the default one (see live-count-budget.ts) must apply.
  const result = await run(services(), aliases(days(20)));
  expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  expect(result.errors?.[0]?.message).toMatch(/live count/);
  expect(result.queries).not.toContain('impact/impact-paths');
  expect(result.queries).not.toContain('impact/contract-aggregates');
});

test('regression #10: with a budget of N live counts per window, the N+1th in the window is QUERY_TOO_COMPLEX; others and later ones go through', async () => {
  let now = 0;
  const clock = () => now;
  const liveCounts = new LiveCountBudget({ limit: 3, windowMs: 60_000, clock });
  const svc = services({ liveCounts, clock });
  const caller = ALAN;
  const one = (date: string, who: Principal = caller) => run(svc, aliases([date]), who);
  for (const d of days(3)) expect((await one(d)).errors).toBeUndefined();
  const over = await one('2023-01-04');
  expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', retryAfterSeconds: 60 });
  expect(over.queries).not.toContain('impact/impact-paths');
  // The stored reference date is no live count: still answered.
  const stored = await run(svc, `{ breachImpact(breachId: "${ALMERYS}") { totals { people } } }`, caller);
  expect(stored.errors).toBeUndefined();
  // Another caller has a budget of its own.
  expect((await one('2023-01-05', MGP)).errors).toBeUndefined();
  // A request asking more than is left is refused whole and spends nothing.
  now += 30_000;
  expect((await run(svc, aliases(days(3, 10)), MGP)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  expect((await one('2023-01-06', MGP)).errors).toBeUndefined();
  // Once the window has passed, the first caller may count again.
  now += 30_001;
  expect((await one('2023-01-07')).errors).toBeUndefined();
});

test('affectedInsurers with an asOf spends the same budget', async () => {
  const liveCounts = new LiveCountBudget({ limit: 1, windowMs: 60_000, clock: () => 0 });
  const svc = services({ liveCounts });
  const q = (d: string) => `{ affectedInsurers(breachIds: ["${ALMERYS}", "breach-viamedis-2024"], asOf: "${d}") { insurer { id } } }`;
  expect((await run(svc, q('2023-03-01'))).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  const single = await run(svc, `{ affectedInsurers(breachIds: ["${ALMERYS}"], asOf: "2023-03-01") { insurer { id } } }`);
  expect(single.errors).toBeUndefined();
});

test('soak finding (a first what-if over 1M people stopped at 16.2 s): a request that spends a live count gets the live counts\' allowance, others keep the query timeout', async () => {
  let now = 0;
  const clock = () => now;
  const liveCounts = new LiveCountBudget({ limit: 10, windowMs: 60_000, timeoutMs: 120_000, clock });
  const svc = services({ liveCounts, clock });
  // A plain request past the query timeout is refused.
  const plain = createRequestContext(svc, ALAN);
  now += executor.requestTimeoutMs + 1_000;
  await expect(plain.db.read(LIST, { first: 1 })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  // One that spent a live count still has time at the same moment, until the wider allowance ends.
  const start = now;
  const live = createRequestContext(svc, ALAN);
  live.spendLiveCounts(1);
  now = start + executor.requestTimeoutMs + 1_000;
  await expect(live.db.read(LIST, { first: 1 })).resolves.toBeDefined();
  now = start + 120_000;
  await expect(live.db.read(LIST, { first: 1 })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/120 s/) });
  // A what-if through GraphQL spends one, and its count runs after the query timeout has passed:
  // this budget's clock moves time on past it at the moment the what-if spends its count.
  const passing = new LiveCountBudget({ limit: 10, windowMs: 60_000, timeoutMs: 120_000, clock: () => (now += executor.requestTimeoutMs + 1_000) });
  const whatIf = createRequestContext(services({ liveCounts: passing, clock }), as('ANALYST'));
  const answered = await apollo.executeOperation({ query: '{ simulateBreach(systems: ["sys-almerys-pro-portal"]) { totals { people } } }' }, { contextValue: whatIf });
  if (answered.body.kind !== 'single') throw new Error('unexpected incremental response');
  expect(answered.body.singleResult.errors).toBeUndefined();
});
