import fs from 'node:fs';
import path from 'node:path';
import { Api, as, startApi } from './harness';
import { fidesErrors } from './exchange/fideslang-3-dataset-conformance';
import { eventKind, openLineageErrors } from './exchange/openlineage-2-conformance';

/**
 * `lineageExport` on the seeded graph (#14 §5): every OpenLineage event conforms to the published
 * OpenLineage 2-0-2 schema (vendored in test/exchange/openlineage-2-0-2) and every facet to the
 * schema its _schemaURL names; the Fides manifest to fideslang's Dataset model and default
 * taxonomy (test/exchange/fideslang-3-dataset-conformance.ts); both say what the seeds state, and
 * an insurer gets only its own flows.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const EXPORT = `query LineageExport($format: LineageFormat!) { lineageExport(format: $format) { format schema mediaType flowCount documents categories { id name fideslangKey fideslang } } }`;
const seed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../seeds/case-2024.json'), 'utf8'));

async function exportOf(format: 'OPENLINEAGE' | 'FIDES', principal = as('ANALYST')): Promise<any> {
  const { data, errors } = await api.run(EXPORT, { format }, principal);
  expect(errors).toBeUndefined();
  expect(data.lineageExport.format).toBe(format);
  return data.lineageExport;
}

test('OPENLINEAGE: every event of the seeded graph conforms to OpenLineage 2-0-2, every facet to its schema', async () => {
  const { documents, flowCount, mediaType } = await exportOf('OPENLINEAGE');
  expect(mediaType).toBe('application/json');
  const failures = documents.map((e: any) => ({ name: e.job?.name ?? e.dataset?.name, errors: openLineageErrors(e) })).filter((f: any) => f.errors.length > 0);
  expect(failures).toEqual([]);
  const jobs = documents.filter((e: any) => eventKind(e) === 'JobEvent');
  expect(jobs.length).toBe(flowCount);
  // Every seeded flow is there, as a job of its own.
  expect(jobs.map((e: any) => e.job.name)).toEqual(expect.arrayContaining(seed.dataFlows.map((f: any) => f.id)));
  // Datasets first, then jobs: a consumer has met every data set before a job names it.
  const firstJob = documents.findIndex((e: any) => eventKind(e) === 'JobEvent');
  expect(documents.slice(firstJob).every((e: any) => eventKind(e) === 'JobEvent')).toBe(true);
  const declared = new Set(documents.slice(0, firstJob).map((e: any) => `${e.dataset.namespace}/${e.dataset.name}`));
  const named = jobs.flatMap((e: any) => [...e.inputs, ...e.outputs].map((d: any) => `${d.namespace}/${d.name}`));
  expect(named.filter((n: string) => !declared.has(n))).toEqual([]);
  expect(declared.size).toBe(new Set(named).size);
});

test('OPENLINEAGE: each seeded flow’s roles, window, retention, categories and source are the seed’s', async () => {
  const { documents } = await exportOf('OPENLINEAGE');
  const jobs = new Map(documents.filter((e: any) => e.job).map((e: any) => [e.job.name, e]));
  for (const f of seed.dataFlows) {
    const e: any = jobs.get(f.id);
    const facets = e.job.facets;
    expect([f.id, e.inputs[0].name, e.outputs[0].name]).toEqual([f.id, `${f.from}/${f.population}`, `${f.to}/${f.population}`]);
    const roles = facets.breachImpact_gdprRoles;
    expect([f.id, roles.controller?.id ?? null, roles.processor?.id ?? null, roles.subProcessor?.id ?? null, roles.intermediary?.id ?? null]).toEqual([f.id, f.controller, f.processor, f.subProcessor, f.via]);
    expect(facets.breachImpact_validity).toMatchObject({ validFrom: f.validFrom, validTo: f.validTo, retentionMonths: f.retentionMonths });
    expect(facets.breachImpact_dataCategories.categories.map((c: any) => c.id)).toEqual([...f.categories].sort());
    expect(facets.breachImpact_provenance).toMatchObject({ source: f.source, confidence: f.confidence });
  }
  const lmg: any = jobs.get('flow-lmg-viamedis');
  expect(lmg.job.facets.documentation.description).toMatch(/to 2023-12-31; retention unknown/);
  const roederer: any = jobs.get('flow-roederer-viamedis');
  expect(roederer.job.facets.breachImpact_gdprRoles).toMatchObject({ controller: null, intermediary: { id: 'org-roederer', kind: 'BROKER' } });
  const itelis: any = jobs.get('flow-itelis-viamedis-membership');
  expect(itelis.job.facets.breachImpact_gdprRoles.controller).toMatchObject({ id: 'org-itelis', kind: 'CARE_NETWORK' });
});

test('FIDES: the manifest conforms to fideslang’s Dataset model and default taxonomy; every field’s category is the catalogue’s key, or none and said so', async () => {
  const { documents, categories } = await exportOf('FIDES');
  expect(documents).toHaveLength(1);
  expect(fidesErrors(documents[0])).toEqual([]);
  const keyOf = new Map(seed.dataCategories.map((c: any) => [c.id, c.fideslangKey]));
  for (const c of categories) expect([c.id, c.fideslangKey, c.fideslang]).toEqual([c.id, keyOf.get(c.id), keyOf.get(c.id) ? `fideslang: ${keyOf.get(c.id)}` : 'no fideslang equivalent']);
  const platform = documents[0].dataset.find((d: any) => d.fides_key === 'breach_impact_sys-viamedis-tp-platform');
  const amae = platform.collections.find((c: any) => c.name === 'pop-amae-insured');
  for (const field of amae.fields) expect([field.name, field.data_categories]).toEqual([field.name, keyOf.get(field.name) ? [keyOf.get(field.name)] : []]);
  expect(amae.fields.find((f: any) => f.name === 'cat-insurer-name').description).toMatch(/no fideslang equivalent/);
  expect(platform.meta.unmapped_categories.map((c: any) => c.id)).toEqual(expect.arrayContaining(['cat-insurer-name', 'cat-guarantees']));
  expect(platform.meta.data_flows.find((f: any) => f.id === 'flow-lmg-viamedis')).toMatchObject({ direction: 'IN', valid_to: '2023-12-31', retention_months: null, controller: { id: 'org-la-mutuelle-generale' } });
});

test('an insurer exports only the flows it controls; a broker’s flow, whose controller is unknown, is no insurer’s', async () => {
  const insurer = as('INSURER', 'org-amae');
  const ol = await exportOf('OPENLINEAGE', insurer);
  expect(ol.flowCount).toBe(1);
  expect(ol.documents.filter((e: any) => e.job).map((e: any) => e.job.name)).toEqual(['flow-amae-viamedis']);
  expect(ol.documents.filter((e: any) => e.dataset).map((e: any) => e.dataset.name)).toEqual(['org-amae/pop-amae-insured', 'sys-viamedis-tp-platform/pop-amae-insured']);
  for (const e of ol.documents) expect(openLineageErrors(e)).toEqual([]);
  const fides = await exportOf('FIDES', insurer);
  expect(fides.documents[0].dataset.flatMap((d: any) => d.meta.data_flows.map((f: any) => f.id))).toEqual(['flow-amae-viamedis', 'flow-amae-viamedis']);
  expect(fidesErrors(fides.documents[0])).toEqual([]);
});

test('anonymous callers get UNAUTHENTICATED, as for lineage', async () => {
  const { data, errors } = await api.run(EXPORT, { format: 'FIDES' }, { kind: 'anonymous' });
  expect(data).toBeNull();
  expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});
