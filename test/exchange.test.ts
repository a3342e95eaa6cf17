import { containsValidNir } from '../src/identity/nir';
import { Api, as, startApi } from './harness';
import { danglingRefs, stixErrors } from './exchange/stix-2.1-conformance';
import { verisErrors } from './exchange/veris-1.3.7-conformance';

/**
 * `breachExport` on the seeded case (#11 §8): both documents of both breaches hold the required
 * properties and vocabularies of the published VERIS 1.3.7 and STIX 2.1 schemas (our compact
 * conformance schemas, test/exchange/), map what the record states and nothing else, are the same
 * on every export, and follow the role policy of breach reads.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const VIAMEDIS = 'breach-viamedis-2024';
const ALMERYS = 'breach-almerys-2024';
const EXPORT = `query Export($id: ID!, $format: ExportFormat!) { breachExport(breachId: $id, format: $format) { breachId format schema mediaType document } }`;

async function exportOf(id: string, format: 'VERIS_1_3' | 'STIX_2_1', principal = as('ANALYST')): Promise<any> {
  const { data, errors } = await api.run(EXPORT, { id, format }, principal);
  expect(errors).toBeUndefined();
  expect(data.breachExport).toMatchObject({ breachId: id, format });
  return data.breachExport.document;
}

test.each([VIAMEDIS, ALMERYS])('%s: the VERIS record conforms to VERIS 1.3.7 (required properties, enumerations)', async (id) => {
  expect(verisErrors(await exportOf(id, 'VERIS_1_3'))).toEqual([]);
});

test.each([VIAMEDIS, ALMERYS])('%s: the STIX bundle conforms to STIX 2.1 (required properties, formats, vocabularies), with no dangling reference', async (id) => {
  const bundle = await exportOf(id, 'STIX_2_1');
  expect(stixErrors(bundle)).toEqual([]);
  expect(danglingRefs(bundle)).toEqual([]);
});

test('Viamedis in VERIS: dated timeline, phishing then stolen creds through a partner on a web application, data varieties as stated', async () => {
  const doc = await exportOf(VIAMEDIS, 'VERIS_1_3');
  expect(doc).toMatchObject({ incident_id: VIAMEDIS, schema_version: '1.3.7', security_incident: 'Confirmed', discovery_method: { unknown: true } });
  expect(doc.timeline.incident).toEqual({ year: 2024, month: 1, day: 22 });
  expect(doc.timeline.containment).toEqual({ unit: 'Days' }); // access cut 01-29 (H) vs 01-31 (M)
  expect(doc.action.social).toMatchObject({ variety: ['Phishing'], target: ['Partner'], vector: ['Unknown'] });
  expect(doc.action.hacking).toMatchObject({ variety: ['Use of stolen creds'], vector: ['Partner', 'Web application'] });
  expect(doc.asset.assets).toEqual([{ variety: 'S - Web application', amount: 2 }]);
  const c = doc.attribute.confidentiality;
  expect(c.data_disclosure).toBe('Yes');
  // NIR (Sensitive Personal); identity, contact, insurance references (Personal); professionals' RIB
  // (Bank) and viamedis.net login (Credentials); fewer than 50 medical-transport invoices (Medical).
  expect(c.data.map((d: any) => d.variety).sort()).toEqual(['Bank', 'Credentials', 'Medical', 'Personal', 'Sensitive Personal']);
  expect(c.data_victim.sort()).toEqual(['Customer', 'Partner']);
  // The CNIL's 33 million is one figure for both breaches, with a caveat of its own: never this breach's total.
  expect(c.data_total).toBeUndefined();
  expect(c.notes).toMatch(/more than 33,000,000 \(H, intrassi\.net; one figure for several breaches, not a per-breach total\); caveat: .*duplicates are possible.*\(M, fr\.news\.yahoo\.com\)/);
  expect(c.notes).toMatch(/INSURED Member number: SOME_INSURERS/);
  expect(c.notes).toMatch(/stated NOT exposed: .*INSURED Bank details/);
  expect(doc.victim).toMatchObject({ victim_id: 'Viamedis', industry: '524292', country: ['FR'], employee_count: 'Unknown' });
  expect(doc.reference).toContain('https://silicon.fr/hack-tiers-payant-33-millions-victimes-475744.html');
});

test('Almerys in VERIS: the unknown intrusion date stays unknown (year only, an upper bound); the FSPF claim is not data', async () => {
  const doc = await exportOf(ALMERYS, 'VERIS_1_3');
  expect(doc.timeline.incident).toEqual({ year: 2024 });
  expect(doc.timeline.discovery).toEqual({ unit: 'Unknown' });
  expect(doc.plus.breach_impact.timeline_basis.incident).toMatch(/intrusion date unknown/);
  const c = doc.attribute.confidentiality;
  expect(c.data.map((d: any) => d.variety)).not.toContain('Bank');
  expect(c.data_victim).toEqual(['Customer']);
  expect(c.notes).toMatch(/claimed, not confirmed: PROFESSIONAL .*Bank details.*\(L/);
});

test('STIX: ATT&CK techniques with their confidence and the inferred flag of T1213; the operator targeted', async () => {
  const bundle = await exportOf(VIAMEDIS, 'STIX_2_1');
  const patterns = bundle.objects.filter((o: any) => o.type === 'attack-pattern');
  expect(patterns.map((p: any) => [p.external_references[0].external_id, p.confidence, p.x_breach_impact_inferred])).toEqual([
    ['T1598.003', 85, false],
    ['T1078', 85, false],
    ['T1213', 50, true],
  ]);
  const incident = bundle.objects.find((o: any) => o.type === 'incident');
  expect(incident).toMatchObject({ created: '2024-01-22T00:00:00.000Z', x_breach_impact_breach_id: VIAMEDIS, x_breach_impact_ransomware: false });
  expect(incident.x_breach_impact_key_dates).toEqual({ intrusion: { known: true, date: '2024-01-22' }, detection: { known: true, date: '2024-01-29' }, disclosure: { known: true, date: '2024-02-01' } });
  const victim = bundle.objects.find((o: any) => o.type === 'identity' && o.x_breach_impact_organization_id === 'org-viamedis');
  expect(bundle.objects.some((o: any) => o.type === 'relationship' && o.relationship_type === 'targets' && o.source_ref === incident.id && o.target_ref === victim.id)).toBe(true);
});

test('insurers reached appear for a role that may read affectedInsurers, and are withheld from anonymous callers', async () => {
  const analyst = await exportOf(VIAMEDIS, 'STIX_2_1');
  const insurers = analyst.objects.filter((o: any) => o.type === 'identity' && o.x_breach_impact_organization_id !== 'org-viamedis').map((o: any) => o.x_breach_impact_organization_id);
  // README "Through Viamedis, through Almerys, or both": every insurer listed for Viamedis is here.
  expect(insurers).toEqual(expect.arrayContaining(['org-aesio', 'org-la-mutuelle-generale', 'org-mutuelle-mieux-etre', 'org-viasante', 'org-amae', 'org-ca-assurances', 'org-malakoff-humanis', 'org-mutaero']));
  const veris = await exportOf(VIAMEDIS, 'VERIS_1_3');
  expect(veris.victim.secondary.amount).toBe(insurers.length);
  const anonymous = await exportOf(VIAMEDIS, 'STIX_2_1', { kind: 'anonymous' });
  expect(anonymous.objects.filter((o: any) => o.type === 'identity').map((o: any) => o.name)).toEqual(['Viamedis']);
  expect(anonymous.objects.find((o: any) => o.type === 'incident').x_breach_impact_insurers_withheld).toBe(true);
  expect((await exportOf(VIAMEDIS, 'VERIS_1_3', { kind: 'anonymous' })).victim.secondary).toBeUndefined();
  // An insurer sees itself only, as in affectedInsurers.
  const lmg = await exportOf(ALMERYS, 'STIX_2_1', as('INSURER', 'org-la-mutuelle-generale'));
  expect(lmg.objects.filter((o: any) => o.type === 'identity').map((o: any) => o.x_breach_impact_organization_id)).toEqual(['org-almerys', 'org-la-mutuelle-generale']);
});

test('a re-export gives the same documents (deterministic ids, timestamps from the record)', async () => {
  for (const format of ['VERIS_1_3', 'STIX_2_1'] as const) {
    expect(JSON.stringify(await exportOf(ALMERYS, format))).toBe(JSON.stringify(await exportOf(ALMERYS, format)));
  }
});

test('no personal data and no count of people from the portfolio in any export', async () => {
  for (const id of [VIAMEDIS, ALMERYS]) {
    for (const format of ['VERIS_1_3', 'STIX_2_1'] as const) {
      const text = JSON.stringify(await exportOf(id, format, as('INSURER', 'org-la-mutuelle-generale')));
      expect(containsValidNir(text.replace(/[^0-9AB]+/g, ' '))).toBe(false);
      expect(text).not.toMatch(/"(people|contracts|beneficiar\w*|pseudonym\w*)"\s*:/i);
    }
  }
});

test('an unknown breach is NOT_FOUND; a bad format is refused by the schema', async () => {
  const missing = await api.run(EXPORT, { id: 'breach-nope', format: 'VERIS_1_3' });
  expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const bad = await api.run(EXPORT, { id: VIAMEDIS, format: 'STIX_2_0' });
  expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});
