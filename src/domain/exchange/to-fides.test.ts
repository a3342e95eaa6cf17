import { fidesErrors } from '../../../test/exchange/fideslang-3-dataset-conformance';
import { viamedisFlows } from './lineage-record.fixture';
import { toFidesManifest } from './to-fides';

const manifest = () => toFidesManifest(viamedisFlows()) as any;
const datasetOf = (key: string) => manifest().dataset.find((d: any) => d.fides_key === key);

test('the manifest conforms to fideslang’s Dataset model (our transcription) and names only default-taxonomy categories', () => {
  expect(fidesErrors(manifest())).toEqual([]);
});

test('the conformance check can fail: a missing fields list, a key with a space, an invented category, a repeated field', () => {
  const m = manifest();
  delete m.dataset[0].collections[0].fields;
  expect(fidesErrors(m).join('\n')).toMatch(/fields/);
  const spaced = manifest();
  spaced.dataset[0].fides_key = 'breach impact';
  expect(fidesErrors(spaced).join('\n')).toMatch(/pattern/);
  const invented = manifest();
  invented.dataset[0].collections[0].fields[0].data_categories = ['user.government_id.nir'];
  expect(fidesErrors(invented).join('\n')).toMatch(/user\.government_id\.nir is not a category/);
  const twice = manifest();
  const fields = twice.dataset[0].collections[0].fields;
  fields.push({ ...fields[0] });
  expect(fidesErrors(twice).join('\n')).toMatch(/repeated/);
});

test('one dataset per holder, one collection per population, one field per category with its fideslang key', () => {
  const m = manifest();
  expect(m.dataset.map((d: any) => d.fides_key)).toEqual([
    'breach_impact_org-amae',
    'breach_impact_org-itelis',
    'breach_impact_org-la-mutuelle-generale',
    'breach_impact_org-roederer',
    'breach_impact_sys-viamedis-pro-portal',
    'breach_impact_sys-viamedis-tp-platform',
  ]);
  const platform = datasetOf('breach_impact_sys-viamedis-tp-platform');
  expect(platform.collections.map((c: any) => c.name)).toEqual(['pop-amae-insured', 'pop-lmg-insured', 'pop-roederer-clients', 'pop-viamedis-professionals']);
  expect(platform.collections[0].fields).toEqual([
    { name: 'cat-civil-status', description: 'Civil status (last and first name) (fideslang: user.name)', data_categories: ['user.name'] },
    { name: 'cat-insurer-name', description: 'Insurer name (no fideslang equivalent)', data_categories: [] },
    { name: 'cat-nir', description: 'Social security number (NIR) (fideslang: user.government_id.national_identification_number)', data_categories: ['user.government_id.national_identification_number'] },
  ]);
});

test('a category without a fideslang key is listed as unmapped, never given a guessed category', () => {
  const platform = datasetOf('breach_impact_sys-viamedis-tp-platform');
  expect(platform.meta.unmapped_categories).toEqual([
    { id: 'cat-insurer-name', name: 'Insurer name', fideslang: 'no fideslang equivalent' },
    { id: 'cat-network-membership', name: 'Care-network membership', fideslang: 'no fideslang equivalent' },
  ]);
  const all = manifest().dataset.flatMap((d: any) => d.collections.flatMap((c: any) => c.fields));
  expect(all.filter((f: any) => f.data_categories.length === 0).map((f: any) => f.name).sort()).toEqual(['cat-insurer-name', 'cat-insurer-name', 'cat-insurer-name', 'cat-insurer-name', 'cat-insurer-name', 'cat-insurer-name', 'cat-network-membership', 'cat-network-membership']);
});

test('flows, GDPR roles, windows, retention and sources are in meta, with null as unknown', () => {
  const flows = datasetOf('breach_impact_sys-viamedis-tp-platform').meta.data_flows;
  expect(flows.map((f: any) => [f.id, f.direction])).toEqual([
    ['flow-amae-viamedis', 'IN'],
    ['flow-itelis-viamedis-membership', 'IN'],
    ['flow-lmg-viamedis', 'IN'],
    ['flow-roederer-viamedis', 'IN'],
    ['flow-viamedis-professionals', 'IN'],
  ]);
  expect(flows[2]).toMatchObject({ controller: { id: 'org-la-mutuelle-generale' }, processor: { id: 'org-viamedis' }, valid_to: '2023-12-31', retention_months: 14, held_until: '2025-02-28', confidence: 'H' });
  expect(flows[3]).toMatchObject({ controller: null, intermediary: { id: 'org-roederer', kind: 'BROKER' }, retention_months: null, held_until: null });
  expect(datasetOf('breach_impact_org-amae').meta.data_flows).toEqual([expect.objectContaining({ id: 'flow-amae-viamedis', direction: 'OUT' })]);
});
