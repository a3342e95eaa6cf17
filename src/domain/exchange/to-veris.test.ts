import fs from 'node:fs';
import path from 'node:path';
import { isAppError } from '../../errors/app-error';
import { VERIS_1_3_7_CONFORMANCE, verisErrors } from '../../../test/exchange/veris-1.3.7-conformance';
import { almerysLike, viamedisLike } from './export-record.fixture';
import { honestDataTotal, toVeris } from './to-veris';
import { ACTION_BY_TECHNIQUE, ASSET_VARIETY_BY_SYSTEM_KIND, DATA_VARIETY_BY_CATEGORY, DATA_VICTIM_BY_SUBJECTS, durationUnit } from './veris-mapping';

const v = (r = viamedisLike()) => toVeris(r) as any;

test('both fixture records conform to the VERIS 1.3.7 required properties and enumerations', () => {
  expect(verisErrors(v())).toEqual([]);
  expect(verisErrors(v(almerysLike()))).toEqual([]);
});

test('the conformance check can fail: a missing required property and an out-of-vocabulary value are reported', () => {
  const { summary: _summary, ...noSummary } = v();
  expect(verisErrors(noSummary).join()).toMatch(/summary/);
  const bad = v();
  bad.action.social.variety = ['Spear phishing'];
  expect(verisErrors(bad).join()).toMatch(/allowedValues/);
});

test('every mapping table value is in the published enumeration', () => {
  const p = VERIS_1_3_7_CONFORMANCE.properties as any;
  const dataVarieties = p.attribute.properties.confidentiality.properties.data.items.properties.variety.enum;
  for (const value of Object.values(DATA_VARIETY_BY_CATEGORY)) expect(dataVarieties).toContain(value);
  for (const value of Object.values(DATA_VICTIM_BY_SUBJECTS)) expect(p.attribute.properties.confidentiality.properties.data_victim.items.enum).toContain(value);
  for (const value of Object.values(ASSET_VARIETY_BY_SYSTEM_KIND)) expect(p.asset.properties.assets.items.properties.variety.enum).toContain(value);
  for (const a of Object.values(ACTION_BY_TECHNIQUE)) {
    if (a.variety) expect(p.action.properties[a.action].properties.variety.items.enum).toContain(a.variety);
    if (a.result) expect(p.action.properties[a.action].properties.result.items.enum).toContain(a.result);
  }
  for (const d of [1, 10, 100, 1000]) expect(p.timeline.properties.discovery.properties.unit.enum).toContain(durationUnit(d));
});

test('every leaf data category of the seeds has a VERIS data variety (no silent "Other")', () => {
  const seed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../seeds/case-2024.json'), 'utf8'));
  const parents = new Set(seed.dataCategories.map((c: any) => c.parent).filter(Boolean));
  const leaves = seed.dataCategories.map((c: any) => c.id).filter((id: string) => !parents.has(id));
  expect(leaves.filter((id: string) => !DATA_VARIETY_BY_CATEGORY[id])).toEqual([]);
});

test('timeline: the dated intrusion at day precision; durations only as far as the record supports', () => {
  const doc = v();
  expect(doc.timeline.incident).toEqual({ year: 2024, month: 1, day: 22 });
  // Compromise may predate the first dated collection: time to discovery is unknown, at least 7 days.
  expect(doc.timeline.discovery).toEqual({ unit: 'Unknown' });
  expect(doc.plus.breach_impact.timeline_basis.discovery_at_least_days).toBe(7);
  // Access cut on 01-29 (H) or 01-31 (M): days, but no single value.
  expect(doc.timeline.containment).toEqual({ unit: 'Days' });
  const oneCut = viamedisLike();
  oneCut.events = oneCut.events.filter((e) => e.id !== 'e4');
  expect(v(oneCut).timeline.containment).toEqual({ unit: 'Days', value: 0 });
});

test('timeline: an undated intrusion gives only the year of the first dated event, said to be an upper bound', () => {
  const doc = v(almerysLike());
  expect(doc.timeline.incident).toEqual({ year: 2024 });
  expect(doc.plus.breach_impact.timeline_basis.incident).toMatch(/intrusion date unknown.*upper bound/);
  expect(doc.timeline.containment).toEqual({ unit: 'Unknown' });
});

test('a breach with no dated event cannot be exported (BAD_USER_INPUT), rather than given an invented year', () => {
  const r = viamedisLike();
  r.events = r.events.map((e) => ({ ...e, date: null }));
  let error: unknown;
  try {
    toVeris(r);
  } catch (e) {
    error = e;
  }
  expect(isAppError(error) && error.code).toBe('BAD_USER_INPUT');
});

test('actions: phishing of a partner, use of stolen creds through a partner credential on a web application', () => {
  const { action } = v();
  expect(action.social).toMatchObject({ variety: ['Phishing'], vector: ['Unknown'], target: ['Partner'] });
  expect(action.hacking).toMatchObject({ variety: ['Use of stolen creds'], vector: ['Partner', 'Web application'], result: ['Infiltrate', 'Exfiltrate'] });
  expect(action.hacking.notes).toMatch(/T1213 .*confidence M, inferred/);
  const none = viamedisLike();
  none.breach = { ...none.breach, attackTechniques: [] };
  expect(v(none).action).toEqual({ unknown: { notes: expect.any(String) } });
});

test('confidentiality: exposed categories only; claims make it "Potentially", denials stay in notes', () => {
  const c = v().attribute.confidentiality;
  expect(c.data_disclosure).toBe('Yes');
  expect(c.data.map((d: any) => d.variety).sort()).toEqual(['Bank', 'Credentials', 'Medical', 'Personal', 'Sensitive Personal']);
  expect(c.data_victim).toEqual(['Customer', 'Partner']);
  expect(c.notes).toMatch(/SOME_INSURERS; Member number exposed for some insurers only/);
  expect(c.notes).toMatch(/stated NOT exposed: INSURED Bank details \(RIB\)/);
  // Insured people only: the insured bank details were NOT exposed, so no "Bank".
  const insured = viamedisLike();
  insured.exposures = insured.exposures.filter((e) => e.subjects === 'INSURED');
  expect(v(insured).attribute.confidentiality.data.map((d: any) => d.variety)).not.toContain('Bank');
  const claimedOnly = almerysLike();
  claimedOnly.exposures = claimedOnly.exposures.filter((e) => e.status === 'CLAIMED');
  const cc = v(claimedOnly).attribute.confidentiality;
  expect(cc.data_disclosure).toBe('Potentially');
  expect(cc.data).toBeUndefined();
  expect(cc.notes).toMatch(/claimed, not confirmed: PROFESSIONAL Bank details \(RIB\) \(L/);
});

test('data_total: never a figure shared by several breaches, of confidence L, or about one insurer; set from a fitting one', () => {
  const r = viamedisLike();
  expect(honestDataTotal(r)).toBeNull();
  const c = v(r).attribute.confidentiality;
  expect(c.data_total).toBeUndefined();
  expect(c.notes).toMatch(/more than 33,000,000 \(H, intrassi.net; one figure for several breaches, not a per-breach total\); caveat: duplicates are possible \(M, fr.news.yahoo.com\)/);
  expect(c.notes).toMatch(/data_total omitted/);
  r.figures.push({ ...r.figures[0], id: 'fig-own', value: 12_345, qualifier: 'EXACT', confidence: 'M', caveats: [] });
  expect(v(r).attribute.confidentiality.data_total).toBe(12_345);
  // Two fitting figures that disagree: unknown, not a pick.
  r.figures.push({ ...r.figures[0], id: 'fig-other', value: 99_999, qualifier: 'EXACT', confidence: 'H', caveats: [] });
  expect(v(r).attribute.confidentiality.data_total).toBeUndefined();
});

test('victim: the operator with its stated country and classified industry; insurers as secondary victims only when readable', () => {
  const doc = v();
  expect(doc.victim).toMatchObject({ victim_id: 'Viamedis', industry: '524292', country: ['FR'], region: ['150155'], employee_count: 'Unknown', government: ['NA'] });
  expect(doc.victim.notes).toMatch(/record gives no NAICS code/);
  expect(doc.victim.secondary).toMatchObject({ amount: 2, victim_id: ['AMAE', 'La Mutuelle Générale'] });
  const withheld = v(almerysLike());
  expect(withheld.victim.secondary).toBeUndefined();
  expect(withheld.plus.breach_impact.secondary_victims).toMatch(/withheld/);
});

test('unknowns are "Unknown": actor, discovery method, targeting, cloud', () => {
  const doc = v();
  expect(doc.actor.external).toMatchObject({ variety: ['Unknown'], motive: ['Unknown'], country: ['Unknown'] });
  expect(doc.discovery_method).toEqual({ unknown: true });
  expect(doc.targeted).toBe('Unknown');
  expect(doc.asset.cloud).toEqual(['Unknown']);
  expect(doc.security_incident).toBe('Confirmed');
  expect(doc.reference).toContain('https://silicon.fr/hack-tiers-payant-33-millions-victimes-475744.html');
  expect(doc.reference).not.toContain('seed-article');
});

test('the same record gives the same document', () => {
  expect(JSON.stringify(v())).toBe(JSON.stringify(v()));
});
