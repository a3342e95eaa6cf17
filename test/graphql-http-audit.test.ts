import { serverAudits } from 'graphql-http';
import type { AuditResult } from 'graphql-http';
import { loadConfig } from '../src/config/config';
import { App, startApp } from '../src/api/server/app';
import { createTokenVerifier } from '../src/auth/verify-token';
import { TEST_JWT_SECRET, testAuthConfig, testExecutor, testServices } from './harness';
import type { Executor } from '../src/db/executor';

/**
 * GraphQL-over-HTTP conformance: every audit of graphql-http's `serverAudits` runs against the
 * real HTTP app. Apollo Server deliberately departs from a few of them; those are listed below,
 * each with its reason, and must keep failing (so the list cannot silently go stale). Every other
 * audit must pass.
 */

/**
 * Audits Apollo Server (as configured in src/server/app.ts) fails on purpose: audit id → one-line
 * reason. Found empirically; each must still fail, so a fixed one has to be removed from here.
 */
const KNOWN_APOLLO_DEVIATIONS: Record<string, string> = {
  // MAY (notice): GET without a preflight-forcing header is refused by csrfPrevention: true.
  '5A70': 'GET ?query= without content-type or apollo-require-preflight header is blocked by CSRF prevention (400)',
  D6D5: 'GET with URL-encoded {variables} is blocked by CSRF prevention (400) when no preflight-forcing header is sent',
  '6A70': 'GET with URL-encoded {variables} is blocked by CSRF prevention (400) when no preflight-forcing header is sent',
  // SHOULD (warn): the legacy application/json media type asks for 200 on request errors; Apollo answers 400.
  '572B': 'document parse failure answers 400 (BAD_USER_INPUT / GRAPHQL_PARSE_FAILED), not 200, even for accept: application/json',
  FDE2: 'document validation failure answers 400 (the audit query `{ 8f31… }` is also a syntax error in graphql-js 16), not 200, even for accept: application/json',
  '7B9B': 'variable coercion failure answers 400 (the audit operation also fails validation: unused $id), not 200, even for accept: application/json',
};

/**
 * Audits allowed to end as `warn` (a SHOULD recommendation) without being a known deviation:
 * audit id → reason. None today: every warn is a deliberate Apollo deviation listed above.
 */
const ACCEPTED_WARNINGS: Record<string, string> = {};

let app: App;
let executor: Executor;
beforeAll(async () => {
  executor = testExecutor();
  app = await startApp({ ...loadConfig({}), port: 0, maxBodyBytes: 100_000 }, testServices(executor), createTokenVerifier(testAuthConfig, { jwtSecret: new TextEncoder().encode(TEST_JWT_SECRET) }));
});
afterAll(async () => {
  await app.close();
  await executor.close();
});

// The audits are listed up front (for test.each); each resolves the URL only when it runs.
const audits = serverAudits({ url: () => `${app.url}/graphql`, fetchFn: fetch });
const results = new Map<string, AuditResult>();

/** A failed audit's reason, with the response status, for the test output. */
async function describeResult(result: AuditResult): Promise<string> {
  if (result.status === 'ok') return 'ok';
  let body: string;
  try {
    body = (await result.response.clone().text()).slice(0, 300);
  } catch {
    body = '<body unreadable>';
  }
  return `${result.status}: ${result.reason} (HTTP ${result.response.status}, content-type ${result.response.headers.get('content-type')}) ${body}`;
}

test('the audit list is not empty and the maps name real audits', () => {
  expect(audits.length).toBeGreaterThan(20);
  const ids = new Set(audits.map((a) => a.id));
  for (const id of [...Object.keys(KNOWN_APOLLO_DEVIATIONS), ...Object.keys(ACCEPTED_WARNINGS)]) expect(ids).toContain(id);
  for (const id of Object.keys(ACCEPTED_WARNINGS)) expect(KNOWN_APOLLO_DEVIATIONS).not.toHaveProperty(id);
});

test.each(audits.map((a) => [`${a.id} ${a.name}`, a] as const))('%s', async (_label, audit) => {
  const result = await audit.fn();
  results.set(audit.id, result);
  const described = await describeResult(result);
  if (audit.id in KNOWN_APOLLO_DEVIATIONS) {
    // A known deviation must still fail; if it passes now, drop it from the map.
    expect({ id: audit.id, status: result.status }).not.toEqual({ id: audit.id, status: 'ok' });
  } else if (audit.id in ACCEPTED_WARNINGS) {
    expect({ id: audit.id, result: described }).toEqual({ id: audit.id, result: expect.stringMatching(/^(ok|warn)/) });
  } else {
    expect({ id: audit.id, result: described }).toEqual({ id: audit.id, result: 'ok' });
  }
});

afterAll(async () => {
  const byId = new Map(audits.map((a) => [a.id, a.name]));
  const lines = Object.entries(KNOWN_APOLLO_DEVIATIONS).map(([id, reason]) => `- \`${id}\` ${byId.get(id)} — ${reason}`);
  const warnLines = Object.entries(ACCEPTED_WARNINGS).map(([id, reason]) => `- \`${id}\` ${byId.get(id)} (warn) — ${reason}`);
  const summary = [...results.values()].reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
  console.log(
    [`graphql-http server audits: ${results.size} run, ${JSON.stringify(summary)}`, 'Known Apollo Server deviations:', ...lines, ...(warnLines.length ? ['Accepted warnings:', ...warnLines] : [])].join('\n'),
  );
});
