import fs from 'node:fs';
import path from 'node:path';
import { eventKind, openLineageErrors } from '../../../test/exchange/openlineage-2-conformance';
import { viamedisFlows } from './lineage-record.fixture';
import { CUSTOM_FACETS_SCHEMA, describeFlow, FACET_SCHEMA_URLS, LINEAGE_NAMESPACE, toOpenLineageEvents } from './to-openlineage';

const AT = '2026-12-03T10:00:00.000Z';
const events = () => toOpenLineageEvents(viamedisFlows(), AT) as any[];
const job = (name: string) => events().find((e) => e.job?.name === name);
const dataset = (name: string) => events().find((e) => e.dataset?.name === name);

test('every event of the fixture conforms to OpenLineage 2-0-2, and every facet to the schema its _schemaURL names', () => {
  const all = events();
  expect(all.length).toBe(9 + 5); // nine held data sets, five flows
  for (const e of all) expect(openLineageErrors(e)).toEqual([]);
  expect(all.map(eventKind)).toEqual([...Array(9).fill('DatasetEvent'), ...Array(5).fill('JobEvent')]);
});

test('the conformance check can fail: a run-less RunEvent, a bad date-time, a facet without _producer, an unknown facet schema, a bad custom facet', () => {
  const e = job('flow-amae-viamedis');
  expect(openLineageErrors({ ...e, schemaURL: e.schemaURL.replace('JobEvent', 'RunEvent'), eventType: 'COMPLETE' }).join('\n')).toMatch(/RunEvent.*required/);
  expect(openLineageErrors({ ...e, eventTime: '3 Dec 2026' }).join('\n')).toMatch(/date-time/);
  const noProducer = structuredClone(e);
  delete noProducer.job.facets.documentation._producer;
  expect(openLineageErrors(noProducer).join('\n')).toMatch(/job\.facets\.documentation.*_producer/);
  const unknown = structuredClone(e);
  unknown.job.facets.ownership._schemaURL = 'https://example.org/Nothing.json';
  expect(openLineageErrors(unknown).join('\n')).toMatch(/names no vendored schema/);
  const badRoles = structuredClone(e);
  badRoles.job.facets.breachImpact_gdprRoles.controller = 'AMAE';
  badRoles.job.facets.breachImpact_validity.retentionMonths = -1;
  const errors = openLineageErrors(badRoles).join('\n');
  expect(errors).toMatch(/breachImpact_gdprRoles\/controller/);
  expect(errors).toMatch(/breachImpact_validity\/retentionMonths/);
  const both = { ...e, run: { runId: '0d6a3c8e-3f0c-4b8a-9d52-1d7a1f0c2b11' } };
  expect(openLineageErrors(both)).not.toEqual([]);
});

test('a flow is a JobEvent reading the data set at its source and writing the one at its target, with its GDPR roles, window and retention', () => {
  const lmg = job('flow-lmg-viamedis');
  expect(lmg.job.namespace).toBe(LINEAGE_NAMESPACE);
  expect(lmg.inputs).toEqual([{ namespace: LINEAGE_NAMESPACE, name: 'org-la-mutuelle-generale/pop-lmg-insured' }]);
  expect(lmg.outputs).toEqual([{ namespace: LINEAGE_NAMESPACE, name: 'sys-viamedis-tp-platform/pop-lmg-insured' }]);
  const f = lmg.job.facets;
  expect(f.breachImpact_gdprRoles).toMatchObject({
    controller: { id: 'org-la-mutuelle-generale', name: 'La Mutuelle Générale', kind: 'MUTUELLE' },
    processor: { id: 'org-viamedis' },
    subProcessor: null,
    intermediary: null,
  });
  expect(f.breachImpact_validity).toMatchObject({ validFrom: '2019-01-01', validTo: '2023-12-31', retentionMonths: 14, heldUntil: '2025-02-28' });
  expect(f.ownership.owners).toEqual([
    { name: 'organization:org-la-mutuelle-generale', type: 'CONTROLLER' },
    { name: 'organization:org-viamedis', type: 'PROCESSOR' },
  ]);
  expect(f.breachImpact_provenance).toMatchObject({ source: 'silicon.fr/tiers-payant-cyberattaque-viamedis-almerys-475767.html', sourceUrl: 'https://silicon.fr/tiers-payant-cyberattaque-viamedis-almerys-475767.html', confidence: 'H' });
  expect(f.documentation.description).toMatch(/^La Mutuelle Générale sends 3 data categories about La Mutuelle Générale insured to Viamedis tiers-payant management platform \(run by Viamedis\)\. Controller: La Mutuelle Générale; processor: Viamedis\. Valid from 2019-01-01 to 2023-12-31; retention 14 months after the end\./);
});

test('a broker’s clients: the controller stays unknown (null), never filled in; the broker is the intermediary', () => {
  const f = job('flow-roederer-viamedis').job.facets;
  expect(f.breachImpact_gdprRoles.controller).toBeNull();
  expect(f.breachImpact_gdprRoles.intermediary).toEqual({ id: 'org-roederer', name: 'Roederer', kind: 'BROKER' });
  expect(f.ownership.owners.map((o: any) => o.type)).toEqual(['PROCESSOR', 'INTERMEDIARY']);
  expect(describeFlow(viamedisFlows(), viamedisFlows().flows[1])).toMatch(/through Roederer \(BROKER\)\. Controller: not named by the record \(unknown\)/);
  expect(f.breachImpact_validity).toEqual(expect.objectContaining({ validFrom: null, validTo: null, retentionMonths: null, heldUntil: null }));
  expect(job('flow-itelis-viamedis-membership').job.facets.documentation.description).toMatch(/^Itelis sends 1 data category about Viamedis professionals to /);
});

test('categories: the flow’s own in its facet, with fideslang keys or “no fideslang equivalent”; the data set’s schema is the union, tagged the same way', () => {
  expect(job('flow-amae-viamedis').job.facets.breachImpact_dataCategories.categories).toEqual([
    { id: 'cat-civil-status', name: 'Civil status (last and first name)', fideslangKey: 'user.name', fideslang: 'fideslang: user.name' },
    { id: 'cat-insurer-name', name: 'Insurer name', fideslangKey: null, fideslang: 'no fideslang equivalent' },
    { id: 'cat-nir', name: 'Social security number (NIR)', fideslangKey: 'user.government_id.national_identification_number', fideslang: 'fideslang: user.government_id.national_identification_number' },
  ]);
  const pros = dataset('sys-viamedis-tp-platform/pop-viamedis-professionals').dataset.facets;
  expect(pros.schema.fields.map((f: any) => f.name)).toEqual(['cat-bank-details', 'cat-civil-status', 'cat-network-membership']);
  expect(pros.schema.fields[2].description).toBe('Care-network membership (no fideslang equivalent)');
  expect(pros.tags.tags[2]).toEqual({ key: 'fideslang', value: 'none: no fideslang equivalent', source: 'breach-impact catalogue', field: 'cat-network-membership' });
  // Controllers of both flows in, and the processor keeping the data for them.
  expect(pros.ownership.owners).toEqual([
    { name: 'organization:org-itelis', type: 'CONTROLLER' },
    { name: 'organization:org-viamedis', type: 'CONTROLLER' },
    { name: 'organization:org-viamedis', type: 'PROCESSOR' },
  ]);
  expect(pros.breachImpact_population).toMatchObject({ population: { id: 'pop-viamedis-professionals', kind: 'PROFESSIONAL', owner: { id: 'org-viamedis' } }, holder: { kind: 'SYSTEM', operator: { id: 'org-viamedis' } } });
});

test('custom facets carry _producer and a _schemaURL into schema/openlineage-facets.json, which defines each of them', () => {
  const custom = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../schema/openlineage-facets.json'), 'utf8'));
  expect(custom.$id).toBe(CUSTOM_FACETS_SCHEMA);
  for (const url of Object.values(FACET_SCHEMA_URLS).filter((u) => u.startsWith(CUSTOM_FACETS_SCHEMA))) {
    expect(custom.$defs[url.split('#/$defs/')[1]]).toBeDefined();
  }
  for (const e of events()) {
    for (const [name, f] of Object.entries<any>(e.job?.facets ?? e.dataset.facets)) {
      expect(f._producer).toMatch(/^https:\/\//);
      if (name.startsWith('breachImpact_')) expect(f._schemaURL.startsWith(`${CUSTOM_FACETS_SCHEMA}#/$defs/`)).toBe(true);
    }
  }
});

test('the same record gives the same events, at the time given', () => {
  expect(JSON.stringify(events())).toBe(JSON.stringify(events()));
  expect(new Set(events().map((e) => e.eventTime))).toEqual(new Set([AT]));
});
