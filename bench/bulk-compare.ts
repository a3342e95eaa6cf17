import path from 'node:path';
import { parseArgs } from 'node:util';
import { bulkOurs, freshDatabase, generatedDataset, importOurs } from './dataset';

/**
 * `npx tsx bench/bulk-compare.ts --people 100000`: the first load of one generated France both
 * ways, without the servers and load runs of `npm run bench` (which measures the same with
 * `--bulk`): the transactional import from a new store (store, schema, seeds, every file, the
 * summary refresh) against the bulk first load end to end, and the batch importer alone on the
 * staged files. Prints one JSON object. For a quick comparison; `npm run bench -- --bulk` is the
 * record.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { people: { type: 'string' }, seed: { type: 'string' }, heap: { type: 'string' }, 'page-cache': { type: 'string' } } });
  const people = Number(values.people ?? 100_000);
  const seed = Number(values.seed ?? 42);
  const sizes = { heap: values.heap ?? '4g', pageCache: values['page-cache'] ?? '3g' };
  const work = path.resolve(__dirname, 'tmp');
  const key = Buffer.from('bench-pseudonym-key-0123456789abcdef-not-for-production');
  const dataset = generatedDataset(work, people, seed);
  const log = (msg: string) => console.error(`[bulk-compare ${new Date().toISOString().slice(11, 19)}] ${msg}`);
  log(`${dataset.rows} rows in ${dataset.files.length} files; transactional first load…`);
  const started = performance.now();
  const db = await freshDatabase(work, 'ours', dataset, sizes, key);
  const setupSeconds = (performance.now() - started) / 1000;
  const ours = await importOurs(db.executor, key, dataset);
  await db.close();
  const transactional = { setupSeconds, importSeconds: ours.seconds, refreshSeconds: ours.refreshSeconds, endToEndSeconds: setupSeconds + ours.seconds + ours.refreshSeconds, rows: ours.rows };
  log(`transactional: ${JSON.stringify(transactional)}; bulk first load…`);
  const bulk = await bulkOurs(work, dataset, sizes, key);
  await bulk.db.close();
  console.log(JSON.stringify({ people, rows: dataset.rows, sizes, transactional, bulk: bulk.measure, speedUp: transactional.endToEndSeconds / bulk.measure.endToEndSeconds }, null, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
