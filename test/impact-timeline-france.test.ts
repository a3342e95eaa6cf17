import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cypher } from '../src/db/cypher-files';
import { Executor } from '../src/db/executor';
import { afterWrite } from '../src/domain/after-write';
import { generateSyntheticFrance } from '../src/domain/generate/synthetic-france';
import { importPortfolio, readReferences } from '../src/domain/import/import-portfolio';
import { loadSeeds, SEED_FILES } from '../src/domain/seed/load-seeds';
import { as, EXACT_COUNTS, startApi, startPrivateNeo4j, TEST_PSEUDONYM_KEY, testLogger, type Api } from './harness';
import { everyDay, expectTimelineEqualsLive, shifted } from './timeline-check';

/**
 * The impact timeline on a small generated France (its own Neo4j: it writes timelines away): many
 * insurers, contracts starting and ending on every kind of day, insurers switching operators, so
 * flows ending with unknown retention. On a dense sample of dates, the timeline must answer what
 * the live statements count, for every tenant and for insurers alone; and without a stored
 * timeline a date is counted live again, with the same answer.
 */
let server: Awaited<ReturnType<typeof startPrivateNeo4j>>;
let executor: Executor;
let api: Api;
let insurers: string[];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breach-impact-timeline-france-'));
beforeAll(async () => {
  server = await startPrivateNeo4j();
  executor = Executor.create({ uri: server.uri, auth: server.auth, queryTimeoutMs: 600_000, logger: testLogger });
  const france = generateSyntheticFrance({ people: 3_000, seed: 7, dir });
  await loadSeeds(executor, TEST_PSEUDONYM_KEY, [...SEED_FILES, france.seedFile]);
  const references = await readReferences(executor);
  for (const ins of france.insurers.filter((i) => i.people > 0)) {
    await importPortfolio({ executor, pseudonymKey: TEST_PSEUDONYM_KEY, insurerId: ins.id, source: fs.createReadStream(ins.file), references, refreshSummaries: false });
  }
  await afterWrite(executor, { catalogue: false });
  // The largest insurers of each setup, and one switching operators.
  const bySize = [...france.insurers].sort((a, b) => b.people - a.people);
  insurers = [...new Set([...['VIAMEDIS', 'ALMERYS', 'BOTH', 'SWITCH'].flatMap((s) => bySize.filter((i) => i.setup === s).slice(0, 2).map((i) => i.id))])];
  api = await startApi(server, { disclosure: EXACT_COUNTS });
}, 3_600_000);
afterAll(async () => {
  await api?.close();
  await executor?.close();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every 3rd day around the breaches, the switch dates ±1 day, and the first of every month back to 2009. */
const DATES = [
  ...new Set([
    ...everyDay('2023-06-01', '2025-06-30').filter((_, i) => i % 3 === 0),
    ...['2021-01-01', '2022-07-01', '2023-01-01', '2024-01-01'].flatMap((d) => [-1, 0, 1].map((k) => shifted(d, k))),
    ...everyDay('2009-01-01', '2026-12-31').filter((d) => d.endsWith('-01')),
  ]),
].sort();

test('the timeline equals the live count on every sampled date, for every tenant and for insurers alone', async () => {
  expect(insurers.length).toBeGreaterThanOrEqual(6);
  const all = await expectTimelineEqualsLive(executor, DATES, [null], 100);
  expect(all.nonZero).toBeGreaterThan(DATES.length);
  const alone = await expectTimelineEqualsLive(executor, DATES, insurers, 100);
  expect(alone.nonZero).toBeGreaterThan(DATES.length);
}, 3_600_000);

test('without a stored timeline, a date is counted live again, with the same answer', async () => {
  const query = `{ breachImpact(breachId: "breach-viamedis-2024", asOf: "2024-05-17") { totals { people contracts insurers } byInsurer { insurer { id } people contracts }
    byPartner { partner { id } people contracts insurers } byCategory { category { id } people contracts } paths { flow { id } partner { id } basis } } }`;
  for (const principal of [as('ANALYST'), as('INSURER', insurers[0])]) {
    const stored = await api.run(query, undefined, principal);
    expect(stored.queries).toContain('impact/timelines-on-dates');
    expect(stored.queries).not.toContain('impact/contract-aggregates');
    expect(stored.data.breachImpact.totals.people).toBeGreaterThan(0);
    await executor.admin().write(cypher('impact/delete-timelines'), {});
    const live = await api.run(query, undefined, principal);
    expect(live.queries).toContain('impact/contract-aggregates');
    expect(live.data).toEqual(stored.data);
    await afterWrite(executor, { catalogue: false });
  }
}, 1_800_000);
