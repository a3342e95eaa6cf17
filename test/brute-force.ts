import fs from 'node:fs';
import path from 'node:path';
import type { SeedFile } from '../src/domain/seed/seed-format';

/**
 * An independent, in-memory re-implementation of the impact rule over the seed files (no Cypher),
 * written from schema/MODEL.md, to cross-check what the API counts in the database.
 * It stays independent on purpose: it must not import the rule's owner (src/db/reach.ts, the
 * cypher/reach/ fragments), or a mistake there would be copied here and the cross-check could no
 * longer catch it. test/one-owner.test.ts leaves this file alone for that reason.
 */
const read = (f: string) => JSON.parse(fs.readFileSync(path.resolve(__dirname, '../seeds', f), 'utf8')) as SeedFile;
export const caseSeed = read('case-2024.json');
export const portfolio = read('synthetic-portfolio.json');

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Ancestors-or-self of a category. */
function lineageOf(id: string): string[] {
  const parent = new Map((caseSeed.dataCategories ?? []).map((c) => [c.id, c.parent]));
  const out = [id];
  for (let p = parent.get(id); p; p = parent.get(p)) out.push(p);
  return out;
}

/** Reference date of a breach: first intrusion/collection, else detection, else clients informed, else public disclosure. */
export function referenceDate(breachId: string): string {
  const b = caseSeed.breaches!.find((x) => x.id === breachId)!;
  const first = (kinds: string[]) => b.events.filter((e) => kinds.includes(e.kind) && e.date).map((e) => e.date!).sort()[0];
  return first(['INTRUSION', 'DATA_COLLECTED']) ?? first(['DETECTED']) ?? first(['CLIENTS_INFORMED']) ?? first(['DISCLOSED']);
}

/** The flows through which a breach reaches populations on date d, with their basis. */
export function qualifyingFlows(breachId: string, d = referenceDate(breachId)) {
  const b = caseSeed.breaches!.find((x) => x.id === breachId)!;
  const systems = new Set(b.compromised.map((c) => c.system));
  const operatorOf = new Map((caseSeed.systems ?? []).map((s) => [s.id, s.operator]));
  const popKind = new Map((caseSeed.populations ?? []).map((p) => [p.id, p.kind]));
  return (caseSeed.dataFlows ?? []).flatMap((f) => {
    if (!systems.has(f.to)) return [];
    if (f.validFrom && f.validFrom > d) return [];
    const active = !f.validTo || f.validTo >= d;
    const retained = !active && (f.retentionMonths === null || addMonths(f.validTo!, f.retentionMonths) >= d);
    if (!active && !retained) return [];
    const exposed = b.exposures
      .filter((x) => x.subjects === popKind.get(f.population) && (x.status === 'EXPOSED' || x.status === 'CLAIMED'))
      .map((x) => x.category)
      .filter((cat) => lineageOf(cat).some((a) => f.categories.includes(a)));
    if (exposed.length === 0) return [];
    return [{ flow: f, operator: operatorOf.get(f.to)!, basis: active ? 'ACTIVE' : 'RETAINED', exposed: [...new Set(exposed)] }];
  });
}

/** Contracts and distinct people a breach reaches, by the same rule as the API, in memory. */
export function affected(breachId: string, d = referenceDate(breachId)) {
  const flows = qualifyingFlows(breachId, d);
  const contracts = new Set<string>();
  const people = new Set<string>();
  const byInsurer = new Map<string, Set<string>>();
  // A population's cut-off (Alan: its insured up to 2024-01-26) leaves out contracts started later.
  const cutOffOf = new Map((caseSeed.populations ?? []).map((p) => [p.id, p.cutOff?.date ?? null]));
  for (const c of portfolio.contracts ?? []) {
    const hit = flows.some(({ flow: f, operator, basis }) => {
      if (f.population !== c.population) return false;
      const cutOff = cutOffOf.get(c.population) ?? null;
      if (cutOff !== null && c.startDate > cutOff) return false;
      if (c.operator && c.operator !== operator && basis !== 'RETAINED') return false;
      if (c.startDate > d) return false;
      if (f.validTo && c.startDate > f.validTo) return false;
      if (f.validFrom && c.endDate && c.endDate < f.validFrom) return false;
      return !c.endDate || c.endDate >= d || f.retentionMonths === null || addMonths(c.endDate, f.retentionMonths) >= d;
    });
    if (!hit) continue;
    contracts.add(c.id);
    for (const b of c.beneficiaries) people.add(b.key);
    byInsurer.set(c.insurer, (byInsurer.get(c.insurer) ?? new Set()).add(c.id));
  }
  return { contracts, people, byInsurer };
}
