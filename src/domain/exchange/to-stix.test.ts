import { danglingRefs, stixErrors } from '../../../test/exchange/stix-2.1-conformance';
import { almerysLike, viamedisLike } from './export-record.fixture';
import { STIX_CONFIDENCE, stixId, toStixBundle } from './to-stix';

const bundle = (r = viamedisLike()) => toStixBundle(r) as any;
const ofType = (b: any, type: string) => b.objects.filter((o: any) => o.type === type);

test('both fixture bundles conform to the STIX 2.1 rules, with no dangling reference', () => {
  for (const b of [bundle(), bundle(almerysLike())]) {
    expect(stixErrors(b)).toEqual([]);
    expect(danglingRefs(b)).toEqual([]);
  }
});

test('the conformance check can fail: a missing name, a bad sector and a custom property without x_ are reported', () => {
  const b = bundle();
  delete ofType(b, 'incident')[0].name;
  ofType(b, 'identity')[0].sectors = ['health-insurance'];
  ofType(b, 'attack-pattern')[0].inferred = true;
  const errors = stixErrors(b).join('\n');
  expect(errors).toMatch(/name/);
  expect(errors).toMatch(/allowedValues/);
  expect(errors).toMatch(/propertyName/);
});

test('ids are deterministic UUIDv5 of our ids; timestamps are the first and last dated events', () => {
  const a = bundle();
  expect(JSON.stringify(bundle())).toBe(JSON.stringify(a));
  const incident = ofType(a, 'incident')[0];
  expect(incident.id).toBe(stixId('incident', 'breach-viamedis-2024', 'breach-viamedis-2024'));
  expect(incident.id).toMatch(/^incident--[0-9a-f]{8}-[0-9a-f]{4}-5/);
  for (const o of a.objects) expect([o.created, o.modified]).toEqual(['2024-01-22T00:00:00.000Z', '2024-02-09T00:00:00.000Z']);
  expect(bundle(almerysLike()).id).not.toBe(a.id);
});

test('attack-patterns carry the ATT&CK id, URL, kill-chain phases, confidence and the inferred flag; so do their "uses"', () => {
  const b = bundle();
  const patterns = ofType(b, 'attack-pattern');
  expect(patterns.map((p: any) => p.external_references[0].external_id)).toEqual(['T1598.003', 'T1078', 'T1213']);
  const t1213 = patterns[2];
  expect(t1213).toMatchObject({ name: 'Data from Information Repositories', confidence: STIX_CONFIDENCE.M, x_breach_impact_inferred: true, kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'collection' }] });
  expect(t1213.external_references[0]).toEqual({ source_name: 'mitre-attack', external_id: 'T1213', url: 'https://attack.mitre.org/techniques/T1213/' });
  expect(patterns[0].external_references[0].url).toBe('https://attack.mitre.org/techniques/T1598/003/');
  expect(patterns[0]).toMatchObject({ confidence: 85, x_breach_impact_inferred: false });
  const uses = ofType(b, 'relationship').filter((r: any) => r.relationship_type === 'uses');
  expect(uses.map((u: any) => [u.target_ref, u.confidence, u.x_breach_impact_inferred])).toEqual(patterns.map((p: any) => [p.id, p.confidence, p.x_breach_impact_inferred]));
});

test('identities: the operator targeted; insurers impacted only when readable, else said withheld', () => {
  const b = bundle();
  const names = ofType(b, 'identity').map((i: any) => i.name);
  expect(names).toEqual(['Viamedis', 'AMAE', 'La Mutuelle Générale']);
  const victim = ofType(b, 'identity')[0];
  expect(victim).toMatchObject({ identity_class: 'organization', sectors: ['insurance'], roles: ['operator'], x_breach_impact_organization_id: 'org-viamedis' });
  const impacts = ofType(b, 'relationship').filter((r: any) => r.relationship_type === 'impacts');
  expect(impacts.map((r: any) => r.x_breach_impact_bases)).toEqual([['ACTIVE'], ['RETAINED']]);
  const w = bundle(almerysLike());
  expect(ofType(w, 'identity').map((i: any) => i.name)).toEqual(['Almerys']);
  expect(ofType(w, 'incident')[0].x_breach_impact_insurers_withheld).toBe(true);
});

test('the incident keeps unknown dates unknown, figures with their caveats, and no null or empty list anywhere', () => {
  const b = bundle(almerysLike());
  const incident = ofType(b, 'incident')[0];
  expect(incident.x_breach_impact_key_dates).toEqual({ intrusion: { known: false }, detection: { known: false }, disclosure: { known: true, date: '2024-02-05' } });
  const cnil = ofType(bundle(), 'incident')[0].x_breach_impact_reported_figures[0];
  expect(cnil).toMatchObject({ value: 33_000_000, qualifier: 'MORE_THAN', shared_with_other_breaches: true, caveats: [{ text: 'duplicates are possible', source: 'fr.news.yahoo.com', confidence: 'M' }] });
  const walk = (x: unknown): void => {
    expect(x).not.toBeNull();
    if (Array.isArray(x)) {
      expect(x.length).toBeGreaterThan(0);
      x.forEach(walk);
    } else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  walk(bundle());
  walk(b);
});

test('the confidence scale is STIX 2.1’s None/Low/Med/High one', () => {
  expect(STIX_CONFIDENCE).toEqual({ H: 85, M: 50, L: 15 });
});
