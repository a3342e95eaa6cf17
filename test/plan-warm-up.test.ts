import pino from 'pino';
import { allCypherNames } from '../src/db/cypher-files';
import { servedStatementNames, warmUpPlanner } from '../src/db/plan-warm-up';
import { testExecutor } from './harness';

/**
 * The planner warm-up (src/db/plan-warm-up.ts) on the real database: what it plans, that a
 * statement that cannot be planned is logged and skipped, and that it stops when told. That every
 * statement plans is test/cypher-explain.test.ts's to check; planning them all again here would
 * only double its cost.
 */
const executor = testExecutor();
afterAll(() => executor.close());

test('it plans the statements the API runs: all of cypher/ but the schema, the tests’ probes and the benchmark', () => {
  const served = servedStatementNames();
  expect(served.length).toBeGreaterThan(100);
  expect(served).toEqual(allCypherNames().filter((n) => !/^(schema|test-probe|bench)\//.test(n)));
  expect(served).toEqual(expect.arrayContaining(['impact/contract-aggregates', 'impact/simulate-paths', 'contract/affected-contracts-page']));
});

test('plans what it is given; one that cannot be planned is logged with its name and skipped, never fatal', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (l: string) => void lines.push(l) });
  const done = await warmUpPlanner(executor, logger, () => false, ['admin/catalogue-version', 'impact/no-such-statement', 'impact/simulate-paths']);
  expect(done).toMatchObject({ planned: 2, failed: 1 });
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0])).toMatchObject({ statement: 'impact/no-such-statement', msg: 'planner warm-up: a statement did not plan' });
});

test('stops at once when the process is stopping', async () => {
  let calls = 0;
  const done = await warmUpPlanner(executor, pino({ level: 'silent' }), () => ++calls > 3);
  expect(done).toMatchObject({ planned: 3, failed: 0 });
});
