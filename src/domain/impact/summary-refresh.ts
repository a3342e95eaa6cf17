import { cypher } from '../../db/cypher-files';
import { Executor, newRoundTripCounter, RoundTripCounter, Step } from '../../db/executor';
import { requestDb } from '../../db/request-db';
import { listBreaches } from '../breach/breach.repository';
import { contractAggregatesSweep } from './contract-aggregates-sweep';
import { impactKey, impactPaths } from './impact.repository';
import type { ContractAggregatesRow, TenantAggregatesRow } from './impact.rows';

const Q = {
  save: cypher('impact/save-summary'),
  orphans: cypher('impact/delete-orphan-summaries'),
  dropSlices: cypher('impact/delete-insurer-summaries'),
  saveSlices: cypher('impact/save-insurer-summaries'),
};

/** Insurer slices per UNWIND statement: a few statements for ~400 insurers × a few breaches, each small enough to stay well inside one transaction's memory. */
const SLICE_BATCH = 500;

/** An insurer's slice as the row a tenant-scoped live count returns (its byInsurer holds only itself). */
function sliceRow(key: string, t: TenantAggregatesRow): ContractAggregatesRow {
  return {
    key,
    people: t.people,
    contracts: t.contracts,
    byInsurer: [{ id: t.id, people: t.people, contracts: t.contracts }],
    byOperator: t.byOperator,
    byNetwork: t.byNetwork,
    byCategory: t.byCategory,
  };
}

/**
 * Recomputes every breach's summary (contract-level totals on its default reference date, all
 * tenants) and every insurer's own slice of it, and stores them. Called after every write that
 * can change them (seed load, breach registration, portfolio import), so reads never count
 * people: the cost moves to the write, and the numbers are exact because they are recomputed
 * whole, never patched. Returns the number of breach summaries written.
 *
 * The counting reads the people in chunks (contractAggregatesSweep), so a national breach never
 * has to fit in one statement's memory; the chunks are separate reads, and a write that lands
 * between two of them is counted by the refresh that write runs itself. `onSwept` hears how many
 * people have been counted so far, for a progress bar.
 *
 * Everything lands in one write transaction: the summaries first (their MERGE locks make a
 * concurrent refresh wait, so two refreshes cannot interleave their slice deletes and writes),
 * then every old slice is deleted and the new ones written, so a stale slice never survives and a
 * reader never sees a summary without the slices computed with it.
 */
export async function refreshImpactSummaries(executor: Executor, counter?: RoundTripCounter, onSwept?: (people: number) => void): Promise<number> {
  // Sized by the data, not by a caller: no request timeout (see Executor.admin).
  const db = requestDb(executor.admin(), counter ?? newRoundTripCounter());
  const breaches = await listBreaches(db);
  const answers = await impactPaths(db, breaches.map((b) => ({ breachId: b.id, asOf: null })), null);
  const requests = answers.flatMap((a) => (a.referenceDate ? [{ key: impactKey(a), breachId: a.breachId, referenceDate: a.referenceDate, paths: a.paths }] : []));
  const rows = requests.length > 0 ? await contractAggregatesSweep(db, requests, { onChunk: onSwept }) : [];
  const byKey = new Map(requests.map((r) => [r.key, r]));
  const answerOf = new Map(answers.map((a) => [a.breachId, a]));
  const summaries: Step[] = [];
  const slices: Array<{ breachId: string; insurerId: string; referenceDate: string; aggregates: string }> = [];
  for (const { tenants, ...row } of rows) {
    const { breachId, referenceDate } = byKey.get(row.key)!;
    summaries.push({
      query: Q.save,
      params: { breachId, referenceDate, paths: JSON.stringify(answerOf.get(breachId)), aggregates: JSON.stringify(row), insurerSlices: tenants.length },
    });
    for (const t of tenants) slices.push({ breachId, insurerId: t.id, referenceDate, aggregates: JSON.stringify(sliceRow(row.key, t)) });
  }
  const sliceSteps: Step[] = [];
  for (let i = 0; i < slices.length; i += SLICE_BATCH) sliceSteps.push({ query: Q.saveSlices, params: { slices: slices.slice(i, i + SLICE_BATCH) } });
  await db.writeAll([...summaries, { query: Q.dropSlices, params: {} }, ...sliceSteps, { query: Q.orphans, params: { keep: requests.map((r) => r.breachId) } }]);
  return summaries.length;
}
