import fs from 'node:fs';
import path from 'node:path';
import { exampleOperations, MixPicker } from '../bench/soak-mix';
import { assertLoopbackUrl, isLoopbackHost, parseSoakOptions } from '../bench/soak-options';
import { isTargetRun, soakMarkdown, SoakResults } from '../bench/soak-report';
import { minuteRows, operationDrift, RequestRecord, RssSample, soakVerdict } from '../bench/soak-stats';

/** The soak's pure parts: bounds, loopback, the mix it draws from, and a verdict that can say "missed". */
const ROOT = path.resolve(__dirname, '..');

describe('options', () => {
  test('defaults are the target run, on loopback', () => {
    const o = parseSoakOptions([], ROOT);
    expect(o).toMatchObject({ minutes: 10, connections: 16, people: 1_000_000, warmupMinutes: 1, host: '127.0.0.1', out: path.join(ROOT, 'bench') });
  });

  test.each([
    [['--minutes', '121'], /--minutes must be a whole number from 3 to 120/],
    [['--minutes', '2'], /--minutes/],
    [['--minutes', '1'], /--minutes/],
    [['--minutes', '2.5'], /--minutes/],
    [['--connections', '65'], /--connections must be a whole number from 1 to 64/],
    [['--connections', '0'], /--connections/],
    [['--people', '10'], /--people/],
    [['--import-rows', '501'], /--import-rows/],
    [['--import-every', '1'], /--import-every/],
    [['--minutes', '3', '--warmup', '2'], /--warmup \(2\) must leave at least 2 of the 3 minutes/],
    [['--host', '0.0.0.0'], /--host must be a loopback address/],
    [['--host', '192.168.1.10'], /loopback/],
    [['--heap', 'lots'], /--heap/],
    [['--hours', '3'], /hours/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseSoakOptions(argv, ROOT)).toThrow(message);
  });

  test('bounds themselves are accepted', () => {
    expect(parseSoakOptions(['--minutes', '120', '--connections', '64', '--people', '1000', '--host', '::1'], ROOT)).toMatchObject({ minutes: 120, connections: 64, people: 1000, host: '::1' });
  });

  test('loopback means 127/8, ::1 and localhost only', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.1', 'example.org', '128.0.0.1', 'localhost.example.org']) expect(isLoopbackHost(h)).toBe(false);
    expect(() => assertLoopbackUrl('http://127.0.0.1:4000/graphql')).not.toThrow();
    expect(() => assertLoopbackUrl('http://[::1]:4000/graphql')).not.toThrow();
    expect(() => assertLoopbackUrl('http://api.example.org/graphql')).toThrow(/loopback only/);
  });
});

describe('the mix', () => {
  const ops = exampleOperations(fs.readFileSync(path.join(ROOT, 'schema', 'examples.graphql'), 'utf8'));

  test('every documented operation, with the caller its "# as:" line names', () => {
    const byName = new Map(ops.map((o) => [o.name, o]));
    expect(byName.get('BreachTimeline')).toMatchObject({ role: 'ANONYMOUS', org: null, mutation: false });
    expect(byName.get('LmgContracts')).toMatchObject({ role: 'INSURER', org: 'org-la-mutuelle-generale' });
    expect(byName.get('ImpactBreakdown')).toMatchObject({ role: 'REGULATOR' });
    expect(byName.get('UpstreamOfViamedis')).toMatchObject({ role: 'ANALYST' });
    expect(byName.get('RecordNotification')).toMatchObject({ role: 'INSURER', org: 'org-mgp', mutation: true });
    expect(new Set(ops.map((o) => o.role))).toEqual(new Set(['ANONYMOUS', 'INSURER', 'REGULATOR', 'ANALYST']));
    // One operation per request, named as in the file.
    for (const o of ops) expect(o.query).toMatch(new RegExp(`^(query|mutation) ${o.name}\\b`));
  });

  test('live counts: one per draft and per what-if, none for stored totals', () => {
    const cost = Object.fromEntries(ops.map((o) => [o.name, o.liveCounts]));
    expect(cost.NotificationDraft).toBe(1);
    expect(cost.SimulateAlmerysPortal).toBe(2);
    expect(cost.ImpactBreakdown).toBe(0);
    expect(cost.LmgPartners).toBe(0);
    expect(exampleOperations('query Q { breachImpact(breachId: "b", asOf: "2024-01-01") { referenceDate } a: breachImpact(breachId: "b") { referenceDate } }')[0].liveCounts).toBe(1);
  });

  test('a capped entry never goes more often than its cap in any 60 s; the others take its turns', () => {
    let r = 0;
    const picker = new MixPicker(
      [
        { name: 'capped', weight: 100, perMinute: 3 },
        { name: 'free', weight: 1 },
      ],
      () => (r = (r + 0.37) % 1) * 0.999,
    );
    const sent: number[] = [];
    for (let t = 0; t < 180_000; t += 100) {
      const e = picker.pick(t);
      picker.answered(e, t);
      if (e.name === 'capped') sent.push(t);
    }
    for (const t of sent) expect(sent.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(3);
    expect(sent.length).toBe(9);
    expect(() => new MixPicker([{ name: 'only', weight: 1, perMinute: 5 }])).toThrow(/uncapped/);
  });

  test('a capped send holds its place until 60 s after its answer, so a slow answer cannot let the server see more than the cap', () => {
    const capped = { name: 'capped', weight: 100, perMinute: 2 };
    const picker = new MixPicker([capped, { name: 'free', weight: 1 }], () => 0);
    expect(picker.pick(0)).toBe(capped);
    expect(picker.pick(0)).toBe(capped);
    // Both unanswered at 70 s (queued behind slow requests): the server may not have counted them yet.
    expect(picker.pick(70_000).name).toBe('free');
    picker.answered(capped, 75_000);
    expect(picker.pick(100_000).name).toBe('free');
    expect(picker.pick(135_001)).toBe(capped);
    expect(picker.pick(135_002).name).toBe('free');
  });
});

describe('verdict', () => {
  const req = (minute: number, ms: number, extra: Partial<RequestRecord> = {}): RequestRecord => ({ endMs: minute * 60_000 + 1_000, op: 'x', ms, status: 200, ...extra });
  const steady = (minutes: number, p99: (m: number) => number) => Array.from({ length: minutes }, (_, m) => [...Array.from({ length: 98 }, () => req(m, 10)), req(m, p99(m)), req(m, p99(m))]).flat();
  const rss = (minutes: number, node: (s: number) => number, jvm: (s: number) => number): RssSample[] =>
    Array.from({ length: minutes * 12 }, (_, i) => ({ atMs: i * 5_000 + 5_000, nodeKb: node(i), jvmKb: jvm(i) }));
  const verdict = (records: RequestRecord[], samples: RssSample[], minutes = 3) => soakVerdict(minuteRows(records, samples, minutes), samples, 1);

  test('a steady run meets every target', () => {
    const checks = verdict(steady(3, () => 50), rss(3, () => 100_000, () => 1_000_000));
    expect(checks.map((c) => c.met)).toEqual([true, true, true, true, true]);
  });

  test('per minute: requests counted where they ended, the last minute takes the stragglers', () => {
    const rows = minuteRows(
      [req(0, 5), req(1, 7, { status: 502, error: 'HTTP 502' }), req(1, 7, { error: 'SERVICE_UNAVAILABLE', serverFault: true }), req(1, 7, { error: 'FORBIDDEN' }), req(2, 9), { ...req(2, 3), endMs: 200_000, importRows: 20 }],
      rss(3, () => 2048, () => 4096),
      3,
    );
    expect(rows.map((r) => r.requests)).toEqual([1, 3, 2]);
    expect(rows[1]).toMatchObject({ errors: 3, fiveXX: 2, errorCodes: { 'HTTP 502': 1, SERVICE_UNAVAILABLE: 1, FORBIDDEN: 1 } });
    expect(rows[2]).toMatchObject({ imports: 1, importRows: 20, nodeRssMb: 2, jvmRssMb: 4 });
  });

  test('each target can be missed', () => {
    const failing = [...steady(3, () => 50), req(2, 10, { error: 'INTERNAL' }), req(2, 10, { status: 503, error: 'HTTP 503' })];
    const checks = verdict(failing, rss(3, () => 100_000, () => 1_000_000));
    expect(checks.filter((c) => !c.met).map((c) => c.target.split(' (')[0])).toEqual(['0 errors', '0 5xx']);
    expect(checks[1].measured).toBe('1');

    const slower = verdict(steady(3, (m) => (m === 2 ? 101 : 50)), rss(3, () => 100_000, () => 1_000_000));
    expect(slower[2]).toMatchObject({ met: false, measured: expect.stringContaining('minute 3 (2.02×)') });
    expect(verdict(steady(3, (m) => (m === 2 ? 100 : 50)), rss(3, () => 100_000, () => 1_000_000))[2].met).toBe(true);

    // Node's minute means grow 11.8 % after the warm-up; the JVM's first-minute growth does not count.
    const growing = verdict(steady(3, () => 50), rss(3, (i) => (i >= 11 ? 100_000 + (i - 11) * 1_000 : 50_000), (i) => (i < 11 ? 500_000 : 1_000_000)));
    expect(growing[3]).toMatchObject({ met: false, measured: expect.stringContaining('later minutes +11.8 % to +11.8 %') });
    // The same growth at half the pace stays within bounds (minute means +6.1 %), though single samples reach +12.0 %.
    const slowGrowth = verdict(steady(3, () => 50), rss(3, (i) => (i >= 11 ? 100_000 + (i - 11) * 500 : 50_000), () => 1_000_000));
    expect(slowGrowth[3]).toMatchObject({ met: true, measured: expect.stringContaining('+6.1 %') });
    expect(growing[4].met).toBe(true);
    // A fall counts as much as a rise.
    expect(verdict(steady(3, () => 50), rss(3, () => 100_000, (i) => (i > 20 ? 850_000 : 1_000_000)))[4].met).toBe(false);
  });

  test('a minute with no answer, or no sample after the warm-up, is not a pass', () => {
    const checks = verdict(steady(2, () => 50), [{ atMs: 1_000, nodeKb: 1, jvmKb: 1 }], 3);
    expect(checks[2]).toMatchObject({ met: false, measured: expect.stringContaining('none answered in minute 3') });
    expect(checks[3]).toMatchObject({ met: false, measured: '0 minute(s) with samples after the warm-up: at least 2 are needed' });
  });
});

describe('drift', () => {
  const at = (minute: number, op: string, ms: number): RequestRecord => ({ endMs: minute * 60_000 + 1_000, op, ms, status: 200 });

  test('the p50 of an operation in the first minute after the warm-up and in the last', () => {
    const records = [at(0, 'a', 999), at(1, 'a', 10), at(1, 'a', 12), at(2, 'a', 50), at(3, 'a', 30), at(3, 'a', 40), { ...at(3, 'a', 70), endMs: 300_000 }, at(3, 'b', 1)];
    expect(operationDrift(records, 'a', 4, 1)).toEqual({ earlyMinute: 2, earlyP50: 10, lateMinute: 4, lateP50: 40 });
    expect(operationDrift(records, 'b', 4, 1)).toMatchObject({ earlyP50: NaN, lateP50: 1 });
    expect(operationDrift(records, 'a', 2, 1)).toBeNull();
  });
});

describe('report', () => {
  const results = (minutes: number, connections: number, people: number): SoakResults => ({
    command: 'npm run soak',
    startedAt: 's',
    finishedAt: 'f',
    machine: { cpus: 2, cpuModel: 'cpu', memoryGb: 8, node: 'v20', platform: 'linux', uptimeBefore: 'load average: 1', uptimeAfter: 'load average: 2' },
    settings: { minutes, connections, people, seed: 42, warmupMinutes: 1, importEverySeconds: 10, importRows: 20, neo4j: { heap: '1g', pageCache: '512m' }, liveCountsPerMinute: 10, deadlines: { queryMs: 15_000, liveCountMs: 45_000 } },
    dataset: { people, rows: people, insurer: 'org-x', affectedPeople: 10, storeReused: false, setupSeconds: 30 },
    rssBeforeLoad: { nodeMb: 100, jvmMb: 900 },
    minutes: [],
    operations: [{ name: 'Slow', caller: 'REGULATOR', weight: 1, requests: 3, errors: 0, p50: 20, p99: 90, drift: { earlyMinute: 2, earlyP50: 10, lateMinute: 10, lateP50: 25 } }],
    errorSamples: { SERVICE_UNAVAILABLE: { op: 'NotificationDraft', ms: 30_000, message: 'deadline | reached' } },
    checks: [{ target: '0 errors', measured: '0 of 10 requests', met: true }],
  });

  test('the report names the request deadlines the run recorded, not the defaults of the day', () => {
    expect(soakMarkdown(results(3, 8, 10_000))).toContain('request deadlines NEO4J_QUERY_TIMEOUT_MS 15 s and NEO4J_LIVE_COUNT_TIMEOUT_MS 45 s');
  });

  test('a short run says it is not the target run', () => {
    expect(isTargetRun(results(3, 8, 10_000).settings)).toBe(false);
    expect(soakMarkdown(results(3, 8, 10_000))).toContain('A short run, not the target run');
    expect(isTargetRun(results(10, 16, 1_000_000).settings)).toBe(true);
    expect(soakMarkdown(results(10, 16, 1_000_000))).toContain('**Target run**');
    // A failure's message cannot break the table.
    expect(soakMarkdown(results(3, 8, 10_000))).toContain('| SERVICE_UNAVAILABLE | NotificationDraft | 30000 | deadline \\| reached |');
    expect(soakMarkdown(results(10, 16, 1_000_000))).toContain('| Slow | REGULATOR | 1 | – | 3 | 0 | 20 | 90 | 10 → 25 (2.50×) |');
  });
});
