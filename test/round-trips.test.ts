import { Api, as, startApi } from './harness';

/**
 * Nested fields resolve through per-request DataLoaders: the Cypher round trips of an operation
 * depend on its shape, not on the length of its lists. DataLoader batches per tick, so under load
 * a loader may split into two batches when its callers' database answers land in different ticks:
 * the comparisons allow JITTER extra round trips, far below what one statement per list item
 * would add (the lists compared differ by more than 10 items, up to 98).
 */
const JITTER = 5;

/** Runs an operation once to warm the query plans (a cold planner spreads answers over more ticks), then measures it. */
async function measured(query: string, variables?: Record<string, unknown>, principal?: Parameters<Api['run']>[2]) {
  await api.run(query, variables, principal);
  return api.run(query, variables, principal);
}
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const ORGS = `query($role: OrganizationRole) { organizations(role: $role) {
  id name owners { owner { name owners { owner { name } } } } subsidiaries { owned { name } }
  partnerships { partner { name systems { name accessChannels { name } } } organization { name } }
  systems { name operator { name } } populations { name owner { name } } } }`;

test('regression: organisations with all their relations cost the same round trips for 1 role or all 28 organisations', async () => {
  const few = await measured(ORGS, { role: 'AUTHORITY' });
  const all = await measured(ORGS, {});
  expect(few.errors).toBeUndefined();
  expect(all.errors).toBeUndefined();
  expect(all.data.organizations.length).toBeGreaterThan(5 * few.data.organizations.length);
  expect(all.roundTrips).toBeLessThanOrEqual(few.roundTrips + JITTER);
  // One statement per level of nesting, never one per organisation.
  expect(all.roundTrips).toBeLessThanOrEqual(12);
});

const BREACHES = `{ breaches { id victim { name owners { owner { name } } }
  intrusion { date event { sourceUrl } } detection { date } disclosure { date } timeline { kind date }
  compromisedSystems { system { name operator { name } accessChannels { name } } accessChannel { name } }
  exposures { category { name parent { name } children { name } } status }
  reportedFigures { value reportedBy { name } }
  impact { totals { people contracts } byInsurer { insurer { name } operators { name } paths { hops { name } } }
           byPartner { partner { name } } byCategory { category { name } }
           paths { system { name } operator { name } partner { name } controller { name } population { name owner { name } }
                   flow { id from { name } to { name } categories { name } controller { name } processor { name } }
                   exposedCategories { name } hops { kind name gdprRole } } } } }`;

test('regression: the whole catalogue with impact paths costs a bounded number of round trips, whatever the number of breaches and paths', async () => {
  const all = await measured(BREACHES);
  expect(all.errors).toBeUndefined();
  const paths = all.data.breaches.reduce((s: number, b: any) => s + b.impact.paths.length, 0);
  expect(paths).toBeGreaterThan(20);
  // Two breaches, 20+ paths, hundreds of nested objects: still a handful of statements.
  expect(all.roundTrips).toBeLessThanOrEqual(22 + JITTER);
  const single = await measured(BREACHES.replace('{ breaches {', '{ breaches: breach(id: "breach-almerys-2024") {'));
  expect(single.errors).toBeUndefined();
  expect(all.roundTrips).toBeLessThanOrEqual(single.roundTrips + JITTER);
  // The compared lists really differ in length.
  expect(paths).toBeGreaterThan(single.data.breaches.impact.paths.length + 10);
});

test('regression: a page of 100 affected contracts costs the same round trips as a page of 2', async () => {
  const q = `query($first: Int!) { affectedContracts(insurerId: "org-alan", breachId: "breach-almerys-2024", first: $first) {
    totalCount edges { node { contract { number insurer { name } operator { name } network { name } }
      breach { name } exposedCategories { name } paths { hops { name gdprRole } controller { name } } } } } }`;
  const small = await measured(q, { first: 2 }, as('INSURER', 'org-alan'));
  const large = await measured(q, { first: 100 }, as('INSURER', 'org-alan'));
  expect(small.errors).toBeUndefined();
  expect(large.data.affectedContracts.edges.length).toBeGreaterThan(10 * small.data.affectedContracts.edges.length);
  expect(large.roundTrips).toBeLessThanOrEqual(small.roundTrips + JITTER);
});

test('regression: a contract page costs at most 2 round trips: its page statement and its audit record (#12 §4)', async () => {
  const q = `query($first: Int!) { affectedContracts(breachId: "breach-almerys-2024", first: $first) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { contract { id number insurer { name } } beneficiaryCount
      breach { name } paths { basis flow { id } system { name } operator { name } controller { name } exposedCategories { id name } } } } } }`;
  // Warm: the process holds the tenant's and the breach's rows and the breach's stored paths.
  const page = await measured(q, { first: 20 }, as('INSURER', 'org-alan'));
  expect(page.errors).toBeUndefined();
  expect(page.data.affectedContracts.edges.length).toBeGreaterThan(0);
  expect(page.data.affectedContracts.totalCount).toBeGreaterThanOrEqual(page.data.affectedContracts.edges.length);
  // The page (catalogue version and stored summary alongside its rows), then the record. Other
  // test files append to this database's audit chain too: when one did since this process's last
  // append, the record's statement finds the head moved and goes again (a third round trip,
  // test/audit-chain.test.ts), which a process alone on its database never pays.
  expect(page.queries.slice(0, 2)).toEqual(['contract/affected-contracts-page', 'audit/append-events']);
  expect(page.queries.slice(2)).toEqual(page.queries.length === 3 ? ['audit/append-events'] : []);
});

test('prints the round trips of the documented operations (for the README)', async () => {
  const all = await measured(BREACHES);
  const orgs = await measured(ORGS, {});
  // Not an assertion on speed: the counts are quoted in README and must stay bounded.
  console.log(`round trips: catalogue+impact ${all.roundTrips} (${all.queries.join(', ')}); organisations ${orgs.roundTrips}`);
  expect(all.roundTrips).toBeGreaterThan(0);
});
