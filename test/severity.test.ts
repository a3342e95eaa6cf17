import { Api, as, startApi } from './harness';

/**
 * Severity (#11 §5) on the seeded case, reasoned from docs/FACTS.md (the fact sheet) and the rule
 * of src/domain/severity (ENISA 2013: SE = DPC × EI + CB; low < 2 ≤ medium < 3 ≤ high < 4 ≤ very
 * high; Art. 34 for high and very high).
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const FIELDS = `
  breachId controllerId referenceDate populationIds score level notifyDataSubjects drivenBy countRule explanation method
  circumstances {
    score
    confidentiality { extent score stated facts { kind text date sourceUrl confidence } }
    integrity { extent score stated explanation }
    availability { extent score stated facts { kind text date } }
    maliciousIntent { extent score stated facts { kind text } }
  }
  groups {
    subjects score level notifyDataSubjects explanation
    dataProcessingContext { score basicScore dataType setBy adjustments { factor delta stated } }
    easeOfIdentification { level score setBy }
    categories { categoryId status scope confidence sourceUrl dataType treatment reason }
    ifUnconfirmedHeld { score level notifyDataSubjects categoryIds }
  }
  ifUnconfirmedHeld { score level notifyDataSubjects }`;

const breachSeverity = async (breachId: string) => {
  const { data, errors } = await api.run(`query($b: ID!) { breachSeverity(breachId: $b) { ${FIELDS} } }`, { b: breachId }, { kind: 'anonymous' });
  expect(errors).toBeUndefined();
  return data.breachSeverity;
};
const controllerSeverity = async (breachId: string, controllerId: string, principal = as('REGULATOR')) =>
  api.run(`query($b: ID!, $c: ID!) { controllerSeverity(breachId: $b, controllerId: $c) { ${FIELDS} } }`, { b: breachId, c: controllerId }, principal);
const group = (s: any, subjects: string) => s.groups.find((g: any) => g.subjects === subjects);
const treatment = (g: any, cat: string) => g.categories.find((c: any) => c.categoryId === cat)?.treatment;

describe('breachSeverity: the whole breach from the public record', () => {
  it('Viamedis: CB 1.25 from the intrusion and the closures, every element with its facts', async () => {
    const s = await breachSeverity('breach-viamedis-2024');
    const cb = s.circumstances;
    // FACTS "Attack vector": a phished professional account, used to log in (H); data collected by
    // a bot on 2024-01-22 (mutaero.net, M): attackers nobody identified → unknown recipients, +0.5.
    expect([cb.confidentiality.extent, cb.confidentiality.score, cb.confidentiality.stated]).toEqual(['UNKNOWN_RECIPIENTS', 0.5, true]);
    expect(cb.confidentiality.facts).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'EVENT', date: '2024-01-22', sourceUrl: 'mutaero.net/actualites/information-importante-la-suite-la-cyberattaque', confidence: 'M' }),
      expect.objectContaining({ kind: 'TECHNIQUE', text: 'ATT&CK T1078' }),
    ]));
    // T1213 is inferred (FACTS: "inferred"): not a stated fact of intent.
    expect(cb.maliciousIntent.facts.map((f: any) => f.text)).not.toContain('ATT&CK T1213');
    // No source says data were altered: silent, 0.
    expect([cb.integrity.score, cb.integrity.stated]).toEqual([0, false]);
    expect(cb.integrity.explanation).toContain('silent');
    // Visiodroits down from 15:00 on 2024-01-29 (H), professionals' access cut on 01-29 and 01-31
    // (both kept): temporary unavailability, +0.25.
    expect([cb.availability.extent, cb.availability.score]).toEqual(['TEMPORARY', 0.25]);
    expect(cb.availability.facts.map((f: any) => f.date)).toEqual(expect.arrayContaining(['2024-01-29', '2024-01-31']));
    // An attack, not an error: +0.5.
    expect([cb.maliciousIntent.extent, cb.maliciousIntent.score]).toEqual(['MALICIOUS', 0.5]);
    expect(cb.score).toBe(1.25);
  });

  it('Viamedis insured: health data (medical-transport invoices) set DPC 4; name, birth date and NIR set EI maximum: 5.25, very high', async () => {
    const s = await breachSeverity('breach-viamedis-2024');
    const g = group(s, 'INSURED');
    // FACTS "Data exposed", Viamedis insured (H): civil status, date of birth, NIR, insurer name,
    // guarantees, member number for some insurers, fewer than 50 invoices with medical-transport
    // details. Invoices reveal care: sensitive (4), the highest type.
    expect(g.dataProcessingContext).toMatchObject({ score: 4, basicScore: 4, dataType: 'SENSITIVE', setBy: ['cat-medical-transport-invoices'] });
    expect(g.dataProcessingContext.adjustments.every((a: any) => a.delta === 0 && a.stated === false)).toBe(true);
    expect(g.easeOfIdentification.level).toBe('MAXIMUM');
    expect(g.easeOfIdentification.setBy).toEqual(expect.arrayContaining(['cat-civil-status', 'cat-birth-date', 'cat-nir']));
    expect([g.score, g.level, g.notifyDataSubjects]).toEqual([5.25, 'VERY_HIGH', true]);
    // "Member number for some insurers": counted for the breach (taken for some people), with its scope.
    expect(g.categories.find((c: any) => c.categoryId === 'cat-member-number')).toMatchObject({ status: 'EXPOSED', scope: 'SOME_INSURERS', treatment: 'COUNTED' });
    // CNIL (H): bank details, medical data, reimbursements… not exposed: listed, never counted.
    expect(treatment(g, 'cat-medical-data')).toBe('NOT_EXPOSED');
    expect(treatment(g, 'cat-bank-details')).toBe('NOT_EXPOSED');
    expect(g.ifUnconfirmedHeld).toBeNull();
  });

  it('Viamedis professionals: bank details (RIB) set DPC 3 (financial): 4.25, very high; the whole is 5.25, driven by insured', async () => {
    const s = await breachSeverity('breach-viamedis-2024');
    const g = group(s, 'PROFESSIONAL');
    // FACTS, Viamedis professionals (H): name, email, phone, postal address, login, RIB, SIRET, FINESS…
    expect(g.dataProcessingContext).toMatchObject({ score: 3, dataType: 'FINANCIAL', setBy: ['cat-bank-details'] });
    expect(g.easeOfIdentification.level).toBe('MAXIMUM');
    expect([g.score, g.level, g.notifyDataSubjects]).toEqual([4.25, 'VERY_HIGH', true]);
    expect([s.score, s.level, s.notifyDataSubjects, s.drivenBy, s.countRule, s.ifUnconfirmedHeld]).toEqual([5.25, 'VERY_HIGH', true, 'INSURED', 'BREACH', null]);
    expect(s.method).toContain('ENISA');
  });

  it('Almerys insured: simple data only (DPC 1), EI maximum, CB 1.25: 2.25, medium, no Art. 34 from the score', async () => {
    const s = await breachSeverity('breach-almerys-2024');
    const g = group(s, 'INSURED');
    // FACTS, Almerys insured (H): name, date and rank of birth, NIR, insurer name, contract number,
    // internal reference: all simple data in ENISA's types.
    expect(g.dataProcessingContext).toMatchObject({ score: 1, dataType: 'SIMPLE' });
    expect(g.easeOfIdentification.level).toBe('MAXIMUM');
    // Stolen logins used on the portal (H), portal closed (undated, H): CB 0.5 + 0 + 0.25 + 0.5.
    expect(s.circumstances.score).toBe(1.25);
    expect(s.circumstances.availability.facts.map((f: any) => f.date)).toContain(null);
    expect([g.score, g.level, g.notifyDataSubjects]).toEqual([2.25, 'MEDIUM', false]);
  });

  it('Almerys professionals: the FSPF claim (L) is shown as a claim, never scored; its effect apart (2.75, medium)', async () => {
    const s = await breachSeverity('breach-almerys-2024');
    const g = group(s, 'PROFESSIONAL');
    expect(g.categories).toEqual([expect.objectContaining({ categoryId: 'cat-bank-details', status: 'CLAIMED', confidence: 'L', treatment: 'UNCONFIRMED' })]);
    expect([g.score, g.level, g.notifyDataSubjects]).toEqual([null, null, null]);
    // If the claim held: financial 3 × limited 0.5 (an IBAN without a name) + 1.25.
    expect(g.ifUnconfirmedHeld).toEqual({ score: 2.75, level: 'MEDIUM', notifyDataSubjects: false, categoryIds: ['cat-bank-details'] });
    expect([s.score, s.level, s.drivenBy]).toEqual([2.25, 'MEDIUM', 'INSURED']);
    expect(s.ifUnconfirmedHeld).toEqual({ score: 2.75, level: 'MEDIUM', notifyDataSubjects: false });
  });

  it('Breach.severity answers the same, without a token', async () => {
    const { data, errors } = await api.run('{ breach(id: "breach-viamedis-2024") { severity { score level } } }', undefined, { kind: 'anonymous' });
    expect(errors).toBeUndefined();
    expect(data.breach.severity).toEqual({ score: 5.25, level: 'VERY_HIGH' });
  });

  it('an unknown breach is NOT_FOUND', async () => {
    const { errors } = await api.run('{ breachSeverity(breachId: "breach-nope") { score } }', undefined, { kind: 'anonymous' });
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('controllerSeverity: one controller’s people, chosen by its impact paths', () => {
  it('Malakoff Humanis (Viamedis): no invoices on its flow, the member number unconfirmed for it: 2.25, medium', async () => {
    const { data, errors } = await controllerSeverity('breach-viamedis-2024', 'org-malakoff-humanis');
    expect(errors).toBeUndefined();
    const s = data.controllerSeverity;
    expect(s).toMatchObject({ controllerId: 'org-malakoff-humanis', populationIds: ['pop-malakoff-humanis-insured'], countRule: 'CONTROLLER' });
    expect(s.referenceDate).toBe('2024-01-22');
    expect(s.groups.map((g: any) => g.subjects)).toEqual(['INSURED']);
    const g = group(s, 'INSURED');
    // Its flow carries identity, NIR, insurer, guarantees, member and contract numbers; the invoices
    // come from professionals' billing (seed note), so they are not on its path.
    expect(treatment(g, 'cat-medical-transport-invoices')).toBeUndefined();
    // "Member number for some insurers", which ones not stated: not confirmed for Malakoff Humanis.
    expect(treatment(g, 'cat-member-number')).toBe('UNCONFIRMED');
    expect(g.dataProcessingContext).toMatchObject({ score: 1, dataType: 'SIMPLE' });
    expect(g.easeOfIdentification.level).toBe('MAXIMUM');
    expect([s.score, s.level, s.notifyDataSubjects]).toEqual([2.25, 'MEDIUM', false]);
    expect(g.ifUnconfirmedHeld).toMatchObject({ score: 2.25, categoryIds: ['cat-member-number'] });
  });

  it('Viamedis, controller of its professionals’ accounts: 4.25, very high, Art. 34 follows', async () => {
    const { data } = await controllerSeverity('breach-viamedis-2024', 'org-viamedis');
    const s = data.controllerSeverity;
    expect(s.populationIds).toEqual(['pop-viamedis-pharmacists', 'pop-viamedis-professionals']);
    expect([s.score, s.level, s.notifyDataSubjects, s.drivenBy]).toEqual([4.25, 'VERY_HIGH', true, 'PROFESSIONAL']);
  });

  it('Alan (Almerys), asked by Alan itself: 2.25, medium', async () => {
    const { data, errors } = await controllerSeverity('breach-almerys-2024', 'org-alan', as('INSURER', 'org-alan'));
    expect(errors).toBeUndefined();
    expect([data.controllerSeverity.score, data.controllerSeverity.level, data.controllerSeverity.populationIds]).toEqual([2.25, 'MEDIUM', ['pop-alan-insured']]);
  });

  it('Almerys, controller of its professionals: only the claim, so no score, and its effect apart', async () => {
    const { data } = await controllerSeverity('breach-almerys-2024', 'org-almerys');
    const s = data.controllerSeverity;
    expect([s.score, s.level, s.drivenBy]).toEqual([null, null, null]);
    expect(s.ifUnconfirmedHeld).toEqual({ score: 2.75, level: 'MEDIUM', notifyDataSubjects: false });
  });

  it('a controller the breach does not reach: no score, said so', async () => {
    const { data } = await controllerSeverity('breach-viamedis-2024', 'org-alan');
    const s = data.controllerSeverity;
    expect([s.score, s.groups, s.populationIds]).toEqual([null, [], []]);
    expect(s.explanation).toContain('No path of breach-viamedis-2024 reaches data that org-alan controls');
  });

  it('an insurer may ask only about itself; anonymous callers need a token; unknown ids are NOT_FOUND', async () => {
    const other = await controllerSeverity('breach-almerys-2024', 'org-mgp', as('INSURER', 'org-alan'));
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anon = await controllerSeverity('breach-almerys-2024', 'org-alan', { kind: 'anonymous' });
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await controllerSeverity('breach-nope', 'org-alan')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await controllerSeverity('breach-almerys-2024', 'org-nope')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
