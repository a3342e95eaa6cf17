import { isAppError } from '../../errors/app-error';
import { emptyKnownIds, SeedFile, validateSeed } from './seed-format';

/** The SEED_INVALID message of a refused seed, or a failure when the seed is accepted. */
function refusal(seed: object): string {
  try {
    validateSeed('test.json', seed as SeedFile, emptyKnownIds());
  } catch (e) {
    if (isAppError(e) && e.code === 'SEED_INVALID') return e.message;
    throw e;
  }
  throw new Error('the seed was accepted');
}

const org = { id: 'org-a', name: 'A', roles: ['INSURER'], kind: 'MUTUELLE', description: null, source: null, confidence: null };
const population = { id: 'pop-a', name: 'P', kind: 'INSURED', owner: 'org-a', size: null, sizeQualifier: null, note: null, source: null, confidence: null };

test('regression: a date that does not exist (2024-02-30) is refused with SEED_INVALID naming the record and field', () => {
  const message = refusal({
    dataset: 'test-calendar',
    organizations: [org],
    populations: [population],
    contracts: [{ id: 'ct-a', number: 'N1', insurer: 'org-a', population: 'pop-a', product: null, operator: null, network: null, startDate: '2024-02-30', endDate: null, synthetic: true, beneficiaries: [{ key: 'k1', role: 'HOLDER' }] }],
  });
  expect(message).toMatch(/^Seed file test\.json is invalid/);
  expect(message).toContain('test.json contracts[0] (ct-a): field "startDate" = "2024-02-30"');
});

test('every problem is listed, in file order, with file, record and field: schema and cross-record checks alike', () => {
  const message = refusal({
    dataset: 'test-many',
    organizations: [org, { ...org, kind: 'BANK' }],
    populations: [{ ...population, owner: 'org-nope' }],
    contracts: [{ id: 'ct-a', number: 'N1', insurer: 'org-a', population: 'pop-a', product: null, operator: null, network: null, startDate: '2024-03-01', endDate: '2024-02-01', synthetic: true, beneficiaries: [{ key: 'k1', role: 'HEIR' }] }],
  });
  expect(message.split('\n')).toEqual([
    'Seed file test.json is invalid (5 problem(s)):',
    '- test.json organizations[1] (org-a): field "kind" = "BANK" must be one of TIERS_PAYANT_OPERATOR, GROUP, MUTUELLE, INSURANCE_COMPANY, PROVIDENT_INSTITUTION, BROKER, CARE_NETWORK, AUTHORITY, PROFESSIONAL_BODY, UNKNOWN',
    '- test.json organizations[1] (org-a): field "id" = "org-a" is defined twice',
    '- test.json populations[0] (pop-a): field "owner" = "org-nope" must be the id of a known organization',
    '- test.json contracts[0] (ct-a): field "endDate" = "2024-02-01" is before startDate 2024-03-01',
    '- test.json contracts[0] (ct-a).beneficiaries[0]: field "role" = "HEIR" must be one of HOLDER, DEPENDANT',
  ]);
});

test('references may name records of files validated before, and the ids a file defines are returned for the next', () => {
  const known = validateSeed('first.json', { dataset: 'test-first', organizations: [org], populations: [population] } as SeedFile);
  expect([...known.organizations]).toEqual(['org-a']);
  const system = { id: 'sys-a', name: 'S', kind: 'OTHER', operator: 'org-a', description: null, source: null, confidence: null };
  const next = validateSeed('second.json', { dataset: 'test-second', systems: [system] } as SeedFile, known);
  expect([...next.systems]).toEqual(['sys-a']);
  expect(() => validateSeed('third.json', { dataset: 'test-third', systems: [system] } as SeedFile)).toThrow(/third\.json systems\[0\] \(sys-a\): field "operator" = "org-a" must be the id of a known organization/);
});

test('an ownership or partnership that ends before it starts is refused (new with the schema split)', () => {
  const message = refusal({
    dataset: 'test-order',
    organizations: [org, { ...org, id: 'org-b' }],
    ownerships: [{ parent: 'org-a', child: 'org-b', share: 100, validFrom: '2024-05-01', validTo: '2024-04-30', note: null, source: null, confidence: null }],
    partnerships: [{ id: 'ps-a', insurer: 'org-a', partner: 'org-b', kind: 'TIERS_PAYANT', validFrom: '2024-05-01', validTo: '2024-05-01', note: null, source: null, confidence: null }],
  });
  expect(message).toContain('(1 problem(s))');
  expect(message).toContain('test.json ownerships[0]: field "validTo" = "2024-04-30" is before validFrom 2024-05-01');
});

test('the free-text fields stay unchecked, as before the schema (the loader stores them as given)', () => {
  expect(() => validateSeed('test.json', { dataset: 'test-free', organizations: [{ ...org, description: { not: 'a string' } }] } as unknown as SeedFile)).not.toThrow();
});
