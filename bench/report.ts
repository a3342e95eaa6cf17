import fs from 'node:fs';
import path from 'node:path';
import type { BulkMeasure, ImportMeasure } from './dataset';
import type { AsOfCase } from './asof';
import { warmDays, type ConcurrentDeltaMeasure, type DeltaMeasure, type DeltaSeriesMeasure } from './delta';
import { median } from './percentile';
import { describeStatements } from './statement-time';
import type { ExportMeasure } from './export';
import type { LoadResult } from './load';
import type { ServerName } from './operations';

/** One server's figures for one operation. */
export type ServerFigures = LoadResult & { roundTrips: number | null; items: number };

/** Everything measured at one size. */
export interface SizeResult {
  people: number;
  dataset: { people: number; rows: number; files: number; affectedPeople: number; affectedContracts: number; insurer: string; insurerContracts: number };
  /** `ours` and `floor` are absent above `--transactional-max` (the bulk load alone built the store). */
  import: { ours?: ImportMeasure & { refreshSeconds: number }; floor?: ImportMeasure; bulk?: BulkMeasure & { transactionalEndToEndSeconds?: number } };
  /** A 1,000-row delta import after it, summaries maintained (absent in runs before #12). */
  delta?: DeltaMeasure & Partial<Pick<DeltaSeriesMeasure, 'next' | 'nextMedianSeconds' | 'nextStatements'>>;
  /** Two insurers' 1,000-row deltas started together (absent in runs before #12 §5). */
  concurrentDeltas?: ConcurrentDeltaMeasure;
  /** breachImpact on the reference date and on another, one request at a time (absent before #12 §5). */
  asOf?: AsOfCase[];
  operations: Array<{ id: string; title: string; servers: Partial<Record<ServerName, ServerFigures>> }>;
  /**
   * The mailing export of the insurer with the most affected contracts (`--export` only), twice on
   * the same server: the first right after the load, the second once Neo4j has just served the
   * same contracts (faster, so the API formats at its own pace). Runs before 2026-12-06 measured
   * the first only, as `export`.
   */
  exports?: ExportMeasure[];
  /** The one export of runs before 2026-12-06 (read, never written). */
  export?: ExportMeasure;
}

/** The whole run, as written to results.json. */
export interface BenchResults {
  command: string;
  startedAt: string;
  finishedAt?: string;
  machine: Record<string, unknown>;
  settings: Record<string, unknown>;
  sizes: SizeResult[];
}

/** Operations the "at most 0.5× @neo4j/graphql" target applies to (the nested impact ones). */
export const NESTED_IMPACT_OPERATIONS = ['contracts-first', 'contracts-deep', 'paths'];

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(1));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !b ? undefined : a / b);
const x = (r: number | undefined) => (r === undefined ? '–' : `${r.toFixed(2)}×`);
const verdict = (r: number | undefined, limit: number, atMost = true) => (r === undefined ? 'not measured' : (atMost ? r <= limit : r >= limit) ? 'met' : '**missed**');
const int = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * The delta seconds a target is judged on, each with what it is: the first delta after the load
 * and, when the run measured the days after it, their median.
 */
function deltaSeconds(d: NonNullable<SizeResult['delta']>): Array<[string, number]> {
  const out: Array<[string, number]> = [['first after the load', d.seconds]];
  if (d.next?.length && d.nextMedianSeconds !== undefined) out.push([`median of the next ${d.next.length}`, d.nextMedianSeconds]);
  // Runs since 2026-12-06 measure eight days after the first: their last half is the warm server's.
  const warm = warmDays(d.next ?? []);
  if (warm.length > 0) out.push([`median of the last ${warm.length} days (warm JVM)`, median(warm)]);
  return out;
}

/** The mailing exports measured at one size, in the order they ran (a run before 2026-12-06 has one). */
export function exportsOf(s: SizeResult): ExportMeasure[] {
  return s.exports ?? (s.export ? [s.export] : []);
}

/** What the i-th export of a size was (see `SizeResult.exports`). */
function exportLabel(i: number): string {
  return i === 0 ? 'first after the load' : 'again, Neo4j warm';
}

/** An export's time scaled to the 354,710 contracts issue #13's target is stated for. */
function scaledExportSeconds(e: ExportMeasure): number {
  return (e.seconds * 354_710) / Math.max(1, e.contracts);
}

/** Issue #13's two verdicts on one export (time ≤ 30 s at 354,710 contracts, RSS growth ≤ 50 MB); an incomplete export misses the time. */
function exportVerdicts(e: ExportMeasure): { seconds: number; time: string; rss: string } {
  const seconds = scaledExportSeconds(e);
  return { seconds, time: e.complete ? verdict(seconds, 30) : '**missed** (incomplete)', rss: verdict(e.rssGrowthMb, 50) };
}

/** The targets of issue #4, each with its measured ratio. */
export function targets(results: BenchResults): Array<{ target: string; at: string; ratio: number | undefined; verdict: string }> {
  const out: Array<{ target: string; at: string; ratio: number | undefined; verdict: string }> = [];
  for (const s of results.sizes) {
    const at = `${int(s.people)} people`;
    for (const op of s.operations) {
      const ours = op.servers.ours?.p50;
      if (NESTED_IMPACT_OPERATIONS.includes(op.id)) {
        const r = ratio(ours, op.servers.neo4jGraphql?.p50);
        out.push({ target: `${op.id}: our p50 ≤ 0.5× @neo4j/graphql p50`, at, ratio: r, verdict: verdict(r, 0.5) });
      }
      const r = ratio(ours, op.servers.raw?.p50);
      out.push({ target: `${op.id}: our p50 ≤ 1.3× raw-Cypher floor p50`, at, ratio: r, verdict: verdict(r, 1.3) });
    }
    const imp = ratio(s.import.ours?.rowsPerSecond, s.import.floor?.rowsPerSecond);
    if (s.import.ours && s.import.floor) out.push({ target: 'import: our rows/s ≥ 0.8× driver floor rows/s', at, ratio: imp, verdict: verdict(imp, 0.8, false) });
    // Issue #12's targets.
    const b = s.import.bulk;
    if (b) {
      const speedUp = ratio(b.transactionalEndToEndSeconds, b.endToEndSeconds);
      if (b.transactionalEndToEndSeconds !== undefined) out.push({ target: 'bulk first load end to end: ≥ 10× faster than the transactional import', at, ratio: speedUp, verdict: verdict(speedUp, 10, false) });
      const write = ratio(b.importerSeconds, b.stagingSeconds + b.importerSeconds);
      out.push({ target: 'bulk write phase (staging + importer) rows/s ≥ 0.8× the importer alone', at, ratio: write, verdict: verdict(write, 0.8, false) });
    }
    if (s.delta) {
      // The first delta after the load, and (runs since the series) the median of the days after.
      for (const [which, seconds] of deltaSeconds(s.delta)) {
        out.push({ target: `refresh after a 1,000-row delta ≤ 2 s, ${which} (ratio: seconds ÷ 2)`, at, ratio: seconds / 2, verdict: verdict(seconds, 2) });
        const share = ratio(seconds, s.import.ours?.refreshSeconds);
        if (share !== undefined) out.push({ target: `refresh after a 1,000-row delta ≤ 1/100 of the full refresh, ${which}`, at, ratio: share, verdict: verdict(share, 0.01) });
      }
    }
    for (const role of ['regulator', 'insurer']) {
      const ref = s.asOf?.find((c) => c.id === `${role}-reference`);
      const other = s.asOf?.find((c) => c.id.startsWith(`${role}-`) && c.asOf !== null);
      if (!ref || !other) continue;
      const r = ratio(other.p50Seconds, ref.p50Seconds);
      out.push({ target: `breachImpact(asOf ${other.asOf}) as ${role.toUpperCase()}: answers, p50 ≤ 10× the reference date's`, at, ratio: r, verdict: other.error ? '**missed** (no answer)' : verdict(r, 10) });
    }
    // Issue #13's export targets, for each export measured (a complete one only counts).
    exportsOf(s).forEach((e, i) => {
      const v = exportVerdicts(e);
      out.push({ target: `mailing export (${exportLabel(i)}): 354,710 contracts in ≤ 30 s (ratio: seconds at this rate ÷ 30)`, at, ratio: e.complete ? v.seconds / 30 : undefined, verdict: v.time });
      out.push({ target: `mailing export (${exportLabel(i)}): server RSS growth ≤ 50 MB (ratio: growth ÷ 50)`, at, ratio: e.rssGrowthMb / 50, verdict: v.rss });
    });
    for (const op of s.operations.filter((o) => o.id.startsWith('contracts-'))) {
      const r = ratio(op.servers.ours?.p50, op.servers.raw?.p50);
      out.push({ target: `${op.id}: our p50 ≤ 1.5× raw floor (#12 §4)`, at, ratio: r, verdict: verdict(r, 1.5) });
      const trips = op.servers.ours?.roundTrips ?? undefined;
      out.push({ target: `${op.id}: ≤ 2 round trips (ratio: trips ÷ 2)`, at, ratio: trips === undefined ? undefined : trips / 2, verdict: verdict(trips, 2) });
    }
  }
  const small = results.sizes.find((s) => s.people === 100_000) ?? results.sizes[0];
  const big = results.sizes.find((s) => s.people === 1_000_000) ?? results.sizes.at(-1);
  if (small && big && small !== big) {
    const p = (s: SizeResult) => s.operations.find((o) => o.id === 'summary')?.servers.ours?.p50;
    const r = ratio(p(big), p(small));
    out.push({ target: `summary: our p50 at ${int(big.people)} ≤ 1.5× our p50 at ${int(small.people)}`, at: 'growth', ratio: r, verdict: verdict(r, 1.5) });
  }
  if (results.sizes.length > 1) {
    const sizeOf = (n: number) => results.sizes.find((s) => s.people === n);
    const p50 = (s: SizeResult | undefined, id: string) => s?.operations.find((o) => o.id === id)?.servers.ours?.p50;
    const million = sizeOf(1_000_000);
    const largest = results.sizes.at(-1)!;
    const ten = sizeOf(10_000_000);
    if (million && ten?.delta && million.delta) {
      const atMillion = new Map(deltaSeconds(million.delta));
      for (const [which, seconds] of deltaSeconds(ten.delta)) {
        if (!atMillion.has(which)) continue;
        const r = ratio(seconds, atMillion.get(which));
        out.push({ target: `refresh after a 1,000-row delta at 10M ≤ 1.5× at 1M, ${which}`, at: 'growth', ratio: r, verdict: verdict(r, 1.5) });
      }
    }
    if (million && largest.people > 10_000_000) {
      for (const id of ['summary', 'contracts-first', 'contracts-deep', 'paths']) {
        const r = ratio(p50(largest, id), p50(million, id));
        out.push({ target: `${id}: our p50 at ${int(largest.people)} ≤ 1.5× at 1,000,000`, at: 'growth', ratio: r, verdict: verdict(r, 1.5) });
      }
    }
  }
  return out;
}

function markdown(results: BenchResults): string {
  const lines: string[] = [];
  lines.push('# Benchmark results', '');
  lines.push(`Produced by \`${results.command}\`, started ${results.startedAt}${results.finishedAt ? `, finished ${results.finishedAt}` : ' (still running or stopped early)'}.`, '');
  lines.push(`Machine: ${JSON.stringify(results.machine)}.`, '');
  lines.push(`Settings: ${JSON.stringify(results.settings)}.`, '');
  lines.push(
    'Servers, each a separate process over the same database: **ours** (`dist/main.js`: Apollo, type-graphql, auth, audit, DataLoader, named Cypher), ' +
      '**@neo4j/graphql** 7 (its generated schema over the same labels, `@cypher` fields where a rule is needed: `bench/servers/neo4j-graphql-typedefs.ts`), ' +
      'and the **raw** floor (one hand-written statement per operation through the driver, JSON over HTTP, no GraphQL, auth or audit: `cypher/bench/raw-*.cypher`). ' +
      'Latencies are milliseconds under autocannon load, every response time kept; round trips are the Cypher statements one request cost, read after warm-up.',
    '',
  );
  lines.push('## Targets', '', '| target | at | ratio | verdict |', '|---|---|---|---|');
  for (const t of targets(results)) lines.push(`| ${t.target} | ${t.at} | ${x(t.ratio)} | ${t.verdict} |`);
  lines.push('');
  for (const s of results.sizes) {
    lines.push(`## ${int(s.people)} people`, '');
    lines.push(
      `Generated France (seed ${String(results.settings.seed)}): ${int(s.dataset.people)} people, ${int(s.dataset.rows)} portfolio rows in ${s.dataset.files} files. ` +
        `The Viamedis breach reaches ${int(s.dataset.affectedPeople)} people on ${int(s.dataset.affectedContracts)} contracts; the contract pages are those of ${s.dataset.insurer} (${int(s.dataset.insurerContracts)} affected contracts).`,
      '',
    );
    const io = s.import.ours;
    const fl = s.import.floor;
    if (io) {
      lines.push('| import | rows | seconds | rows/s |', '|---|---|---|---|');
      lines.push(`| ours (\`npm run import\` pipeline: CSV, validation, pseudonyms, batches) | ${int(io.rows)} | ${io.seconds.toFixed(1)} | ${int(io.rowsPerSecond)} |`);
      if (fl) {
        lines.push(`| floor (same UNWIND batches through the driver, rows prepared untimed) | ${int(fl.rows)} | ${fl.seconds.toFixed(1)} | ${int(fl.rowsPerSecond)} |`);
        lines.push(`| ratio ours / floor | | | ${x(ratio(io.rowsPerSecond, fl.rowsPerSecond))} |`, '');
      } else lines.push('', 'No driver floor at this size (`--floor-max`).', '');
      lines.push(`Maintained summaries refreshed after the import in ${io.refreshSeconds.toFixed(1)} s (not in the rows/s above).`, '');
    } else {
      lines.push('No transactional import at this size (`--transactional-max`): the bulk first load alone built the store the servers read.', '');
    }
    const b = s.import.bulk;
    if (b) {
      lines.push('| first load, end to end (new store to a server answering with summaries) | seconds | rows/s |', '|---|---|---|');
      if (b.transactionalEndToEndSeconds !== undefined) lines.push(`| transactional (store, schema, seeds, \`npm run import\`, refresh) | ${b.transactionalEndToEndSeconds.toFixed(1)} | ${int(b.rows / b.transactionalEndToEndSeconds)} |`);
      lines.push(`| bulk (\`npm run import -- --bulk\`) | ${b.endToEndSeconds.toFixed(1)} | ${int(b.rowsPerSecond)} |`);
      lines.push(`| the batch importer alone, on the staged files | ${b.importerSeconds.toFixed(1)} | ${int(b.importerRowsPerSecond)} |`);
      lines.push(`| speed-up, bulk over transactional | | ${x(ratio(b.transactionalEndToEndSeconds, b.endToEndSeconds))} |`, '');
      lines.push(
        `Bulk phases: store check and staged seeds ${b.prepareSeconds.toFixed(1)} s, rows validated and staged ${b.stagingSeconds.toFixed(1)} s, importer ${b.importerSeconds.toFixed(1)} s, ` +
          `constraints and indexes ${b.schemaSeconds.toFixed(1)} s, seeds and summaries ${b.seedAndSummariesSeconds.toFixed(1)} s.`,
        '',
      );
    }
    if (s.delta) {
      const next = s.delta.next?.length ? ` The next ${s.delta.next.length} days' deltas (new people each): median ${s.delta.nextMedianSeconds!.toFixed(2)} s (${s.delta.next.map((d) => d.toFixed(2)).join(', ')} s).` : '';
      lines.push(`Refresh after a ${int(s.delta.rows)}-row delta, the first after the load: ${s.delta.seconds.toFixed(2)} s, the rows' write included (${s.delta.incremental ? 'patched by a delta' : 'refreshed whole'}).${next}`, '');
      if (s.delta.statements) lines.push(`Its slowest statements: ${describeStatements(s.delta.statements)}.`, '');
      if (s.delta.nextStatements) lines.push(`The next days' deltas, per delta on average (a transaction's commit named \`commit <transaction>\`): ${describeStatements(s.delta.nextStatements)}.`, '');
    }
    const pair = s.concurrentDeltas;
    if (pair) {
      lines.push(
        `Two ${int(pair.each[0].rows)}-row deltas started together (${pair.insurers.join(', ')}, new people each): ${pair.seconds.toFixed(2)} s for both; ` +
          `${pair.each.map((d, i) => `${pair.insurers[i]} ${d.seconds.toFixed(2)} s${d.incremental ? '' : ' (refreshed whole)'}`).join(', ')}.`,
        '',
      );
      for (const [i, d] of pair.each.entries()) if (d.statements) lines.push(`- ${pair.insurers[i]}'s slowest statements: ${describeStatements(d.statements)}.`);
      if (pair.each.some((d) => d.statements)) lines.push('');
    }
    if (s.asOf) {
      lines.push('| breachImpact, one request at a time | role | asOf | p50 (s) | requests | round trips | ÷ reference date |', '|---|---|---|---|---|---|---|');
      for (const c of s.asOf) {
        const ref = s.asOf.find((r) => r.role === c.role && r.asOf === null);
        lines.push(`| ${c.id} | ${c.role} | ${c.asOf ?? 'reference date'} | ${c.p50Seconds === undefined ? `no answer: ${c.error ?? ''}` : c.p50Seconds.toFixed(3)} | ${c.seconds.length} | ${c.roundTrips ?? '–'} | ${c.asOf === null ? '' : x(ratio(c.p50Seconds, ref?.p50Seconds))} |`);
      }
      lines.push('');
      const timed = s.asOf.filter((c) => c.statements && c.statements.length > 0);
      if (timed.length > 0) {
        lines.push("Slowest statements of each case's last request (Server-Timing):", ...timed.map((c) => `- ${c.id}: ${describeStatements(c.statements)}`), '');
      }
    }
    lines.push('| operation | server | p50 | p95 | p99 | req/s | round trips | items | ours ÷ this (p50) |', '|---|---|---|---|---|---|---|---|---|');
    for (const op of s.operations) {
      for (const [name, f] of Object.entries(op.servers) as Array<[ServerName, ServerFigures]>) {
        const rel = name === 'ours' ? '' : x(ratio(op.servers.ours?.p50, f.p50));
        const failed = f.non2xx + f.errors > 0 ? ` (${f.non2xx + f.errors} failed)` : '';
        lines.push(`| ${op.id} | ${name} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${f.requestsPerSecond.toFixed(1)}${failed} | ${f.roundTrips ?? '–'} | ${f.items} | ${rel} |`);
      }
    }
    lines.push('');
    const exported = exportsOf(s);
    if (exported.length > 0) {
      lines.push('| mailing export | contracts | lines | MB | seconds | contracts/s | complete | server RSS before → peak (growth) |', '|---|---|---|---|---|---|---|---|');
      exported.forEach((e, i) => {
        lines.push(`| ${exportLabel(i)}: ${e.format}, ${e.insurer} | ${int(e.contracts)} | ${int(e.rows)} | ${(e.bytes / 2 ** 20).toFixed(1)} | ${e.seconds.toFixed(1)} | ${int(e.contractsPerSecond)} | ${e.complete ? 'yes' : 'NO'} | ${e.rssBeforeMb.toFixed(0)} → ${e.rssPeakMb.toFixed(0)} MB (+${e.rssGrowthMb.toFixed(1)} MB) |`);
      });
      lines.push('');
      const verdicts = exported.map((e, i) => {
        const v = exportVerdicts(e);
        return `${exportLabel(i)}: ${v.seconds.toFixed(1)} s at this rate, ${v.time}; RSS +${e.rssGrowthMb.toFixed(1)} MB, ${v.rss}`;
      });
      lines.push(`Targets (#13): 354,710 contracts in ≤ 30 s, RSS growth ≤ 50 MB, each export (${verdicts.join('; ')}).`, '');
    }
  }
  if (results.sizes.length > 1) {
    const first = results.sizes[0];
    const last = results.sizes.at(-1)!;
    lines.push(`## Growth from ${int(first.people)} to ${int(last.people)} people (p50 ratio)`, '', '| operation | ours | @neo4j/graphql | raw |', '|---|---|---|---|');
    for (const op of last.operations) {
      const before = first.operations.find((o) => o.id === op.id);
      const g = (n: ServerName) => x(ratio(op.servers[n]?.p50, before?.servers[n]?.p50));
      lines.push(`| ${op.id} | ${g('ours')} | ${g('neo4jGraphql')} | ${g('raw')} |`);
    }
    lines.push(`| import rows/s | ${x(ratio(last.import.ours?.rowsPerSecond, first.import.ours?.rowsPerSecond))} | | ${x(ratio(last.import.floor?.rowsPerSecond, first.import.floor?.rowsPerSecond))} (floor) |`, '');
  }
  return lines.join('\n');
}

/** Writes results.json and results.md (tables and target ratios) into `dir`. */
export function writeReport(dir: string, results: BenchResults): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify({ ...results, targets: targets(results) }, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'results.md'), `${markdown(results)}\n`);
}
