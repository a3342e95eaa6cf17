import fs from 'node:fs';
import path from 'node:path';
import type { Check, MinuteRow, OperationDrift } from './soak-stats';

/** Figures of one operation over the whole soak. */
export interface OperationFigures {
  name: string;
  caller: string;
  weight: number;
  perMinute?: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  /** Its p50 in the first minute after the warm-up and in the last (absent in runs before it was kept). */
  drift?: OperationDrift | null;
}

/** Everything a soak run measured, as written to soak.json. */
export interface SoakResults {
  command: string;
  startedAt: string;
  finishedAt?: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string; uptimeBefore: string; uptimeAfter?: string };
  settings: { minutes: number; connections: number; people: number; seed: number; warmupMinutes: number; importEverySeconds: number; importRows: number; neo4j: { heap: string; pageCache: string };
    liveCountsPerMinute: number;
    /** The API's request deadlines, as its configuration read the soak's environment (absent in runs before they were kept). */
    deadlines?: { queryMs: number; liveCountMs: number };
  };
  dataset: { people: number; rows: number; insurer: string; affectedPeople: number; storeReused: boolean; setupSeconds: number };
  rssBeforeLoad: { nodeMb: number | null; jvmMb: number | null };
  minutes: MinuteRow[];
  operations: OperationFigures[];
  /** The first failure of each error code: operation, latency and message. */
  errorSamples: Record<string, { op: string; ms: number; message: string }>;
  checks: Check[];
}

/** The issue's target run: 10 minutes, 16 connections, the 1M-person France. */
export function isTargetRun(s: SoakResults['settings']): boolean {
  return s.minutes >= 10 && s.connections >= 16 && s.people >= 1_000_000;
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '–');
/** "early → late (×ratio)" of an operation's p50, or – when the run kept none. */
function driftCell(d: OperationDrift | null | undefined): string {
  if (!d) return '–';
  const ratio = Number.isFinite(d.earlyP50) && Number.isFinite(d.lateP50) && d.earlyP50 > 0 ? ` (${(d.lateP50 / d.earlyP50).toFixed(2)}×)` : '';
  return `${ms(d.earlyP50)} → ${ms(d.lateP50)}${ratio}`;
}

const mb = (v: number | null) => (v === null ? '–' : v.toFixed(0));

/** The Markdown report: what ran, on what load, a table per minute, the verdict per target, each operation. */
export function soakMarkdown(r: SoakResults): string {
  const s = r.settings;
  const target = isTargetRun(s);
  const allMet = r.checks.every((c) => c.met);
  // The minutes the drift column compares, the same for every operation.
  const drift = r.operations.find((o) => o.drift)?.drift;
  const lines = [
    '# Soak (`npm run soak`)',
    '',
    target
      ? `**Target run** of issue #14 §3: ${s.minutes} minutes at ${s.connections} connections on ${s.people.toLocaleString('en-US')} people.`
      : `**A short run, not the target run** (10 minutes at 16 connections on the 1M-person France): ${s.minutes} minutes at ${s.connections} connections on ${s.people.toLocaleString('en-US')} people. Its verdict says how this run went, not whether the target is met.`,
    '',
    `- Command: \`${r.command}\``,
    `- Started ${r.startedAt}, finished ${r.finishedAt ?? '(unfinished)'}`,
    `- Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.platform}; shared with other developers' jobs`,
    `- Load before: \`${r.machine.uptimeBefore}\``,
    `- Load after: \`${r.machine.uptimeAfter ?? '–'}\``,
    `- Store: ${r.dataset.people.toLocaleString('en-US')} generated people (${r.dataset.rows.toLocaleString('en-US')} rows, seed ${s.seed}) plus the seeds, ${r.dataset.storeReused ? 'reused from an earlier run (--keep-store)' : `loaded by the transactional import in ${r.dataset.setupSeconds.toFixed(0)} s`}; Neo4j heap ${s.neo4j.heap}, page cache ${s.neo4j.pageCache}`,
    `- Trickle of imports: ${s.importRows} new contracts of ${r.dataset.insurer} every ${s.importEverySeconds} s through the ADMIN mutation \`importPortfolio\` (its own connection, besides the ${s.connections})`,
    `- Warm-up: the first ${s.warmupMinutes} minute(s) (JIT, connection pools, Neo4j's page cache and query plans filling). RSS is sampled every 5 s from /proc/<pid>/status (VmRSS); the RSS target compares each later minute's mean with the first minute after the warm-up. The p99 target compares each minute with minute 1, warm-up included, as the issue states it. Latencies are send to last byte, per request, failed ones included.`,
    `- The API runs as \`npm run bench\` runs it: \`dist/main.js\`, NODE_ENV=production, LOG_LEVEL=warn, LIVE_COUNTS_PER_MINUTE=${s.liveCountsPerMinute}, ${s.deadlines ? `request deadlines NEO4J_QUERY_TIMEOUT_MS ${s.deadlines.queryMs / 1000} s and NEO4J_LIVE_COUNT_TIMEOUT_MS ${s.deadlines.liveCountMs / 1000} s (for a request that spends a live count), ` : ''}on the soak's own Neo4j (NEO4J_URI).`,
    `- RSS before the load: Node ${mb(r.rssBeforeLoad.nodeMb)} MB, JVM ${mb(r.rssBeforeLoad.jvmMb)} MB`,
    '',
    '## Per minute',
    '',
    '| minute | requests | req/s | errors | 5xx | p50 ms | p99 ms | max ms | imports (rows) | Node RSS MB | JVM RSS MB | errors by code |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...r.minutes.map(
      (m) =>
        `| ${m.minute} | ${m.requests} | ${m.requestsPerSecond.toFixed(1)} | ${m.errors} | ${m.fiveXX} | ${ms(m.p50)} | ${ms(m.p99)} | ${ms(m.max)} | ${m.imports} (${m.importRows}) | ${mb(m.nodeRssMb)} | ${mb(m.jvmRssMb)} | ${
          Object.entries(m.errorCodes)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ') || '–'
        } |`,
    ),
    '',
    `## Verdict: ${allMet ? 'every target met' : 'target(s) missed'}${target ? '' : ' (short run)'}`,
    '',
    '| target | measured | verdict |',
    '|---|---|---|',
    ...r.checks.map((c) => `| ${c.target} | ${c.measured} | ${c.met ? 'met' : '**missed**'} |`),
    '',
    ...(Object.keys(r.errorSamples ?? {}).length === 0
      ? []
      : [
          '## Failures: the first of each code',
          '',
          '| code | operation | after ms | message |',
          '|---|---|---:|---|',
          ...Object.entries(r.errorSamples).map(([code, e]) => `| ${code} | ${e.op} | ${e.ms} | ${e.message.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`),
          '',
        ]),
    '## Operations',
    '',
    'Every operation of `schema/examples.graphql` with the caller its `# as:` line names, the five operations of the benchmark (`bench/operations.ts`) on the generated France, and the import. Operations that spend live counts are capped under their caller\'s budget (LIVE_COUNTS_PER_MINUTE); writes go as a trickle.',
    '',
    `The drift column is the operation's p50 in minute ${drift?.earlyMinute ?? s.warmupMinutes + 1} (the first after the warm-up) and in minute ${drift?.lateMinute ?? s.minutes} (the last): which operations slow down as the run goes on.`,
    '',
    '| operation | caller | weight | cap /min | requests | errors | p50 ms | p99 ms | p50 drift ms |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...r.operations.map((o) => `| ${o.name} | ${o.caller} | ${o.weight} | ${o.perMinute ?? '–'} | ${o.requests} | ${o.errors} | ${ms(o.p50)} | ${ms(o.p99)} | ${driftCell(o.drift)} |`),
    '',
  ];
  return lines.join('\n');
}

/** Writes soak.md and soak.json into `dir`. */
export function writeSoakReport(dir: string, results: SoakResults): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'soak.json'), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'soak.md'), soakMarkdown(results));
}
