import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchResults, SizeResult, targets, writeReport } from '../bench/report';

/** The benchmark's verdicts are computed, not written by hand: they must be able to say "missed". */
function size(people: number, p50: { ours: number; ng: number; raw: number }, importRatio: number): SizeResult {
  const figures = (v: number) => ({ requests: 100, errors: 0, non2xx: 0, seconds: 10, requestsPerSecond: 10, p50: v, p95: v * 2, p99: v * 3, roundTrips: 1, items: 5 });
  const op = (id: string) => ({ id, title: id, servers: { ours: figures(p50.ours), neo4jGraphql: figures(p50.ng), raw: figures(p50.raw) } });
  return {
    people,
    dataset: { people, rows: people, files: 1, affectedPeople: 1, affectedContracts: 1, insurer: 'org-x', insurerContracts: 1 },
    import: { ours: { rows: 10, seconds: 1, rowsPerSecond: 1000 * importRatio, rejected: 0, refreshSeconds: 1 }, floor: { rows: 10, seconds: 1, rowsPerSecond: 1000, rejected: 0 } },
    operations: ['summary', 'contracts-first', 'contracts-deep', 'paths', 'lineage'].map(op),
  };
}
const run = (sizes: SizeResult[]): BenchResults => ({ command: 'npm run bench', startedAt: 'now', machine: {}, settings: { seed: 42 }, sizes });

test('targets met when every ratio is within its bound', () => {
  const verdicts = targets(run([size(100_000, { ours: 10, ng: 30, raw: 9 }, 0.9), size(1_000_000, { ours: 12, ng: 40, raw: 10 }, 0.85)]));
  expect(verdicts.filter((t) => t.verdict !== 'met')).toEqual([]);
  // 3 nested operations against @neo4j/graphql, 5 against the floor, the import, per size; plus growth.
  expect(verdicts).toHaveLength(2 * 9 + 1);
});

test('each bound can be missed: slower than half of @neo4j/graphql, 1.3× the floor, 1.5× growth, 0.8× import', () => {
  const verdicts = targets(run([size(100_000, { ours: 10, ng: 15, raw: 5 }, 0.5), size(1_000_000, { ours: 20, ng: 30, raw: 10 }, 0.7)]));
  const missed = verdicts.filter((t) => t.verdict === '**missed**').map((t) => `${t.at}: ${t.target.split(':')[0]} ${t.target.includes('neo4j') ? 'ng' : t.target.includes('floor') ? 'floor' : ''}`);
  expect(missed).toContain('100,000 people: paths ng');
  expect(missed).toContain('100,000 people: lineage floor');
  expect(missed).toContain('100,000 people: import floor');
  expect(verdicts.find((t) => t.at === 'growth')).toMatchObject({ ratio: 2, verdict: '**missed**' });
});

test('the report files hold the figures and the verdicts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
  writeReport(dir, run([size(100_000, { ours: 10, ng: 30, raw: 9 }, 0.9)]));
  const md = fs.readFileSync(path.join(dir, 'results.md'), 'utf8');
  expect(md).toContain('Produced by `npm run bench`');
  expect(md).toMatch(/\| paths \| ours \| 10\.0 \|/);
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8'));
  expect(json.targets.length).toBeGreaterThan(5);
  fs.rmSync(dir, { recursive: true, force: true });
});
