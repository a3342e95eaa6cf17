import { dataSetKey, heldDataSets, heldUntil, holderOf } from './lineage-record';
import { viamedisFlows } from './lineage-record.fixture';

test('held data sets: one per holder × population, flows into and out of each, categories as the union of what they carry', () => {
  const sets = heldDataSets(viamedisFlows());
  expect(sets.map((s) => s.key)).toEqual([
    'org-amae/pop-amae-insured',
    'org-itelis/pop-viamedis-professionals',
    'org-la-mutuelle-generale/pop-lmg-insured',
    'org-roederer/pop-roederer-clients',
    'sys-viamedis-pro-portal/pop-viamedis-professionals',
    'sys-viamedis-tp-platform/pop-amae-insured',
    'sys-viamedis-tp-platform/pop-lmg-insured',
    'sys-viamedis-tp-platform/pop-roederer-clients',
    'sys-viamedis-tp-platform/pop-viamedis-professionals',
  ]);
  // The portal's flow and Itelis's membership flow write the same data set: they meet there.
  const pros = sets.find((s) => s.key === 'sys-viamedis-tp-platform/pop-viamedis-professionals')!;
  expect(pros.inFlowIds.sort()).toEqual(['flow-itelis-viamedis-membership', 'flow-viamedis-professionals']);
  expect(pros.outFlowIds).toEqual([]);
  expect(pros.categoryIds).toEqual(['cat-bank-details', 'cat-civil-status', 'cat-network-membership']);
  expect(pros.holder).toMatchObject({ kind: 'SYSTEM', operator: { id: 'org-viamedis' } });
  expect(sets.find((s) => s.key === 'org-amae/pop-amae-insured')).toMatchObject({ inFlowIds: [], outFlowIds: ['flow-amae-viamedis'], holder: { kind: 'ORGANIZATION', operator: null } });
});

test('holderOf and dataSetKey: a system id is a system, anything else an organisation; a missing row is a bug, not a silent gap', () => {
  const r = viamedisFlows();
  expect(holderOf(r, 'sys-viamedis-pro-portal').kind).toBe('SYSTEM');
  expect(holderOf(r, 'org-amae')).toEqual({ id: 'org-amae', name: 'AMAE', kind: 'ORGANIZATION', operator: null });
  expect(() => holderOf(r, 'org-nobody')).toThrow(/organization org-nobody is missing/);
  expect(dataSetKey(r.flows[0], 'source')).toBe('org-amae/pop-amae-insured');
  expect(dataSetKey(r.flows[0], 'target')).toBe('sys-viamedis-tp-platform/pop-amae-insured');
});

test('heldUntil: the end plus the retention, clamped to the month; unknown when either is unknown', () => {
  expect(heldUntil('2023-12-31', 14)).toBe('2025-02-28');
  expect(heldUntil('2024-01-31', 1)).toBe('2024-02-29');
  expect(heldUntil('2023-06-15', 0)).toBe('2023-06-15');
  expect(heldUntil(null, 12)).toBeNull();
  expect(heldUntil('2023-12-31', null)).toBeNull();
});
