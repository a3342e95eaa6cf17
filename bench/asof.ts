import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mintToken } from '../src/auth/mint-token';
import { cypher } from '../src/db/cypher-files';
import { newRoundTripCounter } from '../src/db/executor';
import { requestDb, txRequestDb } from '../src/db/request-db';
import { summariesByBreachIds } from '../src/domain/impact/stored-summaries';
import { refreshImpactTimelines } from '../src/domain/impact/timeline-refresh';
import { refreshBreachSetSummaries } from '../src/domain/crossbreach/breach-set-refresh';
import { breachSetCounts } from '../src/domain/crossbreach/breach-set-sweep';
import { sweepCounts } from '../src/domain/impact/contract-aggregates-sweep';
import { refreshImpactSummaries } from '../src/domain/impact/summary-refresh';
import { storedTimelineEpochs, sweepRequestOf } from '../src/domain/impact/timeline-refresh';
import { timelineEvents } from '../src/domain/impact/timeline-sweep';
import { listBreaches } from '../src/domain/breach/breach.repository';
import { impactKey, impactPaths } from '../src/domain/impact/impact.repository';
import { deltaImport } from './delta';
import { freshDatabase, generatedDataset, importOurs } from './dataset';
import { spawnServer } from './servers/spawn-server';

/**
 * Issue #12 §3 measured: `breachImpact(asOf)` on a date other than the reference date, answered
 * from the stored impact timeline, against the reference date (the stored summary) and against
 * the live count it replaces; and what the timeline costs the refresh and the store.
 * `npx tsx bench/asof.ts --people 100000 [--runs 15]`. Requests go one at a time over HTTP to
 * the compiled server (`npm run build` first), so the figures are single-request latencies.
 */
const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, 'bench', 'tmp');
const BREACH = 'breach-viamedis-2024';
// Fixed, non-secret keys: the data is synthetic and thrown away (as bench/bench.ts).
const KEY = Buffer.from('bench-pseudonym-key-0123456789abcdef-not-for-production');
const JWT_SECRET = 'bench-jwt-secret-0123456789abcdef-not-for-production';
const AUTH = { auth: { jwtSecret: JWT_SECRET, jwksUrl: undefined, algorithms: ['HS256'], issuer: 'breach-impact-local', audience: 'breach-impact', maxTokenLifetimeS: 86_400 } };

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
  const db = await freshDatabase(WORK, `asof-${people}`, dataset, { heap: '3g', pageCache: '1g' }, KEY);
  const out: Record<string, unknown> = { people, rows: dataset.rows };
  try {
    const t0 = performance.now();
    const imported = await importOurs(db.executor, KEY, dataset);
    out.importSeconds = (performance.now() - t0) / 1000 - imported.refreshSeconds;
    out.afterWriteSeconds = imported.refreshSeconds;
    // The summary refresh alone (impact summaries and cross-breach counts), then the timeline
    // refresh alone, each in its own write transaction as refreshInLock runs them, twice (warm).
    const timed = async (f: () => Promise<unknown>) => {
      const s = performance.now();
      await f();
      return (performance.now() - s) / 1000;
    };
    const without: number[] = [];
    const timeline: number[] = [];
    for (let i = 0; i < 2; i += 1) {
      without.push(
        await timed(() =>
          db.executor.admin().writeTransaction('summaries/refresh', async (run) => {
            const impact = await refreshImpactSummaries(txRequestDb(run), { sweepAll: true });
            await refreshBreachSetSummaries(txRequestDb(run), impact.requests.map((r) => ({ key: r.breachId, referenceDate: r.referenceDate, paths: r.paths })));
          }),
        ),
      );
      timeline.push(await timed(() => db.executor.admin().writeTransaction('timelines/refresh', (run) => refreshImpactTimelines(txRequestDb(run), { sweepAll: true }))));
    }
    out.refreshWithoutTimelineSeconds = without;
    out.timelineRefreshSeconds = timeline;
    const [size] = await db.executor.read<Record<string, number>>(cypher('impact/timeline-storage'), {});
    out.storage = size;

    // A 1,000-row delta import (new people of the largest insurer), end to end: the write, the
    // summaries' and the timelines' patches, one transaction. Then, on the same 1,000 people, one
    // pass of what the delta counts twice (before and after the write): the summaries' counts
    // (impact and cross-breach) against the timelines' events, read alone.
    const admin = requestDb(db.executor.admin(), newRoundTripCounter());
    const [largest] = (await summariesByBreachIds(admin, [BREACH])).get(BREACH)!.byInsurer;
    out.delta = await deltaImport(db.executor, KEY, largest.id, 1_000);
    const keys = await db.executor.read<{ keys: string[] }>(cypher('impact/people-of-contracts'), { contractIds: Array.from({ length: 1_000 }, (_, i) => `${largest.id}:BENCH-DELTA-${i}`) });
    const people = keys[0].keys;
    const summaryPass: number[] = [];
    const timelinePass: number[] = [];
    const timelines = [...(await storedTimelineEpochs(admin))].map(([breachId, epochs]) => sweepRequestOf(breachId, epochs));
    const answers = await impactPaths(admin, (await listBreaches(admin)).map((b) => ({ breachId: b.id, asOf: null })), null);
    const requests = answers.flatMap((a) => (a.referenceDate ? [{ key: impactKey(a), breachId: a.breachId, referenceDate: a.referenceDate, paths: a.paths }] : []));
    for (let i = 0; i < 3; i += 1) {
      summaryPass.push(
        await timed(async () => {
          await sweepCounts(admin, requests, { keys: people });
          await breachSetCounts(admin, requests.map((r) => ({ key: r.breachId, referenceDate: r.referenceDate, paths: r.paths })), { keys: people });
        }),
      );
      timelinePass.push(await timed(() => timelineEvents(admin, timelines, { keys: people })));
    }
    out.deltaPassSeconds = { people: people.length, summaries: summaryPass, timelines: timelinePass };
    // Printed as it goes too, so a later failure does not lose what was measured.
    console.error(JSON.stringify(out));

    // The compiled server, as in production (npm run build first), with no live-count budget in the way.
    const server = await spawnServer(
      process.execPath,
      [path.join(ROOT, 'dist', 'main.js')],
      { NEO4J_URI: db.neo4j.uri, NEO4J_PASSWORD: db.neo4j.auth.password, HOST: '127.0.0.1', PORT: '0', SEED_ON_START: 'false', LOG_LEVEL: 'warn', AUTH_JWT_SECRET: JWT_SECRET, PSEUDONYM_KEY: KEY.toString(), NODE_ENV: 'production', ROUND_TRIPS_HEADER: 'true', LIVE_COUNTS_PER_MINUTE: '100000', NEO4J_QUERY_TIMEOUT_MS: '600000' },
      /breach-impact ready: (http:\/\/[^\s]+\/graphql)/,
    );
    try {
      // The insurer with the most people reached on the reference date.
      const [top] = (await summariesByBreachIds(requestDb(db.executor, newRoundTripCounter()), [BREACH])).get(BREACH)!.byInsurer;
      const regulator = await mintToken(AUTH, Buffer.from(JWT_SECRET), { role: 'REGULATOR', subject: 'bench-regulator' });
      const insurer = await mintToken(AUTH, Buffer.from(JWT_SECRET), { role: 'INSURER', org: top.id, subject: 'bench-insurer' });
      const measure = async (token: string, asOf: string | null) => {
        const seconds: number[] = [];
        let roundTrips: string | null = null;
        for (let i = 0; i < runs + 2; i += 1) {
          const s = performance.now();
          const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: SUMMARY, variables: { breachId: BREACH, asOf } }) });
          const body = (await res.json()) as { errors?: unknown };
          const took = (performance.now() - s) / 1000;
          if (body.errors) throw new Error(JSON.stringify(body.errors));
          if (i >= 2) seconds.push(took); // two warm-up runs
          roundTrips = res.headers.get('x-cypher-round-trips');
        }
        return { p50Seconds: p50(seconds), roundTrips };
      };
      // REGULATOR: a documented date of the breach (its disclosure); INSURER: any date.
      const cases: Array<[string, string, string | null]> = [
        ['regulator-reference', regulator, null],
        ['regulator-2024-02-01', regulator, '2024-02-01'],
        ['insurer-reference', insurer, null],
        ['insurer-2023-06-17', insurer, '2023-06-17'],
      ];
      const results: Record<string, unknown> = {};
      out.breachImpact = results;
      // A case that fails (a live count past its deadline on a loaded machine) is recorded, not fatal.
      const attempt = (token: string, asOf: string | null) => measure(token, asOf).catch((e: Error) => ({ error: e.message.slice(0, 300) }));
      for (const [name, token, asOf] of cases) results[`${name}${asOf ? '-timeline' : ''}`] = await attempt(token, asOf);
      console.error(JSON.stringify(out));
      // Before: the same dates counted live, as they were before timelines (none stored).
      await db.executor.admin().write(cypher('impact/delete-timelines'), {});
      for (const [name, token, asOf] of cases) if (asOf) results[`${name}-live`] = await attempt(token, asOf);
      out.breachImpact = results;
      out.uptime = fs.readFileSync('/proc/loadavg', 'utf8').trim();
      out.insurer = top.id;
    } finally {
      await server.stop();
    }
  } finally {
    await db.close();
  }
  console.log(JSON.stringify(out, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
