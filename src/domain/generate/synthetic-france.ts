import fs from 'node:fs';
import path from 'node:path';
import { syntheticNir } from '../../identity/nir';
import { PORTFOLIO_COLUMNS } from '../import/portfolio-row';
import type { SeedDataFlow, SeedFile, SeedOrganization, SeedPartnership, SeedPopulation } from '../common/seed-records';
import { prng, randomDay as day } from './random';


/** DREES 2023: 388 complementary health insurers (docs/FACTS.md). */
const MARKET = [
  { kind: 'MUTUELLE', count: 263 },
  { kind: 'INSURANCE_COMPANY', count: 100 },
  { kind: 'PROVIDENT_INSTITUTION', count: 25 },
] as const;
const NETWORKS = ['org-itelis', 'org-santeclair', 'org-kalixia', 'org-carte-blanche-partenaires'];
const VIAMEDIS = 'org-viamedis';
const ALMERYS = 'org-almerys';
const PLATFORM: Record<string, string> = { [VIAMEDIS]: 'sys-viamedis-tp-platform', [ALMERYS]: 'sys-almerys-tp-platform' };
const INSURED_CATEGORIES = ['cat-civil-status', 'cat-birth-date', 'cat-nir', 'cat-insurer-name', 'cat-guarantees', 'cat-contract-number', 'cat-member-number', 'cat-operator-reference'];
const SWITCH_DATES = ['2021-01-01', '2022-07-01', '2023-01-01', '2024-01-01'];

/** How an insurer uses the two operators of the graph. */
type Setup = 'VIAMEDIS' | 'ALMERYS' | 'BOTH' | 'SWITCH' | 'OTHER';

/** One generated insurer. */
export interface GeneratedInsurer {
  id: string;
  name: string;
  kind: string;
  people: number;
  setup: Setup;
  switchDate: string | null;
  file: string;
}

/** What `generateSyntheticFrance` wrote. */
export interface GeneratedFrance {
  dir: string;
  seedFile: string;
  insurers: GeneratedInsurer[];
  people: number;
  rows: number;
  contracts: number;
}


/**
 * Writes a synthetic France into `dir`: `insurers.json` (a seed dataset of 388 synthetic insurers
 * with their insured populations, operator partnerships and data flows) and one
 * `portfolio-<insurer>.csv` per insurer in the import format, `people` people in all. Sizes are
 * heavy-tailed (Pareto); about 20 of every 33 people sit with insurers served by Viamedis and 13
 * with Almerys, as docs/FACTS.md reports; some insurers use both, some switch from Viamedis to Almerys
 * on a date (the old operator's retention unknown, so their former data stays exposed); contracts
 * carry dependants; some people also hold a contract with a second insurer; some contracts have
 * ended (former clients). Everything is synthetic and the same seed gives the same files.
 */
export function generateSyntheticFrance(opts: { people: number; seed: number; dir: string }): GeneratedFrance {
  const rand = prng(opts.seed);
  fs.mkdirSync(opts.dir, { recursive: true });
  // Heavy-tailed market: Pareto(alpha 1.1) weights, normalised to the people asked for.
  const kinds = MARKET.flatMap((m) => Array.from({ length: m.count }, () => m.kind));
  const weights = kinds.map(() => 1 / Math.pow(1 - rand(), 1 / 1.1));
  const total = weights.reduce((s, w) => s + w, 0);
  const insurers: GeneratedInsurer[] = kinds.map((kind, i) => {
    const id = `org-syn-${String(i + 1).padStart(3, '0')}`;
    const r = rand();
    // About 84 insurers with Viamedis (docs/FACTS.md), fewer with Almerys, a few both or switching.
    const setup: Setup = r < 0.2 ? 'VIAMEDIS' : r < 0.33 ? 'ALMERYS' : r < 0.36 ? 'BOTH' : r < 0.39 ? 'SWITCH' : 'OTHER';
    return {
      id,
      name: `Synthetic ${kind.toLowerCase().replace(/_/g, ' ')} ${i + 1}`,
      kind,
      people: Math.max(1, Math.round((weights[i] / total) * opts.people)),
      setup,
      switchDate: setup === 'SWITCH' ? SWITCH_DATES[Math.floor(rand() * SWITCH_DATES.length)] : null,
      file: `portfolio-${id}.csv`,
    };
  });

  const organizations: SeedOrganization[] = insurers.map((ins) => ({
    id: ins.id, name: ins.name, roles: ['INSURER'], kind: ins.kind, description: 'SYNTHETIC insurer (npm run generate).', source: null, confidence: null,
  }));
  const populations: SeedPopulation[] = insurers.map((ins) => ({
    id: `pop-${ins.id}-insured`, name: `${ins.name} insured`, kind: 'INSURED', owner: ins.id, size: ins.people, sizeQualifier: 'EXACT',
    note: 'SYNTHETIC', source: null, confidence: null, synthetic: true,
  }));
  const partnerships: SeedPartnership[] = [];
  const dataFlows: SeedDataFlow[] = [];
  const link = (ins: GeneratedInsurer, operator: string, validFrom: string | null, validTo: string | null) => {
    const suffix = operator === VIAMEDIS ? 'viamedis' : 'almerys';
    partnerships.push({ id: `ps-${ins.id}-${suffix}`, insurer: ins.id, partner: operator, kind: 'TIERS_PAYANT', validFrom, validTo, note: 'SYNTHETIC', source: null, confidence: null });
    dataFlows.push({
      id: `flow-${ins.id}-${suffix}`, from: ins.id, to: PLATFORM[operator], population: `pop-${ins.id}-insured`, categories: INSURED_CATEGORIES,
      via: null, controller: ins.id, processor: operator, subProcessor: null, validFrom, validTo, retentionMonths: null, note: 'SYNTHETIC', source: null, confidence: null, synthetic: true,
    });
  };
  for (const ins of insurers) {
    if (ins.setup === 'VIAMEDIS' || ins.setup === 'BOTH') link(ins, VIAMEDIS, null, null);
    if (ins.setup === 'ALMERYS' || ins.setup === 'BOTH') link(ins, ALMERYS, null, null);
    if (ins.setup === 'SWITCH') {
      const before = new Date(Date.parse(ins.switchDate!) - 86_400_000).toISOString().slice(0, 10);
      link(ins, VIAMEDIS, null, before);
      link(ins, ALMERYS, ins.switchDate, null);
    }
  }
  const seed: SeedFile = {
    dataset: 'synthetic-france',
    synthetic: true,
    description: `SYNTHETIC France: ${insurers.length} insurers, ${opts.people} people, seed ${opts.seed} (npm run generate).`,
    organizations,
    partnerships,
    populations,
    dataFlows,
  };
  const seedFile = path.join(opts.dir, 'insurers.json');
  fs.writeFileSync(seedFile, JSON.stringify(seed, null, 1) + '\n');

  // People: households on one contract; a few people also hold a contract elsewhere.
  let person = 0;
  let rows = 0;
  let contracts = 0;
  const movers: string[] = [];
  for (const ins of insurers) {
    const lines: string[] = [PORTFOLIO_COLUMNS.join(',')];
    let placed = 0;
    let n = 0;
    while (placed < ins.people) {
      n += 1;
      contracts += 1;
      const household = Math.min(ins.people - placed, 1 + Math.floor(rand() * rand() * 4));
      const start = day(rand, '2010-01-01', '2024-06-30');
      const ended = rand() < 0.15;
      const end = ended ? day(rand, start < '2019-01-01' ? '2019-01-01' : start, '2024-12-31') : null;
      const operator =
        ins.setup === 'VIAMEDIS' ? VIAMEDIS
        : ins.setup === 'ALMERYS' ? ALMERYS
        : ins.setup === 'BOTH' ? (rand() < 0.5 ? VIAMEDIS : ALMERYS)
        : ins.setup === 'SWITCH' ? ((end ?? '9999') < ins.switchDate! ? VIAMEDIS : ALMERYS)
        : '';
      const network = operator === VIAMEDIS && rand() < 0.6 ? NETWORKS[Math.floor(rand() * NETWORKS.length)] : '';
      for (let h = 0; h < household; h++) {
        // One person in 30 is someone already insured elsewhere (a second contract).
        const key = h === 0 && movers.length > 0 && rand() < 1 / 30 ? movers.pop()! : `syn-fr-${opts.seed}-${++person}`;
        if (h === 0 && rand() < 0.02) movers.push(key);
        lines.push([`SYN-${ins.id.slice(8)}-${n}`, syntheticNir(key), h === 0 ? 'HOLDER' : 'DEPENDANT', 'Santé', operator, network, start, end ?? ''].join(','));
        rows += 1;
      }
      placed += household;
    }
    fs.writeFileSync(path.join(opts.dir, ins.file), lines.join('\n') + '\n');
  }
  return { dir: opts.dir, seedFile, insurers, people: person, rows, contracts };
}
