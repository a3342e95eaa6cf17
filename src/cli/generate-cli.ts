import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateSyntheticFrance } from '../domain/generate/synthetic-france';

/**
 * `npm run generate -- --people 1000000 --seed 42 [--out data/synthetic-france]`: writes a
 * synthetic France (insurers.json and one portfolio CSV per insurer). Load it with
 * `npm run seed -- <out>/insurers.json` then `npm run import -- --dir <out>`.
 */
function main(): void {
  const { values } = parseArgs({ options: { people: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } } });
  const people = Number(values.people ?? 1_000_000);
  const seed = Number(values.seed ?? 42);
  if (!Number.isInteger(people) || people < 1 || people > 50_000_000) throw new Error(`--people must be a whole number from 1 to 50000000, got "${values.people}"`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative whole number, got "${values.seed}"`);
  const dir = path.resolve(values.out ?? 'data/synthetic-france');
  const started = Date.now();
  const out = generateSyntheticFrance({ people, seed, dir });
  const bySetup = out.insurers.reduce<Record<string, number>>((acc, i) => ({ ...acc, [i.setup]: (acc[i.setup] ?? 0) + 1 }), {});
  const sizes = out.insurers.map((i) => i.people).sort((a, b) => b - a);
  console.log(
    `wrote ${out.insurers.length} synthetic insurers, ${out.people} people, ${out.contracts} contracts, ${out.rows} rows to ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
      `operators: ${JSON.stringify(bySetup)}; largest insurer ${sizes[0]} people, median ${sizes[Math.floor(sizes.length / 2)]}\n` +
      `load: npm run seed -- ${path.relative(process.cwd(), out.seedFile)} && npm run import -- --dir ${path.relative(process.cwd(), dir)}`,
  );
}

try {
  main();
} catch (e) {
  console.error(`generate failed: ${(e as Error).message}`);
  process.exit(1);
}
