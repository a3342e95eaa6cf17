import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createRequestContext } from '../src/api/context';
import { LiveCountBudget } from '../src/api/live-count-budget';
import { createApollo } from '../src/api/server/app';
import type { Principal } from '../src/auth/principal';
import { cypher } from '../src/db/cypher-files';
import { newRoundTripCounter } from '../src/db/executor';
import { requestDb } from '../src/db/request-db';
import { summariesByBreachIds } from '../src/domain/impact/stored-summaries';
import { refreshBreachSetSummaries } from '../src/domain/crossbreach/breach-set-refresh';
import { refreshImpactSummaries } from '../src/domain/impact/summary-refresh';
import { refreshImpactTimelines } from '../src/domain/impact/timeline-refresh';
import { freshDatabase, generatedDataset, importOurs } from './dataset';

/**
 * Issue #12 §3 measured: `breachImpact(asOf)` on a date other than the reference date, answered
 * from the stored impact timeline, against the reference date (the stored summary) and against
 * the live count it replaces; and what the timeline costs the refresh and the store.
 * `npx tsx bench/asof.ts --people 100000 [--runs 15]`. Requests run in process (Apollo's
 * executeOperation, no HTTP), one at a time, so the figures are per-request latencies.
 */
const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, 'bench', 'tmp');
const BREACH = 'breach-viamedis-2024';
const KEY = Buffer.from('bench-pseudonym-key-0123456789abcdef-not-for-production');
const logger = pino({ level: 'error' });

const SUMMARY = `query($breachId: ID!, $asOf: LocalDate) { breachImpact(breachId: $breachId, asOf: $asOf) {
  referenceDate totals { people contracts insurers }
  byInsurer { insurer { id name } people contracts }
  byPartner { partner { id name } role people contracts insurers }
  byCategory { category { id name } people contracts } } }`;

function p50(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

async function main() {
  const { values } = parseArgs({ options: { people: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' } } });
  const people = Number(values.people ?? 100_000);
  if (!(people >= 1_000 && people <= 100_000)) throw new Error('--people: 1000 to 100000 (this measurement stays small)');
  const runs = Number(values.runs ?? 15);
  const dataset = generatedDataset(WORK, people, Number(values.seed ?? 42));
  const db = await freshDatabase(WORK, `asof-${people}`, dataset, { heap: '4g', pageCache: '2g' }, KEY);
  const out: Record<string, unknown> = { people, rows: dataset.rows };
  try {
    const t0 = performance.now();
    const imported = await importOurs(db.executor, KEY, dataset);
    out.importSeconds = (performance.now() - t0) / 1000 - imported.refreshSeconds;
    out.afterWriteSeconds = imported.refreshSeconds;
    // The refresh as it was (summaries and cross-breach counts), then the timeline alone, twice each (warm).
    const timed = async (f: () => Promise<unknown>) => {
      const s = performance.now();
      await f();
      return (performance.now() - s) / 1000;
    };
    const without: number[] = [];
    const timeline: number[] = [];
    for (let i = 0; i < 2; i += 1) {
      without.push(await timed(async () => (await refreshImpactSummaries(db.executor), await refreshBreachSetSummaries(db.executor))));
      timeline.push(await timed(() => refreshImpactTimelines(db.executor)));
    }
    out.refreshWithoutTimelineSeconds = without;
    out.timelineRefreshSeconds = timeline;
    const [size] = await db.executor.read<Record<string, number>>(cypher('impact/timeline-storage'), {});
    out.storage = size;

    const apollo = await createApollo({ production: true }, logger);
    const services = () => ({ executor: db.executor, logger, pseudonymKey: KEY, liveCounts: new LiveCountBudget({ limit: Infinity, windowMs: 60_000 }) });
    // The insurer with the most people reached on the reference date.
    const [top] = (await summariesByBreachIds(requestDb(db.executor, newRoundTripCounter()), [BREACH])).get(BREACH)!.byInsurer;
    const regulator: Principal = { kind: 'user', subject: 'bench-regulator', role: 'REGULATOR', orgId: null };
    const insurer: Principal = { kind: 'user', subject: 'bench-insurer', role: 'INSURER', orgId: top.id };
    const measure = async (principal: Principal, asOf: string | null) => {
      const ms: number[] = [];
      let queries: string[] = [];
      for (let i = 0; i < runs + 2; i += 1) {
        const ctx = createRequestContext(services(), principal);
        const s = performance.now();
        const r = await apollo.executeOperation({ query: SUMMARY, variables: { breachId: BREACH, asOf } }, { contextValue: ctx });
        const took = performance.now() - s;
        if (r.body.kind !== 'single' || r.body.singleResult.errors) throw new Error(JSON.stringify(r.body));
        if (i >= 2) ms.push(took / 1000); // two warm-up runs
        queries = ctx.roundTrips.queries;
      }
      return { p50Seconds: p50(ms), statements: queries };
    };
    // REGULATOR: a documented date of the breach (its disclosure); INSURER: any date.
    const cases: Array<[string, Principal, string | null]> = [
      ['regulator-reference', regulator, null],
      ['regulator-2024-02-01', regulator, '2024-02-01'],
      ['insurer-reference', insurer, null],
      ['insurer-2023-06-17', insurer, '2023-06-17'],
    ];
    const results: Record<string, unknown> = {};
    for (const [name, principal, asOf] of cases) results[`${name}-timeline`] = await measure(principal, asOf);
    // Before: the same dates counted live, as they were before timelines (none stored).
    await db.executor.admin().write(cypher('impact/delete-timelines'), {});
    for (const [name, principal, asOf] of cases) if (asOf) results[`${name}-live`] = await measure(principal, asOf);
    out.breachImpact = results;
    out.insurer = top.id;
    await apollo.stop();
  } finally {
    await db.close();
  }
  console.log(JSON.stringify(out, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
