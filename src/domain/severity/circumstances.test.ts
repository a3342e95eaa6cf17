import { BreachCircumstancesRecord, circumstancesOf } from './circumstances';

// Pure rule: no database.
const empty: BreachCircumstancesRecord = { vector: null, ransomware: null, techniques: [], events: [], compromised: [] };
const ev = (kind: string, date: string | null = '2024-01-29') => ({ kind, date, description: `${kind} text`, sourceUrl: 'src', confidence: 'H' as const });

describe('CB from the record', () => {
  it('a silent record scores 0 and every element says it is silent', () => {
    const cb = circumstancesOf(empty);
    expect(cb.score).toBe(0);
    for (const e of [cb.confidentiality, cb.integrity, cb.availability, cb.maliciousIntent]) {
      expect([e.extent, e.score, e.stated, e.facts]).toEqual(['NONE', 0, false, []]);
      expect(e.explanation).toMatch(/silent|not said|states no/);
    }
  });

  it('an intrusion: unknown recipients (+0.5) and malicious intent (+0.5), with the facts', () => {
    const cb = circumstancesOf({
      ...empty,
      vector: 'Phished credentials',
      techniques: [{ id: 'T1078', inferred: false, sourceUrl: 'fs', confidence: 'H' }, { id: 'T1213', inferred: true, sourceUrl: 'fs', confidence: 'M' }],
      events: [ev('DATA_COLLECTED', '2024-01-22')],
      compromised: [{ systemId: 'sys-a', channelId: 'chan-a', sourceUrl: 'x', confidence: 'H' }],
    });
    expect([cb.confidentiality.extent, cb.confidentiality.score]).toEqual(['UNKNOWN_RECIPIENTS', 0.5]);
    expect(cb.confidentiality.facts.map((f) => f.kind)).toEqual(['VECTOR', 'TECHNIQUE', 'EVENT', 'COMPROMISED']);
    expect([cb.maliciousIntent.extent, cb.maliciousIntent.score]).toEqual(['MALICIOUS', 0.5]);
    // An inferred technique is not a stated fact.
    expect(cb.maliciousIntent.facts.map((f) => f.text)).toEqual(['Phished credentials', 'ATT&CK T1078']);
    expect(cb.availability.score).toBe(0);
    expect(cb.score).toBe(1);
  });

  it('an intrusion event alone (no vector) sets confidentiality, not malice', () => {
    const cb = circumstancesOf({ ...empty, events: [ev('INTRUSION', null)] });
    expect([cb.confidentiality.extent, cb.confidentiality.facts.length, cb.maliciousIntent.stated]).toEqual(['UNKNOWN_RECIPIENTS', 1, false]);
  });

  it('only an inferred technique states no malice', () => {
    const cb = circumstancesOf({ ...empty, techniques: [{ id: 'T1213', inferred: true, sourceUrl: null, confidence: 'M' }] });
    expect(cb.maliciousIntent.stated).toBe(false);
    expect(cb.confidentiality.stated).toBe(false);
  });

  it('closures: temporary unavailability (+0.25), undated ones included', () => {
    const cb = circumstancesOf({ ...empty, events: [ev('SERVICE_DOWN'), ev('ACCESS_CUT', null), ev('DISCLOSED')] });
    expect([cb.availability.extent, cb.availability.score]).toEqual(['TEMPORARY', 0.25]);
    expect(cb.availability.facts.map((f) => [f.text.split(':')[0], f.date])).toEqual([['SERVICE_DOWN', '2024-01-29'], ['ACCESS_CUT', null]]);
    expect(cb.score).toBe(0.25);
  });

  it('ransomware: malicious and temporarily unavailable', () => {
    const cb = circumstancesOf({ ...empty, ransomware: true });
    expect([cb.availability.score, cb.maliciousIntent.score, cb.score]).toEqual([0.25, 0.5, 0.75]);
  });

  it('integrity: the record has no alteration event, always silent', () => {
    const cb = circumstancesOf({ ...empty, vector: 'x', events: [ev('SERVICE_DOWN')] });
    expect([cb.integrity.score, cb.integrity.stated]).toEqual([0, false]);
  });
});
