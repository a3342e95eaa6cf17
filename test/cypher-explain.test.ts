import { allCypherNames, cypher } from '../src/db/cypher-files';
import { Executor } from '../src/db/executor';
import { testExecutor } from './harness';

/** Every statement in cypher/ parses and plans against the real database (EXPLAIN runs nothing). */
let executor: Executor;
beforeAll(() => {
  executor = testExecutor();
});
afterAll(async () => {
  await executor.close();
});

const names = allCypherNames();

test('cypher/ holds the statements the code uses', () => {
  expect(names.length).toBeGreaterThan(30);
});

test.each(names)('EXPLAIN %s', async (name) => {
  await expect(executor.explain(cypher(name))).resolves.toBeUndefined();
});

test('regression: EXPLAIN rejects a broken statement (the check above can fail)', async () => {
  await expect(executor.explain({ name: 'broken', text: 'MATCH (n RETURN n' })).rejects.toBeDefined();
});
