import { isAppError } from '../errors/app-error';
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
