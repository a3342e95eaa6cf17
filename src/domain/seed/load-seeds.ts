import fs from 'node:fs';
import path from 'node:path';
import { cypher } from '../../db/cypher-files';
import { Executor, Step } from '../../db/executor';
import { AppError } from '../../errors/app-error';
import { syntheticNir } from '../../identity/nir';
import { pseudonymizeNir } from '../../identity/pseudonym';
import { afterWrite } from '../after-write';
import type { SeedBreach, SeedFile, SeedReportedFigure } from '../common/seed-records';
import { emptyKnownIds, KnownIds, validateSeed } from './seed-format';
import { fromRoot } from '../../config/paths';

/** The seed files, in load order: the public record first, then what refers to it. */
export const SEED_FILES = [
  fromRoot('seeds', 'case-2024.json'),
  fromRoot('seeds', 'synthetic-portfolio.json'),
];

const Q = {
  deleteRels: cypher('seed/delete-dataset-relationships'),
  prune: cypher('seed/prune-nodes'),
  organizations: cypher('seed/merge-organizations'),
  ownerships: cypher('seed/merge-ownerships'),
  partnerships: cypher('seed/merge-partnerships'),
  systems: cypher('seed/merge-systems'),
  channels: cypher('seed/merge-access-channels'),
  categories: cypher('seed/merge-data-categories'),
  categoryLinks: cypher('seed/link-data-categories'),
  populations: cypher('seed/merge-populations'),
  flows: cypher('seed/merge-data-flows'),
  breaches: cypher('seed/merge-breaches'),
  events: cypher('seed/merge-breach-events'),
  exposures: cypher('seed/merge-exposures'),
  figures: cypher('seed/merge-reported-figures'),
  caveats: cypher('seed/merge-caveats'),
  contracts: cypher('seed/merge-contracts'),
  notifications: cypher('seed/merge-notifications'),
};

/** Reads and parses a seed file; a syntax error is SEED_INVALID naming the file. */
export function readSeedFile(file: string): SeedFile {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SeedFile;
  } catch (e) {
    throw new AppError('SEED_INVALID', `Seed file ${file} cannot be read as JSON: ${(e as Error).message}`);
  }
}

/**
 * The pseudonym a synthetic person is stored under: the HMAC of a synthetic NIR derived from the
 * person's key. The NIR itself exists only in memory here; the graph holds the pseudonym only,
 * exactly as it would for an imported portfolio (so `memberExposure` works on synthetic people).
 */
export function syntheticPersonPseudonym(personKey: string, pseudonymKey: Buffer): string {
  return pseudonymizeNir(syntheticNir(personKey), pseudonymKey);
}

/**
 * A breach as merge-breaches takes it: node properties cannot hold maps, so the techniques go as
 * parallel lists (ids, inferred flags, sources, confidences), index i describing technique i.
 */
function breachRow(b: SeedBreach) {
  const t = b.attackTechniques;
  return {
    ...b,
    attackTechniques: t.map((x) => x.id),
    techniqueInferred: t.map((x) => x.inferred),
    techniqueSources: t.map((x) => x.source ?? ''),
    techniqueConfidences: t.map((x) => x.confidence ?? ''),
  };
}

/** A reported figure with every optional field present (null when absent), as the statement reads it. */
function figureRow(f: SeedReportedFigure) {
  return { ...f, about: f.about ?? null, population: f.population ?? null, year: f.year ?? null, organizationKind: f.organizationKind ?? null };
}

/**
 * The events of `breaches` with the id each is stored under. Events have no id in the files; a
 * stable one (breach, kind, rank) keeps re-loads idempotent.
 */
export function breachEventRows(breaches: NonNullable<SeedFile['breaches']>) {
  return breaches.flatMap((b) => {
    const rank = new Map<string, number>();
    return b.events.map((e) => {
      const n = (rank.get(e.kind) ?? 0) + 1;
      rank.set(e.kind, n);
      return { ...e, id: `${b.id}-${e.kind.toLowerCase().replace(/_/g, '-')}-${n}`, breach: b.id };
    });
  });
}

/** The steps that load one dataset; run in one transaction, so a load lands whole or not at all. */
export function seedSteps(seed: SeedFile, pseudonymKey: Buffer): Step[] {
  const dataset = seed.dataset;
  const breaches = seed.breaches ?? [];
  const events = breachEventRows(breaches);
  // Figures of a breach and of the market share one statement: breach null for the market.
  const figures = [
    ...breaches.flatMap((b) => b.reportedFigures.map((f) => ({ ...figureRow(f), breach: b.id }))),
    ...(seed.marketFigures ?? []).map((f) => ({ ...figureRow(f), breach: null })),
  ];
  // Caveats have no id in the files; (figure, rank) keeps re-loads idempotent.
  const caveats = [...breaches.flatMap((b) => b.reportedFigures), ...(seed.marketFigures ?? [])].flatMap((f) =>
    (f.caveats ?? []).map((c, i) => ({ ...c, id: `${f.id}-caveat-${i + 1}`, figure: f.id })),
  );
  // Notifications name their breach; phase and description are optional in the files.
  const notifications = breaches.flatMap((b) => (b.notifications ?? []).map((n) => ({ ...n, phase: n.phase ?? null, description: n.description ?? null, breach: b.id })));
  // Pseudonyms cost an HMAC each: compute them once, for the rows and for the id list.
  const contracts = (seed.contracts ?? []).map((c) => ({
    ...c,
    beneficiaries: c.beneficiaries.map((b) => ({ role: b.role, key: syntheticPersonPseudonym(b.key, pseudonymKey) })),
  }));
  const ids = [
    ...(seed.organizations ?? []).map((r) => r.id),
    ...(seed.systems ?? []).map((r) => r.id),
    ...(seed.accessChannels ?? []).map((r) => r.id),
    ...(seed.dataCategories ?? []).map((r) => r.id),
    ...(seed.populations ?? []).map((r) => r.id),
    ...(seed.dataFlows ?? []).map((r) => r.id),
    ...breaches.map((r) => r.id),
    ...events.map((r) => r.id),
    ...breaches.flatMap((b) => b.reportedFigures.map((f) => f.id)),
    ...(seed.marketFigures ?? []).map((f) => f.id),
    ...caveats.map((c) => c.id),
    ...notifications.map((n) => n.id),
    ...contracts.flatMap((c) => [c.id, ...c.beneficiaries.map((b) => b.key)]),
  ];
  const step = (query: Step['query'], rows: unknown[]): Step => ({ query, params: { dataset, rows } });
  return [
    { query: Q.deleteRels, params: { dataset } },
    step(Q.organizations, seed.organizations ?? []),
    step(Q.ownerships, seed.ownerships ?? []),
    step(Q.partnerships, seed.partnerships ?? []),
    step(Q.systems, seed.systems ?? []),
    step(Q.channels, seed.accessChannels ?? []),
    step(Q.categories, seed.dataCategories ?? []),
    step(Q.categoryLinks, (seed.dataCategories ?? []).filter((c) => c.parent !== null)),
    step(Q.populations, seed.populations ?? []),
    step(Q.flows, seed.dataFlows ?? []),
    step(Q.breaches, breaches.map(breachRow)),
    step(Q.events, events),
    step(Q.exposures, breaches.flatMap((b) => b.exposures.map((e) => ({ ...e, scopeNote: e.scopeNote ?? null, breach: b.id })))),
    step(Q.figures, figures),
    step(Q.caveats, caveats),
    step(Q.notifications, notifications),
    step(Q.contracts, contracts),
    { query: Q.prune, params: { dataset, ids } },
  ];
}

/** How far a seed load has got, as {@link loadSeeds} tells its `onProgress`. */
export interface SeedProgress {
  /** Steps finished so far: 0 when the load starts, `total` when it has finished. */
  done: number;
  /** Every step of the load: each dataset's statements and its commit, then the impact summaries. */
  total: number;
  /**
   * What was just finished, in words ("case-2024: seed/merge-organizations", "case-2024
   * committed (seeds/case-2024.json)", "impact summaries"); null when the load starts.
   */
  step: string | null;
  /** The step ended a transaction (a dataset committed, the summaries written): worth saying at once. */
  milestone: boolean;
}

/**
 * Validates every seed file first (so a bad file loads nothing), then loads each dataset in its
 * own transaction. Loading twice gives the same graph: nodes are merged by id, the dataset's
 * relationships are rewritten and what it no longer lists is pruned. `onProgress` hears the start
 * (with the number of steps), then each step as it ends: each statement, each commit, the
 * summaries (a cold Neo4j plans every statement for the first time: a first start spends a
 * minute here). Should the driver retry a dataset's transaction, its steps are told again with
 * the same numbers.
 */
export async function loadSeeds(
  executor: Executor,
  pseudonymKey: Buffer,
  files: string[] = SEED_FILES,
  onProgress: (progress: SeedProgress) => void = () => undefined,
): Promise<{ dataset: string; file: string }[]> {
  let known: KnownIds = emptyKnownIds();
  const seeds = files.map((file) => {
    const seed = readSeedFile(file);
    known = validateSeed(path.relative(process.cwd(), file), seed, known);
    return { file, seed, steps: seedSteps(seed, pseudonymKey) };
  });
  // Each dataset's statements and its commit, then the summaries.
  const total = seeds.reduce((n, s) => n + s.steps.length + 1, 0) + 1;
  onProgress({ done: 0, total, step: null, milestone: false });
  // Sized by the seed files, not by a caller: no request timeout (see Executor.admin).
  const admin = executor.admin();
  let done = 0;
  for (const { file, seed, steps } of seeds) {
    const base = done;
    await admin.writeTransaction(steps.map((s) => s.query.name).join('+'), async (run) => {
      for (const [i, step] of steps.entries()) {
        await run(step.query, step.params);
        onProgress({ done: base + i + 1, total, step: `${seed.dataset}: ${step.query.name}`, milestone: false });
      }
    });
    done = base + steps.length + 1;
    onProgress({ done, total, step: `${seed.dataset} committed (${path.relative(process.cwd(), file)})`, milestone: true });
  }
  await afterWrite(admin, { catalogue: true });
  onProgress({ done: total, total, step: 'impact summaries', milestone: true });
  return seeds.map(({ file, seed }) => ({ dataset: seed.dataset, file }));
}
