import pino from 'pino';
import { allCypherNames } from '../src/db/cypher-files';
import { warmUpPlanner } from '../src/db/plan-warm-up';
import { testExecutor } from './harness';

/** The planner warm-up (src/db/plan-warm-up.ts) on the real database: what it plans, and that it stops when told. */
const executor = testExecutor();
afterAll(() => executor.close());

test('plans every statement the API runs, none failing, and leaves out schema, probes and the benchmark', async () => {
  const served = allCypherNames().filter((n) => !/^(schema|test-probe|bench)\//.test(n));
  expect(served.length).toBeGreaterThan(100);
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (l: string) => void lines.push(l) });
  const done = await warmUpPlanner(executor, logger);
  expect(lines).toEqual([]);
  expect(done).toMatchObject({ planned: served.length, failed: 0 });
  expect(done.ms).toBeGreaterThan(0);
});

test('stops at once when the process is stopping', async () => {
  let calls = 0;
  const done = await warmUpPlanner(executor, pino({ level: 'silent' }), () => ++calls > 3);
  expect(done.planned).toBe(3);
});
