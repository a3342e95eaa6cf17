import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mintToken } from '../src/auth/mint-token';
import { newRoundTripCounter } from '../src/db/executor';
import { requestDb } from '../src/db/request-db';
import { summariesByBreachIds } from '../src/domain/impact/stored-summaries';
import { freshDatabase, generatedDataset, importOurs } from './dataset';
import { rssKb } from './rss';
import { spawnServer } from './servers/spawn-server';

/** What one mailing export measured: throughput, and the server's memory while it streamed. */
export interface ExportMeasure {
  format: 'csv' | 'jsonl';
  insurer: string;
  /** Beneficiary lines and contracts, as the end line states them. */
  rows: number;
  contracts: number;
  bytes: number;
  /** From the request to the last byte. */
  seconds: number;
  contractsPerSecond: number;
  /** Whether the end line was there and agreed with the lines received. */
  complete: boolean;
  /** The server process's resident set (VmRSS) just before the request, at its highest while streaming, and the growth, in MB. */
  rssBeforeMb: number;
  rssPeakMb: number;
  rssGrowthMb: number;
}

/** VmRSS of a process in MB (Linux /proc), or NaN where there is no /proc. */
function rssMb(pid: number): number {
  return (rssKb(pid) ?? NaN) / 1024;
}

/**
 * Downloads one whole export from a running API (`url` is its base, e.g. http://127.0.0.1:4000)
 * as `token`'s insurer, reading the body as it comes and sampling the server's RSS (`pid`) every
 * 50 ms. Checks the end line against the lines counted, so a truncated export is reported as
 * incomplete, not as fast.
 */
export async function measureExport(args: { url: string; token: string; pid: number; breachId: string; insurer: string; format?: 'csv' | 'jsonl' }): Promise<ExportMeasure> {
  const format = args.format ?? 'csv';
  const rssBefore = rssMb(args.pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(args.pid))), 50);
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  let tail = '';
  let lastLine = '';
  try {
    const res = await fetch(`${args.url}/export/affected-contracts?${new URLSearchParams({ breachId: args.breachId, format })}`, { headers: { authorization: `Bearer ${args.token}` } });
    if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      const text = tail + decoder.decode(chunk, { stream: true });
      const parts = text.split('\n');
      tail = parts.pop()!;
      lines += parts.length;
      // The last complete line: the end line, once the body is over.
      if (parts.length > 0) lastLine = parts[parts.length - 1];
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  rssPeak = Math.max(rssPeak, rssMb(args.pid));
  // A complete export ends with a line break; anything after the last one means it was cut.
  const last = tail === '' ? lastLine : tail;
  const jsonEnd = (line: string): string[] | null => {
    try {
      const o = JSON.parse(line) as { type?: string; rows?: number; contracts?: number };
      return o.type === 'end' ? ['', String(o.rows), String(o.contracts)] : null;
    } catch {
      return null;
    }
  };
  const end = format === 'csv' ? /^#END rows=(\d+) contracts=(\d+)/.exec(last) : jsonEnd(last);
  const rows = end ? Number(end[1]) : NaN;
  const contracts = end ? Number(end[2]) : NaN;
  // CSV: header + rows + end line; JSON lines: rows + end line.
  const complete = end !== null && lines === rows + (format === 'csv' ? 2 : 1);
  return {
    format,
    insurer: args.insurer,
    rows,
    contracts,
    bytes,
    seconds,
    contractsPerSecond: contracts / seconds,
    complete,
    rssBeforeMb: rssBefore,
    rssPeakMb: rssPeak,
    rssGrowthMb: rssPeak - rssBefore,
  };
}

/** One line for the bench log. */
export function describeExport(m: ExportMeasure): string {
  return `export ${m.format} of ${m.insurer}: ${m.contracts} contracts, ${m.rows} lines, ${(m.bytes / 2 ** 20).toFixed(1)} MB in ${m.seconds.toFixed(1)} s = ${m.contractsPerSecond.toFixed(0)} contracts/s; server RSS ${m.rssBeforeMb.toFixed(0)} → ${m.rssPeakMb.toFixed(0)} MB (+${m.rssGrowthMb.toFixed(1)} MB)${m.complete ? '' : '; INCOMPLETE'}`;
}

/**
 * `tsx bench/export.ts --people 1000`: the export measurement on its own, without the rest of the
 * benchmark (no floor import, no other servers, no load): generate, import into a fresh store,
 * start our server as the benchmark does (dist/main.js, production), export the largest
 * insurer's contracts of the Viamedis breach, print the figures. `npm run bench -- --export` runs
 * the same measurement inside the full benchmark and writes it to bench/results.md.
 */
async function standalone(): Promise<void> {
  const { values } = parseArgs({ options: { people: { type: 'string' }, seed: { type: 'string' }, heap: { type: 'string' }, 'page-cache': { type: 'string' } } });
  const people = Number(values.people ?? 1_000);
  const root = path.resolve(__dirname, '..');
  const work = path.join(root, 'bench', 'tmp');
  if (!fs.existsSync(path.join(root, 'dist', 'main.js'))) throw new Error('dist/main.js is missing: run `npm run build` first');
  fs.mkdirSync(work, { recursive: true });
  const jwtSecret = 'bench-jwt-secret-0123456789abcdef-not-for-production';
  const pseudonymKey = 'bench-pseudonym-key-0123456789abcdef-not-for-production';
  const auth = { auth: { jwtSecret, jwksUrl: undefined, algorithms: ['HS256'], issuer: 'breach-impact-local', audience: 'breach-impact', maxTokenLifetimeS: 86_400 } };
  const breachId = 'breach-viamedis-2024';
  const dataset = generatedDataset(work, people, Number(values.seed ?? 42));
  const db = await freshDatabase(work, 'export', dataset, { heap: values.heap ?? '2g', pageCache: values['page-cache'] ?? '1g' }, Buffer.from(pseudonymKey));
  try {
    const imported = await importOurs(db.executor, Buffer.from(pseudonymKey), dataset);
    console.log(`imported ${imported.rows} rows in ${imported.seconds.toFixed(1)} s`);
    const summary = (await summariesByBreachIds(requestDb(db.executor, newRoundTripCounter()), [breachId])).get(breachId)!;
    const top = [...summary.byInsurer].sort((a, b) => b.contracts - a.contracts || a.id.localeCompare(b.id))[0];
    const server = await spawnServer(
      process.execPath,
      [path.join(root, 'dist', 'main.js')],
      { NEO4J_URI: db.neo4j.uri, NEO4J_PASSWORD: db.neo4j.auth.password, HOST: '127.0.0.1', PORT: '0', SEED_ON_START: 'false', LOG_LEVEL: 'warn', AUTH_JWT_SECRET: jwtSecret, PSEUDONYM_KEY: pseudonymKey, NODE_ENV: 'production' },
      /breach-impact ready: (http:\/\/[^\s]+)\/graphql/,
    );
    try {
      const token = await mintToken(auth, Buffer.from(jwtSecret), { role: 'INSURER', org: top.id, subject: 'bench-export' });
      for (const format of ['csv', 'jsonl'] as const) {
        const m = await measureExport({ url: server.url, token, pid: server.process.pid!, breachId, insurer: top.id, format });
        console.log(describeExport(m));
        if (m.contracts !== top.contracts) console.log(`  (the summary counts ${top.contracts} affected contracts for ${top.id})`);
      }
    } finally {
      await server.stop();
    }
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  standalone().catch((e) => {
    console.error(`export bench failed: ${(e as Error).stack ?? e}`);
    process.exit(1);
  });
}
